#pragma once
// Condition operator names decoded once: "ForAllValues:StringNotLikeIfExists" -> set qualifier,
// base operator, IfExists. Unknown names decode to nullopt; the evaluator then treats the test as false.
#include <optional>
#include <string_view>

namespace rg::policy {

enum class BaseOperator {
  kStringEquals,
  kStringNotEquals,
  kStringEqualsIgnoreCase,
  kStringNotEqualsIgnoreCase,
  kStringLike,
  kStringNotLike,
  kNumericEquals,
  kNumericNotEquals,
  kNumericLessThan,
  kNumericLessThanEquals,
  kNumericGreaterThan,
  kNumericGreaterThanEquals,
  kDateEquals,
  kDateNotEquals,
  kDateLessThan,
  kDateLessThanEquals,
  kDateGreaterThan,
  kDateGreaterThanEquals,
  kBool,
  kBinaryEquals,
  kIpAddress,
  kNotIpAddress,
  kArnEquals,
  kArnLike,
  kArnNotEquals,
  kArnNotLike,
  kNull,
};

enum class SetQualifier { kNone, kForAnyValue, kForAllValues };

struct ConditionOperator {
  BaseOperator base = BaseOperator::kStringEquals;
  SetQualifier qualifier = SetQualifier::kNone;
  bool if_exists = false;
};

// Operator names are case-sensitive in IAM ("stringequals" is rejected), so no folding here.
std::optional<ConditionOperator> parse_condition_operator(std::string_view name);

// StringNotEquals, ArnNotLike, NotIpAddress...: true when the key matches none of the values.
bool is_negated(BaseOperator base);
// Operators whose values may contain * and ? (StringLike, ArnLike, ArnEquals and their negations).
bool supports_wildcards(BaseOperator base);
bool is_string_family(BaseOperator base);
bool is_arn_family(BaseOperator base);

} // namespace rg::policy
