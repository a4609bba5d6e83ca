#pragma once
// One thing wrong (or suspicious) in a policy document: a stable code users can grep and mute, the
// JSON path of the offending part, and the explanation in English and Japanese.
#include "i18n/text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

enum class ProblemSeverity { kError, kWarning, kInfo };

std::string_view to_string(ProblemSeverity severity); // "error", "warning", "info"

struct PolicyProblem {
  std::string code; // "scp-principal-not-supported": stable across releases
  ProblemSeverity severity = ProblemSeverity::kError;
  std::string path; // "$.Statement[0].Principal"
  LocalizedString message;
  int line = 0; // 1-based; 0 when the problem is not a JSON syntax error
  int column = 0;
};

// Collects problems while parsing and validating; keeps the call sites one line each.
class ProblemList {
public:
  void add(std::string code, ProblemSeverity severity, std::string path, std::string en, std::string ja);
  void error(std::string code, std::string path, std::string en, std::string ja) {
    add(std::move(code), ProblemSeverity::kError, std::move(path), std::move(en), std::move(ja));
  }
  void warning(std::string code, std::string path, std::string en, std::string ja) {
    add(std::move(code), ProblemSeverity::kWarning, std::move(path), std::move(en), std::move(ja));
  }
  void info(std::string code, std::string path, std::string en, std::string ja) {
    add(std::move(code), ProblemSeverity::kInfo, std::move(path), std::move(en), std::move(ja));
  }
  void push(PolicyProblem problem) { items_.push_back(std::move(problem)); }

  bool has_errors() const;
  const std::vector<PolicyProblem>& items() const { return items_; }
  std::vector<PolicyProblem> take() { return std::move(items_); }

private:
  std::vector<PolicyProblem> items_;
};

bool has_code(const std::vector<PolicyProblem>& problems, std::string_view code);
bool has_errors(const std::vector<PolicyProblem>& problems);

} // namespace rg::policy
