#pragma once
// Policy text -> Document plus the structural problems every policy type shares (JSON syntax, element
// shapes, Effect, empty lists). Type-specific rules live in validator.hpp.
#include "policy/document.hpp"
#include "policy/policy_problem.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace rg::policy {

struct ParseOutput {
  std::optional<Document> document; // nullopt when the text is not a JSON object
  std::vector<PolicyProblem> problems;
};

ParseOutput parse_policy(std::string_view text);

} // namespace rg::policy
