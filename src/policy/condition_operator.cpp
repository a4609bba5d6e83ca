#include "policy/condition_operator.hpp"

#include <array>
#include <utility>

namespace rg::policy {
namespace {

constexpr std::array<std::pair<std::string_view, BaseOperator>, 27> kBaseNames{{
    {"StringEquals", BaseOperator::kStringEquals},
    {"StringNotEquals", BaseOperator::kStringNotEquals},
    {"StringEqualsIgnoreCase", BaseOperator::kStringEqualsIgnoreCase},
    {"StringNotEqualsIgnoreCase", BaseOperator::kStringNotEqualsIgnoreCase},
    {"StringLike", BaseOperator::kStringLike},
    {"StringNotLike", BaseOperator::kStringNotLike},
    {"NumericEquals", BaseOperator::kNumericEquals},
    {"NumericNotEquals", BaseOperator::kNumericNotEquals},
    {"NumericLessThan", BaseOperator::kNumericLessThan},
    {"NumericLessThanEquals", BaseOperator::kNumericLessThanEquals},
    {"NumericGreaterThan", BaseOperator::kNumericGreaterThan},
    {"NumericGreaterThanEquals", BaseOperator::kNumericGreaterThanEquals},
    {"DateEquals", BaseOperator::kDateEquals},
    {"DateNotEquals", BaseOperator::kDateNotEquals},
    {"DateLessThan", BaseOperator::kDateLessThan},
    {"DateLessThanEquals", BaseOperator::kDateLessThanEquals},
    {"DateGreaterThan", BaseOperator::kDateGreaterThan},
    {"DateGreaterThanEquals", BaseOperator::kDateGreaterThanEquals},
    {"Bool", BaseOperator::kBool},
    {"BinaryEquals", BaseOperator::kBinaryEquals},
    {"IpAddress", BaseOperator::kIpAddress},
    {"NotIpAddress", BaseOperator::kNotIpAddress},
    {"ArnEquals", BaseOperator::kArnEquals},
    {"ArnLike", BaseOperator::kArnLike},
    {"ArnNotEquals", BaseOperator::kArnNotEquals},
    {"ArnNotLike", BaseOperator::kArnNotLike},
    {"Null", BaseOperator::kNull},
}};

bool consume_prefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) == prefix) {
    text.remove_prefix(prefix.size());
    return true;
  }
  return false;
}

} // namespace

std::optional<ConditionOperator> parse_condition_operator(std::string_view name) {
  ConditionOperator op;
  if (consume_prefix(name, "ForAnyValue:")) {
    op.qualifier = SetQualifier::kForAnyValue;
  } else if (consume_prefix(name, "ForAllValues:")) {
    op.qualifier = SetQualifier::kForAllValues;
  }
  constexpr std::string_view kIfExists = "IfExists";
  if (name.size() > kIfExists.size() && name.substr(name.size() - kIfExists.size()) == kIfExists) {
    op.if_exists = true;
    name.remove_suffix(kIfExists.size());
  }
  for (const auto& [text, base] : kBaseNames) {
    if (text == name) {
      op.base = base;
      // Null tests presence itself: IfExists or a set qualifier on it is meaningless and rejected.
      if (base == BaseOperator::kNull && (op.if_exists || op.qualifier != SetQualifier::kNone)) {
        return std::nullopt;
      }
      return op;
    }
  }
  return std::nullopt;
}

bool is_negated(BaseOperator base) {
  switch (base) {
  case BaseOperator::kStringNotEquals:
  case BaseOperator::kStringNotEqualsIgnoreCase:
  case BaseOperator::kStringNotLike:
  case BaseOperator::kNumericNotEquals:
  case BaseOperator::kDateNotEquals:
  case BaseOperator::kNotIpAddress:
  case BaseOperator::kArnNotEquals:
  case BaseOperator::kArnNotLike:
    return true;
  default:
    return false;
  }
}

bool supports_wildcards(BaseOperator base) {
  return base == BaseOperator::kStringLike || base == BaseOperator::kStringNotLike || is_arn_family(base);
}

bool is_string_family(BaseOperator base) {
  switch (base) {
  case BaseOperator::kStringEquals:
  case BaseOperator::kStringNotEquals:
  case BaseOperator::kStringEqualsIgnoreCase:
  case BaseOperator::kStringNotEqualsIgnoreCase:
  case BaseOperator::kStringLike:
  case BaseOperator::kStringNotLike:
    return true;
  default:
    return false;
  }
}

bool is_arn_family(BaseOperator base) {
  return base == BaseOperator::kArnEquals || base == BaseOperator::kArnLike ||
         base == BaseOperator::kArnNotEquals || base == BaseOperator::kArnNotLike;
}

} // namespace rg::policy
