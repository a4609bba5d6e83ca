#pragma once
// Report = what the run looked at + its findings + what could not be read. Formatters are pure
// functions of a Report: no clock, no environment, so golden files are stable.
#include "findings/finding.hpp"
#include "util/problem.hpp"
#include "util/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rg::report {

struct RunInfo {
  std::string command = "scan";
  std::string tool_version;
  std::string snapshot;
  std::optional<TimePoint> collected_at;
  std::optional<TimePoint> as_of;
  std::string partition = "aws";
  int root_usage_days = 90;
};

struct AccountInfo {
  std::string id;
  std::string name;
  std::string role; // "management", "member" or "standalone"
};

struct Report {
  RunInfo run;
  std::vector<AccountInfo> accounts;
  std::vector<Finding> findings; // sorted
  std::vector<Problem> problems; // inputs that could not be read
};

struct Summary {
  size_t total = 0;
  size_t pass = 0;
  size_t fail = 0;
  size_t unknown = 0;
  size_t fail_by_severity[5] = {}; // indexed by Severity
  size_t unreadable = 0;           // problems
};
Summary summarize(const Report& report);

struct RenderOptions {
  Lang lang = Lang::kEn;
  bool color = false;
};

std::string render_json(const Report& report, const RenderOptions& options);
std::string render_table(const Report& report, const RenderOptions& options);

} // namespace rg::report
