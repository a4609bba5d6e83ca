#include "pipeline/trail_findings.hpp"

#include "detections/catalog.hpp"
#include "pipeline/integrity_findings.hpp"

#include <fmt/format.h>
#include <set>

namespace rg::pipeline {
namespace {

Finding to_finding(const trail::MatchedEvent& event, const RuleMetadata& rule) {
  auto finding = trail_finding_identity(event, rule);
  const std::string_view ip = event.source_ip.empty() ? std::string_view("-") : event.source_ip;
  const bool cis = report::cis_alarm_would_fire(event);
  finding.reason = {
      fmt::format("{} ({}) at {} from {}, user agent {}; CloudTrail event {}{}.", event.event_name,
                  event.event_source, event.event_time, ip, event.user_agent, event.event_id,
                  cis ? "" : "; the CIS root-usage alarm would not fire for it"),
      fmt::format("{} ({})、{}、送信元 {}、ユーザーエージェント {}。CloudTrail イベント {}{}。",
                  event.event_name, event.event_source, event.event_time, ip, event.user_agent,
                  event.event_id,
                  cis ? "" : "。CIS のルートユーザー使用アラームはこのイベントでは発火しません")};
  const auto field = [](const char* name, std::string_view value) {
    return Evidence{name, std::string(value)};
  };
  finding.evidence = {field("eventID", event.event_id),
                      field("eventTime", event.event_time),
                      field("eventName", event.event_name),
                      field("eventSource", event.event_source),
                      field("sourceIPAddress", event.source_ip),
                      field("userAgent", event.user_agent),
                      field("file", event.file)};
  return finding;
}

} // namespace

Finding trail_finding_identity(const trail::MatchedEvent& event, const RuleMetadata& rule) {
  Finding finding;
  finding.rule = &rule;
  finding.account_id = event.account_id;
  finding.region = event.region.empty() ? std::string("global") : std::string(event.region);
  finding.resource = event.user_arn.empty() ? fmt::format("arn:aws:iam::{}:root", event.account_id)
                                            : std::string(event.user_arn);
  finding.status = Status::kFail;
  finding.discriminator = event.event_id;
  return finding;
}

report::Report trail_findings(const report::TrailReport& trail) {
  report::Report result;
  result.run.command = "trail";
  result.run.tool_version = trail.run.tool_version;
  result.run.snapshot = "";
  std::set<std::string> accounts;
  for (std::size_t index = 0; index < trail.result.events.size(); ++index) {
    const auto event = trail.result.events[index];
    accounts.emplace(event.account_id);
    // The clock of a trail report is its latest event: outputs stay deterministic for the same logs.
    if (event.time_known && (!result.run.as_of || event.time > *result.run.as_of)) {
      result.run.as_of = event.time;
    }
    for (const auto id : event.detections) {
      if (const auto* detection = detections::find_detection(id)) {
        result.findings.push_back(to_finding(event, detection->metadata));
        result.findings.back().muted_by = trail.muted(index, id);
      }
    }
  }
  if (trail.integrity) {
    add_integrity_findings(*trail.integrity, result.findings);
    for (const auto& digest : trail.integrity->digests) {
      if (!digest.account_id.empty()) {
        accounts.emplace(digest.account_id);
      }
    }
  }
  for (const auto& account : accounts) {
    result.accounts.push_back({account, "", "unknown"});
  }
  result.problems = trail.result.summary.errors;
  result.mutelist = trail.mutelist;
  if (trail.integrity) {
    result.problems.insert(result.problems.end(), trail.integrity->problems.begin(),
                           trail.integrity->problems.end());
  }
  sort_findings(result.findings);
  return result;
}

} // namespace rg::pipeline
