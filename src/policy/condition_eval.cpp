#include "policy/condition_eval.hpp"

#include "policy/condition_operator.hpp"
#include "policy/ip_address.hpp"
#include "policy/variables.hpp"
#include "policy/wildcard.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace rg::policy {
namespace {

// The positive operator a negated one is the complement of.
BaseOperator positive_of(BaseOperator base) {
  switch (base) {
  case BaseOperator::kStringNotEquals:
    return BaseOperator::kStringEquals;
  case BaseOperator::kStringNotEqualsIgnoreCase:
    return BaseOperator::kStringEqualsIgnoreCase;
  case BaseOperator::kStringNotLike:
    return BaseOperator::kStringLike;
  case BaseOperator::kNumericNotEquals:
    return BaseOperator::kNumericEquals;
  case BaseOperator::kDateNotEquals:
    return BaseOperator::kDateEquals;
  case BaseOperator::kNotIpAddress:
    return BaseOperator::kIpAddress;
  case BaseOperator::kArnNotEquals:
    return BaseOperator::kArnEquals;
  case BaseOperator::kArnNotLike:
    return BaseOperator::kArnLike;
  default:
    return base;
  }
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

// Dates are ISO 8601 or epoch seconds (aws:EpochTime style), as IAM accepts both.
std::optional<long long> parse_date(std::string_view text) {
  if (const auto time = parse_iso8601(text)) {
    return time->time_since_epoch().count();
  }
  if (const auto number = parse_number(text)) {
    return static_cast<long long>(*number);
  }
  return std::nullopt;
}

int compare_numbers(double a, double b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

// True when the context value satisfies the positive operator against one policy value.
bool compare(BaseOperator base, std::string_view actual, std::string_view expected) {
  switch (base) {
  case BaseOperator::kStringEquals:
    return actual == expected;
  case BaseOperator::kStringEqualsIgnoreCase:
    return iequals(actual, expected);
  case BaseOperator::kStringLike:
    return wildcard_match(expected, actual);
  case BaseOperator::kNumericEquals:
  case BaseOperator::kNumericLessThan:
  case BaseOperator::kNumericLessThanEquals:
  case BaseOperator::kNumericGreaterThan:
  case BaseOperator::kNumericGreaterThanEquals: {
    const auto a = parse_number(actual);
    const auto b = parse_number(expected);
    if (!a || !b) {
      return false;
    }
    const int c = compare_numbers(*a, *b);
    return base == BaseOperator::kNumericEquals           ? c == 0
           : base == BaseOperator::kNumericLessThan       ? c < 0
           : base == BaseOperator::kNumericLessThanEquals ? c <= 0
           : base == BaseOperator::kNumericGreaterThan    ? c > 0
                                                          : c >= 0;
  }
  case BaseOperator::kDateEquals:
  case BaseOperator::kDateLessThan:
  case BaseOperator::kDateLessThanEquals:
  case BaseOperator::kDateGreaterThan:
  case BaseOperator::kDateGreaterThanEquals: {
    const auto a = parse_date(actual);
    const auto b = parse_date(expected);
    if (!a || !b) {
      return false;
    }
    return base == BaseOperator::kDateEquals           ? *a == *b
           : base == BaseOperator::kDateLessThan       ? *a < *b
           : base == BaseOperator::kDateLessThanEquals ? *a <= *b
           : base == BaseOperator::kDateGreaterThan    ? *a > *b
                                                       : *a >= *b;
  }
  case BaseOperator::kBool:
    return iequals(actual, expected) && (iequals(expected, "true") || iequals(expected, "false"));
  case BaseOperator::kBinaryEquals:
    return actual == expected; // both sides are base64 text
  case BaseOperator::kIpAddress:
    return ip_in_cidr(actual, expected);
  case BaseOperator::kArnEquals:
  case BaseOperator::kArnLike:
    return arn_matches(expected, actual);
  default:
    return false; // negated and Null operators never reach here
  }
}

bool null_test(const ConditionTest& test, const std::vector<std::string>* values) {
  const bool absent = values == nullptr || values->empty();
  return std::ranges::any_of(test.values, [absent](const std::string& expected) {
    return (iequals(expected, "true") && absent) || (iequals(expected, "false") && !absent);
  });
}

// The test against a context where its key is known (present or certainly absent).
bool matches(const ConditionOperator& op_value, const ConditionTest& test, const RequestContext& context,
             const ConditionOptions& options) {
  const auto* op = &op_value;
  const auto* actual_values = context.find(test.key);
  if (op->base == BaseOperator::kNull) {
    return null_test(test, actual_values);
  }
  const bool absent = actual_values == nullptr || actual_values->empty();
  if (absent) {
    if (op->if_exists) {
      return true;
    }
    if (op->qualifier == SetQualifier::kForAllValues) {
      return true; // vacuous truth: the documented trap of ForAllValues with a missing key
    }
    if (op->qualifier == SetQualifier::kForAnyValue) {
      return false;
    }
    return is_negated(op->base);
  }

  const bool negated = is_negated(op->base);
  const BaseOperator positive = positive_of(op->base);
  const bool substitute =
      options.substitute_variables && (is_string_family(positive) || is_arn_family(positive));
  std::vector<std::optional<std::string>> expected;
  expected.reserve(test.values.size());
  for (const auto& value : test.values) {
    expected.push_back(substitute ? substitute_variables(value, context) : std::optional<std::string>(value));
  }
  auto matches_any = [&](const std::string& actual) {
    return std::any_of(expected.begin(), expected.end(),
                       [&](const auto& value) { return value && compare(positive, actual, *value); });
  };
  auto value_ok = [&](const std::string& actual) {
    return negated ? !matches_any(actual) : matches_any(actual);
  };

  switch (op->qualifier) {
  case SetQualifier::kForAnyValue:
    return std::any_of(actual_values->begin(), actual_values->end(), value_ok);
  case SetQualifier::kForAllValues:
    return std::all_of(actual_values->begin(), actual_values->end(), value_ok);
  case SetQualifier::kNone:
    break;
  }
  // A single-valued operator on several values: positive ones need any match, negated ones no match.
  return negated ? std::all_of(actual_values->begin(), actual_values->end(), value_ok)
                 : std::any_of(actual_values->begin(), actual_values->end(), value_ok);
}

} // namespace

Truth condition_truth(const ConditionTest& test, const RequestContext& context,
                      const ConditionOptions& options, std::vector<std::string>* unknown_operator_paths) {
  const auto op = parse_condition_operator(test.operator_name);
  if (!op) {
    if (unknown_operator_paths != nullptr) {
      unknown_operator_paths->push_back(test.path);
    }
    return Truth::kFalse;
  }
  if (context.state(test.key) == KeyState::kUnknown) {
    return Truth::kUnknown;
  }
  return matches(*op, test, context, options) ? Truth::kTrue : Truth::kFalse;
}

Truth conditions_truth(const std::vector<ConditionTest>& tests, const RequestContext& context,
                       const ConditionOptions& options, std::vector<std::string>* unknown_operator_paths) {
  bool any_false = false;
  bool any_unknown = false;
  for (const auto& test : tests) {
    // Keep going after a false test so every unknown operator is reported, not just the first.
    const auto truth = condition_truth(test, context, options, unknown_operator_paths);
    any_false = any_false || truth == Truth::kFalse;
    any_unknown = any_unknown || truth == Truth::kUnknown;
  }
  return any_false ? Truth::kFalse : (any_unknown ? Truth::kUnknown : Truth::kTrue);
}

bool evaluate_condition_test(const ConditionTest& test, const RequestContext& context,
                             const ConditionOptions& options,
                             std::vector<std::string>* unknown_operator_paths) {
  return condition_truth(test, context, options, unknown_operator_paths) == Truth::kTrue;
}

bool evaluate_conditions(const std::vector<ConditionTest>& tests, const RequestContext& context,
                         const ConditionOptions& options, std::vector<std::string>* unknown_operator_paths) {
  return conditions_truth(tests, context, options, unknown_operator_paths) == Truth::kTrue;
}

} // namespace rg::policy
