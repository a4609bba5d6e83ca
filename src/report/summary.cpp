#include "report/report.hpp"

namespace rg::report {

Summary summarize(const Report& report) {
  Summary summary;
  for (const auto& finding : report.findings) {
    ++summary.total;
    switch (finding.status) {
    case Status::kPass:
      ++summary.pass;
      break;
    case Status::kFail:
      ++summary.fail;
      ++summary.fail_by_severity[static_cast<int>(finding.rule->severity)];
      break;
    case Status::kUnknown:
      ++summary.unknown;
      break;
    }
  }
  summary.unreadable = report.problems.size();
  return summary;
}

} // namespace rg::report
