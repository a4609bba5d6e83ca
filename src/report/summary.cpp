#include "report/report.hpp"

#include <algorithm>

namespace rg::report {

Summary summarize(const Report& report) {
  Summary summary;
  for (const auto& finding : report.findings) {
    ++summary.total;
    if (finding.muted()) {
      ++summary.muted;
      summary.fail_muted += finding.status == Status::kFail ? 1 : 0;
    }
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
    case Status::kNotApplicable:
      ++summary.not_applicable;
      break;
    }
  }
  summary.unreadable = report.problems.size();
  return summary;
}

std::string_view to_string(MuteEntryState state) {
  switch (state) {
  case MuteEntryState::kActive:
    return "active";
  case MuteEntryState::kExpired:
    return "expired";
  case MuteEntryState::kStale:
    return "stale";
  }
  return "stale";
}

size_t MutelistReview::expired() const {
  return static_cast<size_t>(std::count_if(entries.begin(), entries.end(), [](const MuteEntryReview& entry) {
    return entry.state == MuteEntryState::kExpired;
  }));
}

size_t MutelistReview::stale() const {
  return static_cast<size_t>(std::count_if(entries.begin(), entries.end(), [](const MuteEntryReview& entry) {
    return entry.state == MuteEntryState::kStale;
  }));
}

} // namespace rg::report
