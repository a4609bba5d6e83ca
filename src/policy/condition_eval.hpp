#pragma once
// Evaluates a statement's Condition block against a request context with IAM's rules: operators AND,
// keys AND, values OR (NOR for the negated operators); absent keys, ...IfExists, Null and the
// ForAnyValue:/ForAllValues: set qualifiers as documented in the IAM User Guide.
#include "policy/document.hpp"
#include "policy/request_context.hpp"

#include <string>
#include <vector>

namespace rg::policy {

struct ConditionOptions {
  bool substitute_variables = true; // false for Version 2008-10-17 (or no Version)
};

enum class Truth { kFalse, kTrue, kUnknown };

// Three-valued: kUnknown when the test needs a key an open-world context leaves unknown.
Truth condition_truth(const ConditionTest& test, const RequestContext& context,
                      const ConditionOptions& options,
                      std::vector<std::string>* unknown_operator_paths = nullptr);
// AND of every test: any false -> false, else any unknown -> unknown, else true.
Truth conditions_truth(const std::vector<ConditionTest>& tests, const RequestContext& context,
                       const ConditionOptions& options,
                       std::vector<std::string>* unknown_operator_paths = nullptr);

// Two-valued shorthands (true only when certainly true). An unknown operator makes its test false (and
// appends the test's path to `unknown_operator_paths`).
bool evaluate_condition_test(const ConditionTest& test, const RequestContext& context,
                             const ConditionOptions& options,
                             std::vector<std::string>* unknown_operator_paths = nullptr);

bool evaluate_conditions(const std::vector<ConditionTest>& tests, const RequestContext& context,
                         const ConditionOptions& options,
                         std::vector<std::string>* unknown_operator_paths = nullptr);

} // namespace rg::policy
