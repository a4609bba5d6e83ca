#pragma once
// What a scan or trail report becomes in the store: the run's metadata and its findings' identities,
// verdicts and mute state (never evidence or reason text: decision 0019).
#include "report/report.hpp"
#include "report/trail_report.hpp"
#include "store/records.hpp"

#include <vector>

namespace rg::store {

// started_at: when the command began (ISO 8601); exit_code: what it returns.
RunRecord run_record(const report::Report& report, const std::string& started_at, int exit_code);
RunRecord run_record(const report::TrailReport& report, const std::string& started_at, int exit_code);

std::vector<FindingRecord> finding_records(const report::Report& report);
// One per matched event and detection, and the integrity findings of --verify-digests, built from the
// events' handles without making the full findings (a million events stay cheap).
std::vector<FindingRecord> finding_records(const report::TrailReport& report);

FindingRecord finding_record(const Finding& finding);

} // namespace rg::store
