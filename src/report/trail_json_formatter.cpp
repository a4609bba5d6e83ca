// `rootguard trail --format json`: the document described in docs/output-json.md (trail section).
#include "detections/account_activity.hpp"
#include "detections/catalog.hpp"
#include "report/mute_json.hpp"
#include "report/trail_integrity.hpp"
#include "report/trail_report.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kEventsPlaceholder = "rootguard-events-placeholder";

Json optional_time(const std::optional<TimePoint>& time) {
  return time ? Json(format_iso8601(*time)) : Json(nullptr);
}

// Empty evidence is left out rather than written as "": a field is present only when CloudTrail had it.
void put_if(Json& item, const char* key, std::string_view value) {
  if (!value.empty()) {
    item[key] = value;
  }
}

Json event_json(const trail::MatchedEvent& event) {
  Json item;
  item["event_id"] = event.event_id;
  item["detections"] = std::vector<std::string_view>(event.detections.begin(), event.detections.end());
  item["account_id"] = event.account_id;
  item["event_time"] = event.event_time;
  if (!event.time_known) {
    item["time_unknown"] = true; // eventTime is not ISO 8601: kept, never read as 1970
  }
  item["event_name"] = event.event_name;
  item["event_source"] = event.event_source;
  item["event_type"] = event.event_type;
  item["source_ip"] = event.source_ip;
  item["user_agent"] = event.user_agent;
  item["region"] = event.region;
  item["user_type"] = event.user_type;
  put_if(item, "user_arn", event.user_arn);
  put_if(item, "invoked_by", event.invoked_by);
  item["cis_alarm_would_fire"] = cis_alarm_would_fire(event);
  item["assumed_root"] = event.assumed_root;
  put_if(item, "console_login", event.console_login);
  put_if(item, "mfa_used", event.mfa_used);
  put_if(item, "mfa_authenticated", event.mfa_authenticated);
  put_if(item, "task_policy_arn", event.task_policy_arn);
  put_if(item, "target_principal", event.target_principal);
  put_if(item, "error_code", event.error_code);
  put_if(item, "error_message", event.error_message);
  item["file"] = event.file;
  return item;
}

Json counted(const std::map<std::string_view, std::size_t>& counts, const char* name) {
  Json list = Json::array();
  for (const auto& [value, count] : counts) {
    list.push_back({{name, value}, {"count", count}});
  }
  return list;
}

Json account_json(const detections::AccountActivity& activity) {
  Json item;
  item["account_id"] = activity.account_id;
  item["first_use"] = optional_time(activity.first_use);
  item["last_use"] = optional_time(activity.last_use);
  item["events"] = activity.events;
  Json by_detection = Json::object();
  for (const auto& [id, count] : activity.by_detection) {
    by_detection[std::string(id)] = count;
  }
  item["by_detection"] = std::move(by_detection);
  item["source_ips"] = counted(activity.source_ips, "source_ip");
  item["user_agents"] = counted(activity.user_agents, "user_agent");
  item["regions"] = counted(activity.regions, "region");
  Json recent = Json::array();
  for (const auto& event : activity.recent) {
    recent.push_back(event.event_id);
  }
  item["recent_event_ids"] = std::move(recent);
  return item;
}

Json detections_json(const trail::TrailScanResult& result, Lang lang) {
  // Only the detections that matched, in catalog order, so a reader can name every id it sees.
  Json list = Json::array();
  for (const auto* detection : detections::catalog()) {
    const auto& rule = detection->metadata;
    const bool used = std::any_of(result.events.begin(), result.events.end(), [&](const auto& event) {
      return std::find(event.detections.begin(), event.detections.end(), rule.id) != event.detections.end();
    }); // a forward range of views: nothing is copied
    if (!used) {
      continue;
    }
    Json item;
    item["id"] = rule.id;
    item["severity"] = to_string(rule.severity);
    item["title"] = rule.title.get(lang);
    item["risk"] = rule.risk.get(lang);
    item["guardduty_type"] =
        rule.mappings.guardduty_type.empty() ? Json(nullptr) : Json(rule.mappings.guardduty_type);
    item["security_hub"] =
        rule.mappings.security_hub.empty() ? Json(nullptr) : Json(rule.mappings.security_hub);
    list.push_back(std::move(item));
  }
  return list;
}

} // namespace

bool cis_alarm_would_fire(const trail::MatchedEvent& event) {
  return std::find(event.detections.begin(), event.detections.end(), "root-activity-cis") !=
         event.detections.end();
}

void write_trail_json(const TrailReport& report, const RenderOptions& options, const TextSink& out) {
  const auto& result = report.result;
  const auto& s = result.summary;
  Json doc;
  doc["schema_version"] = "1.0";
  doc["tool"] = {{"name", "rootguard"}, {"version", report.run.tool_version}};
  doc["run"] = {{"command", "trail"},
                {"paths", report.run.paths},
                {"since", optional_time(report.run.since)},
                {"until", optional_time(report.run.until)},
                {"accounts", report.run.accounts},
                {"regions", report.run.regions},
                {"lang", to_string(options.lang)}};
  doc["detections"] = detections_json(result, options.lang);
  doc["events"] = kEventsPlaceholder; // written below, one event at a time
  Json accounts = Json::array();
  for (const auto& activity : detections::summarize_accounts(result)) {
    accounts.push_back(account_json(activity));
  }
  doc["accounts"] = std::move(accounts);
  Json errors = Json::array();
  for (const auto& problem : s.errors) {
    errors.push_back({{"file", problem.file}, {"where", problem.where}, {"message", problem.message}});
  }
  doc["summary"] = {{"files", s.files},
                    {"files_failed", s.files_failed},
                    {"events", s.events},
                    {"damaged", s.damaged},
                    {"matched", s.matched},
                    {"skipped", s.skipped},
                    {"skipped_digest", s.skipped_digest},
                    {"skipped_insight", s.skipped_insight},
                    {"skipped_other", s.skipped_other},
                    {"pruned", s.pruned},
                    {"duplicates", s.duplicates},
                    {"unknown_time", s.unknown_time},
                    {"bytes_read", s.bytes_read},
                    {"bytes_inflated", s.bytes_inflated},
                    {"errors", std::move(errors)}};
  if (s.s3) {
    // Only for s3:// runs: what was asked of S3 (a local run's document is unchanged).
    doc["summary"]["s3"] = {{"bucket", s.s3->bucket},
                            {"region", s.s3->region},
                            {"list_requests", s.s3->list_requests},
                            {"objects_listed", s.s3->objects_listed},
                            {"objects_fetched", s.s3->objects_fetched},
                            {"objects_failed", s.s3->objects_failed},
                            {"get_attempts", s.s3->get_attempts},
                            {"throttled", s.s3->throttled},
                            {"bytes_fetched", s.s3->bytes_fetched}};
  }
  if (report.mutelist) {
    doc["summary"]["muted"] = report.mutes.size();
    doc["summary"]["unmuted_findings"] = unmuted_findings(report);
  }
  doc["mutelist"] = review_json(report.mutelist);
  if (report.integrity) {
    doc["integrity"] = integrity_json(*report.integrity); // only with --verify-digests: goldens unchanged
  }
  // File names and event fields come from outside and need not be UTF-8: invalid bytes become U+FFFD
  // rather than an exception (as in every other JSON formatter).
  const std::string frame = doc.dump(2, ' ', false, Json::error_handler_t::replace);
  // The events are most of a large report: each is dumped on its own and indented into place, so no tree of
  // a million events is ever built (the text is the same as dumping the whole tree). Input strings cannot
  // fake the marker: a raw newline inside a JSON string is always escaped.
  const std::string marker = fmt::format("\n  \"events\": \"{}\"", kEventsPlaceholder);
  const std::size_t at = frame.find(marker);
  const std::string_view whole(frame);
  out(whole.substr(0, at));
  out("\n  \"events\": [");
  bool first = true;
  std::string indented;
  auto mute = report.mutes.begin(); // sorted by event: walked alongside the events
  for (std::size_t index = 0; index < result.events.size(); ++index) {
    indented = first ? "\n    " : ",\n    ";
    first = false;
    auto item_json = event_json(result.events[index]);
    if (report.mutelist) {
      // Which of the event's detections a mutelist entry muted (each detection is one finding).
      Json muted = Json::array();
      for (; mute != report.mutes.end() && mute->event == index; ++mute) {
        auto entry = mute_json(*mute->mute);
        entry["detection"] = mute->detection;
        muted.push_back(std::move(entry));
      }
      item_json["muted"] = std::move(muted);
    }
    const std::string item = item_json.dump(2, ' ', false, Json::error_handler_t::replace);
    for (const char c : item) {
      indented += c;
      if (c == '\n') {
        indented += "    ";
      }
    }
    out(indented);
  }
  out(first ? "]" : "\n  ]");
  out(whole.substr(at + marker.size()));
  out("\n");
}

std::string render_trail_json(const TrailReport& report, const RenderOptions& options) {
  std::string text;
  write_trail_json(report, options, [&](std::string_view piece) { text.append(piece); });
  return text;
}

} // namespace rg::report
