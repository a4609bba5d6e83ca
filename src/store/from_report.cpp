#include "store/from_report.hpp"

#include "detections/catalog.hpp"
#include "pipeline/integrity_findings.hpp"
#include "pipeline/trail_findings.hpp"

#include <algorithm>

namespace rg::store {
namespace {

std::string time_text(const std::optional<TimePoint>& time) {
  return time ? format_iso8601(*time) : std::string();
}

void add_mutelist(const std::optional<report::MutelistReview>& review, RunRecord& run) {
  if (review) {
    run.mutelist = review->file;
    run.mutelist_date = review->today;
  }
}

void set_mute(const std::shared_ptr<const Mute>& mute, FindingRecord& record) {
  if (mute) {
    record.muted = true;
    record.mute_entry = mute->entry;
    record.mute_reason = mute->reason;
    record.mute_expires = mute->expires;
  }
}

} // namespace

RunRecord run_record(const report::Report& report, const std::string& started_at, int exit_code) {
  RunRecord run;
  run.command = report.run.command;
  run.started_at = started_at;
  run.tool_version = report.run.tool_version;
  run.snapshot = report.run.snapshot;
  run.collected_at = time_text(report.run.collected_at);
  run.as_of = time_text(report.run.as_of);
  run.partition = report.run.partition;
  run.exit_code = exit_code;
  add_mutelist(report.mutelist, run);
  return run;
}

RunRecord run_record(const report::TrailReport& report, const std::string& started_at, int exit_code) {
  RunRecord run;
  run.command = "trail";
  run.started_at = started_at;
  run.tool_version = report.run.tool_version;
  for (const auto& path : report.run.paths) {
    run.paths += run.paths.empty() ? path : "\n" + path;
  }
  // The clock of a trail run is its latest event, as in its reports.
  std::optional<TimePoint> latest;
  for (const auto& event : report.result.events.stored) {
    if (event.time_known && (!latest || event.time > *latest)) {
      latest = event.time;
    }
  }
  run.as_of = time_text(latest);
  run.partition = "";
  run.exit_code = exit_code;
  add_mutelist(report.mutelist, run);
  return run;
}

FindingRecord finding_record(const Finding& finding) {
  FindingRecord record;
  record.finding_id = finding.finding_id();
  record.rule_id = std::string(finding.rule->id);
  record.account = finding.account_id;
  record.region = finding.region;
  record.resource = finding.resource;
  record.status = std::string(to_string(finding.status));
  record.severity = std::string(to_string(finding.rule->severity));
  set_mute(finding.muted_by, record);
  return record;
}

std::vector<FindingRecord> finding_records(const report::Report& report) {
  std::vector<FindingRecord> records;
  records.reserve(report.findings.size());
  for (const auto& finding : report.findings) {
    records.push_back(finding_record(finding));
  }
  return records;
}

std::vector<FindingRecord> finding_records(const report::TrailReport& report) {
  std::vector<FindingRecord> records;
  const auto& events = report.result.events;
  for (std::size_t index = 0; index < events.size(); ++index) {
    const auto event = events[index];
    for (const auto id : event.detections) {
      if (const auto* detection = detections::find_detection(id)) {
        auto record = finding_record(pipeline::trail_finding_identity(event, detection->metadata));
        if (event.time_known) {
          record.event_time = format_iso8601(event.time);
        }
        set_mute(report.muted(index, id), record);
        records.push_back(std::move(record));
      }
    }
  }
  if (report.integrity) {
    std::vector<Finding> integrity;
    pipeline::add_integrity_findings(*report.integrity, integrity);
    for (const auto& finding : integrity) {
      records.push_back(finding_record(finding));
    }
  }
  std::sort(records.begin(), records.end(), [](const FindingRecord& a, const FindingRecord& b) {
    return std::tie(a.account, a.rule_id, a.region, a.resource, a.finding_id) <
           std::tie(b.account, b.rule_id, b.region, b.resource, b.finding_id);
  });
  return records;
}

} // namespace rg::store
