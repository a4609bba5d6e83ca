#include "policy/policy_problem.hpp"

#include <algorithm>

namespace rg::policy {

std::string_view to_string(ProblemSeverity severity) {
  switch (severity) {
  case ProblemSeverity::kError:
    return "error";
  case ProblemSeverity::kWarning:
    return "warning";
  case ProblemSeverity::kInfo:
    return "info";
  }
  return "error";
}

void ProblemList::add(std::string code, ProblemSeverity severity, std::string path, std::string en,
                      std::string ja) {
  items_.push_back({std::move(code), severity, std::move(path), {std::move(en), std::move(ja)}, 0, 0});
}

bool ProblemList::has_errors() const {
  return policy::has_errors(items_);
}

bool has_code(const std::vector<PolicyProblem>& problems, std::string_view code) {
  return std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.code == code; });
}

bool has_errors(const std::vector<PolicyProblem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const auto& p) { return p.severity == ProblemSeverity::kError; });
}

} // namespace rg::policy
