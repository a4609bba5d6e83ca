#pragma once
// Rules that depend on the policy type (which elements are allowed, size limits) plus the semantic
// warnings for mistakes that parse fine but silently do nothing (aws:PrincipalType = "Root", ...).
#include "policy/document.hpp"
#include "policy/policy_problem.hpp"
#include "policy/policy_type.hpp"

#include <vector>

namespace rg::policy {

// AWS Organizations: every character counts, whitespace included.
inline constexpr size_t kScpMaxCharacters = 5120;
// IAM managed policy: whitespace is not counted.
inline constexpr size_t kManagedPolicyMaxCharacters = 6144;

std::vector<PolicyProblem> validate_policy(const Document& document, PolicyType type);

} // namespace rg::policy
