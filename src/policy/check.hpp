#pragma once
// `rootguard policy check` as a pure function: text in, verdict out (parse, validate, analyze root).
#include "policy/policy_problem.hpp"
#include "policy/policy_type.hpp"
#include "policy/root_analysis.hpp"

#include <string_view>
#include <vector>

namespace rg::policy {

struct CheckResult {
  PolicyType type = PolicyType::kScp;
  bool valid = false; // no problem of severity error
  std::vector<PolicyProblem> problems;
  RootDenial denies_root;
};

CheckResult check_policy(std::string_view text, PolicyType type, const RootAnalysisOptions& options = {});

// 0 when the policy is valid and denies root at least some actions; 3 (failures reported) when it has
// errors or denies root nothing. Warnings never change the code. See
// docs/decisions/policy-check-exit-codes.md.
int check_exit_code(const CheckResult& result);

} // namespace rg::policy
