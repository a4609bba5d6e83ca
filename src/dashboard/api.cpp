#include "dashboard/api.hpp"

#include "dashboard/rule_lookup.hpp"
#include "remediate/remediation.hpp"
#include "store/database.hpp"
#include "store/read_runs.hpp"

#include <algorithm>
#include <map>

namespace rg::dashboard {
namespace {

using nlohmann::json;

json run_json(const store::RunRecord& run) {
  return {{"id", run.id},
          {"command", run.command},
          {"started_at", run.started_at},
          {"tool_version", run.tool_version},
          {"snapshot", run.snapshot},
          {"paths", run.paths},
          {"collected_at", run.collected_at},
          {"as_of", run.as_of},
          {"partition", run.partition},
          {"mutelist", run.mutelist},
          {"mutelist_date", run.mutelist_date},
          {"exit_code", run.exit_code}};
}

std::string rule_title(const std::string& rule_id, Lang lang) {
  const auto* rule = find_rule(rule_id);
  return rule != nullptr ? std::string(rule->title.get(lang)) : rule_id;
}

json finding_record_json(const store::FindingRecord& finding, Lang lang) {
  json mute = nullptr;
  if (finding.muted) {
    mute = {
        {"entry", finding.mute_entry}, {"reason", finding.mute_reason}, {"expires", finding.mute_expires}};
  }
  return {{"finding_id", finding.finding_id},
          {"rule_id", finding.rule_id},
          {"title", rule_title(finding.rule_id, lang)},
          {"account", finding.account},
          {"region", finding.region},
          {"resource", finding.resource},
          {"status", finding.status},
          {"severity", finding.severity},
          {"muted", finding.muted},
          {"mute", mute},
          {"event_time", finding.event_time}};
}

// The remediation as the HTML report shows it: the rule's steps with this finding's account, region,
// partition and ARN filled in (remediate::render_remediation, the same code).
json remediation_json(const RuleMetadata& rule, const store::FindingInRun& latest, Lang lang) {
  Finding finding;
  finding.rule = &rule;
  finding.account_id = latest.finding.account;
  finding.region = latest.finding.region;
  finding.resource = latest.finding.resource;
  const auto partition = latest.run.partition.empty() ? std::string("aws") : latest.run.partition;
  const auto rendered = remediate::render_remediation(finding, partition, lang);
  return {{"console", rendered.console},
          {"cli", rendered.cli},
          {"terraform", rendered.terraform},
          {"limits", rendered.limits}};
}

} // namespace

json runs_json(const store::Database& db) {
  json runs = json::array();
  for (const auto& summary : store::list_runs(db)) {
    auto run = run_json(summary.run);
    run["fail"] = summary.fail;
    run["pass"] = summary.pass;
    run["unknown"] = summary.unknown;
    run["not_applicable"] = summary.not_applicable;
    run["muted"] = summary.muted;
    runs.push_back(std::move(run));
  }
  return runs;
}

std::optional<json> run_findings_json(const store::Database& db, std::int64_t run_id, Lang lang) {
  const auto run = store::find_run(db, run_id);
  if (!run) {
    return std::nullopt;
  }
  json findings = json::array();
  for (const auto& finding : store::run_findings(db, run_id)) {
    findings.push_back(finding_record_json(finding, lang));
  }
  return json{{"run", run_json(*run)}, {"findings", std::move(findings)}};
}

std::optional<json> finding_json(const store::Database& db, std::string_view finding_id, Lang lang) {
  const auto history = store::finding_history(db, finding_id);
  if (history.empty()) {
    return std::nullopt;
  }
  const auto& latest = history.back();
  json rows = json::array();
  for (const auto& row : history) {
    auto entry = finding_record_json(row.finding, lang);
    entry["run"] = run_json(row.run);
    rows.push_back(std::move(entry));
  }
  json result{{"finding", finding_record_json(latest.finding, lang)},
              {"run", run_json(latest.run)},
              {"history", std::move(rows)}};
  if (const auto* rule = find_rule(latest.finding.rule_id)) {
    result["rule"] = {{"id", rule->id},
                      {"kind", rule->kind == RuleKind::kPosture ? "posture" : "activity"},
                      {"title", rule->title.get(lang)},
                      {"risk", rule->risk.get(lang)},
                      {"explanation", rule->explanation.get(lang)}};
    // No remedy for a control that does not apply in the account's partition (decision 0028).
    result["remediation"] = latest.finding.status == to_string(Status::kNotApplicable)
                                ? json(nullptr)
                                : remediation_json(*rule, latest, lang);
  } else {
    result["rule"] = nullptr; // a rule this rootguard does not know: ids and verdicts only
    result["remediation"] = nullptr;
  }
  return result;
}

json trend_json(const store::Database& db) {
  json points = json::array();
  for (const auto& summary : store::list_runs(db)) {
    points.push_back({{"run", summary.run.id},
                      {"command", summary.run.command},
                      {"started_at", summary.run.started_at},
                      {"fail", summary.fail},
                      {"muted", summary.muted}});
  }
  return points;
}

json timeline_json(const store::Database& db, Lang lang, std::size_t limit) {
  // A finding id names one event and detection, so an event read by several trail runs (overlapping
  // days) is one entry: the latest run's record of it wins (its mute state is the current one).
  std::map<std::string, std::pair<store::RunRecord, store::FindingRecord>> events;
  for (const auto& summary : store::list_runs(db)) {
    if (summary.run.command != "trail") {
      continue;
    }
    for (auto& finding : store::run_findings(db, summary.run.id)) {
      const auto* rule = find_rule(finding.rule_id);
      if (rule != nullptr && rule->kind != RuleKind::kActivity) {
        continue; // an integrity finding is about log files, not about root activity
      }
      auto id = finding.finding_id;
      events.insert_or_assign(std::move(id), std::make_pair(summary.run, std::move(finding)));
    }
  }
  std::vector<const std::pair<store::RunRecord, store::FindingRecord>*> ordered;
  ordered.reserve(events.size());
  for (const auto& [id, entry] : events) {
    ordered.push_back(&entry);
  }
  // ISO 8601 UTC times sort as text; events without a time go first, the latest end the list.
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto* a, const auto* b) { return a->second.event_time < b->second.event_time; });
  const bool truncated = ordered.size() > limit;
  if (truncated) {
    ordered.erase(ordered.begin(), ordered.end() - static_cast<std::ptrdiff_t>(limit));
  }
  json entries = json::array();
  for (const auto* entry : ordered) {
    auto item = finding_record_json(entry->second, lang);
    item["run"] = entry->first.id;
    entries.push_back(std::move(item));
  }
  return {{"events", std::move(entries)}, {"truncated", truncated}, {"total", events.size()}};
}

std::string json_body(const json& value) {
  const auto text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string body;
  body.reserve(text.size());
  // Outside strings JSON has none of these characters, so each one found is inside a string, where its
  // \u escape means the same character.
  for (const char c : text) {
    switch (c) {
    case '<':
      body += "\\u003c";
      break;
    case '>':
      body += "\\u003e";
      break;
    case '&':
      body += "\\u0026";
      break;
    default:
      body += c;
    }
  }
  return body;
}

} // namespace rg::dashboard
