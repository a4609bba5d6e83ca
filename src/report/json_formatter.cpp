// --format json: the document described in docs/output-json.md.
#include "remediate/remediation.hpp"
#include "report/mute_json.hpp"
#include "report/report.hpp"
#include "util/assert.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

Json optional_time(const std::optional<TimePoint>& time) {
  return time ? Json(format_iso8601(*time)) : Json(nullptr);
}

Json mappings_json(const RuleMetadata& rule) {
  Json mappings = Json::object();
  mappings["security_hub"] =
      rule.mappings.security_hub.empty() ? Json(nullptr) : Json(rule.mappings.security_hub);
  if (!rule.mappings.security_hub_retired.empty()) {
    mappings["security_hub_retired"] = rule.mappings.security_hub_retired;
  }
  Json cis = Json::array();
  const auto rows = expand_cis(rule.mappings.cis);
  for (const auto& row : rows.view()) {
    cis.push_back({{"version", row.version}, {"item", row.item}});
  }
  mappings["cis"] = std::move(cis);
  if (!rule.mappings.guardduty_type.empty()) {
    mappings["guardduty_type"] = rule.mappings.guardduty_type;
  }
  return mappings;
}

Json finding_json(const Finding& finding, const Report& report, Lang lang) {
  const auto& rule = *finding.rule;
  const auto remediation = remediate::render_remediation(finding, report.run.partition, lang);
  Json item;
  item["finding_id"] = finding.finding_id();
  item["control_id"] = rule.id;
  item["kind"] = rule.kind == RuleKind::kPosture ? "posture" : "activity";
  item["account_id"] = finding.account_id;
  item["region"] = finding.region;
  item["resource"] = finding.resource;
  item["status"] = to_string(finding.status);
  // The status stays the rule's verdict; a muted finding says so, and by which entry.
  item["muted"] = finding.muted();
  item["mute"] = finding.muted() ? mute_json(*finding.muted_by) : Json(nullptr);
  item["severity"] = to_string(rule.severity);
  item["title"] = rule.title.get(lang);
  item["reason"] = finding.reason.get(lang);
  item["risk"] = rule.risk.get(lang);
  Json evidence = Json::array();
  for (const auto& entry : finding.evidence) {
    evidence.push_back({{"name", entry.name}, {"value", entry.value}});
  }
  item["evidence"] = std::move(evidence);
  item["remediation"] = {
      {"console", remediation.console},
      {"cli", remediation.cli},
      {"terraform", remediation.terraform.empty() ? Json(nullptr) : Json(remediation.terraform)},
      {"limits", remediation.limits}};
  item["mappings"] = mappings_json(rule);
  return item;
}

} // namespace

void write_json(const Report& report, const RenderOptions& options, const TextSink& out) {
  // Everything but the findings as one document, with a placeholder where the findings go; the findings
  // are then written one at a time in exactly the layout dump(2) gives them at that depth, so the output
  // is the same bytes as one document (the goldens say so) without holding the whole report as JSON: a
  // 1,000-account scan's document is ~36 MB and ~120 MB as nlohmann nodes.
  static constexpr std::string_view kPlaceholder = "rootguard-findings-go-here";
  Json doc;
  doc["schema_version"] = "1.0";
  doc["tool"] = {{"name", "rootguard"}, {"version", report.run.tool_version}};
  doc["run"] = {{"command", report.run.command},
                {"snapshot", report.run.snapshot},
                {"collected_at", optional_time(report.run.collected_at)},
                {"as_of", optional_time(report.run.as_of)},
                {"partition", report.run.partition},
                {"root_usage_days", report.run.root_usage_days},
                {"lang", to_string(options.lang)}};
  Json accounts = Json::array();
  for (const auto& account : report.accounts) {
    accounts.push_back({{"account_id", account.id}, {"name", account.name}, {"role", account.role}});
  }
  doc["accounts"] = std::move(accounts);
  doc["findings"] = kPlaceholder;
  const auto summary = summarize(report);
  Json by_severity = Json::object();
  for (const auto severity :
       {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInformational}) {
    by_severity[std::string(to_string(severity))] = summary.fail_by_severity[static_cast<int>(severity)];
  }
  doc["summary"] = {{"total", summary.total},
                    {"pass", summary.pass},
                    {"fail", summary.fail},
                    {"unknown", summary.unknown},
                    {"muted", summary.muted},
                    {"fail_unmuted", summary.unmuted_fail()},
                    {"fail_by_severity", std::move(by_severity)},
                    {"accounts", report.accounts.size()},
                    {"unreadable", summary.unreadable}};
  Json problems = Json::array();
  for (const auto& problem : report.problems) {
    problems.push_back({{"kind", rg::to_string(problem.kind)},
                        {"file", problem.file},
                        {"where", problem.where},
                        {"message", problem.message}});
  }
  doc["problems"] = std::move(problems);
  doc["mutelist"] = review_json(report.mutelist);
  // Invalid UTF-8 from an input file must not abort the report: replace it with U+FFFD.
  const auto dump = [](const Json& value) {
    return value.dump(2, ' ', false, Json::error_handler_t::replace);
  };
  const std::string frame = dump(doc);
  const std::string marker = fmt::format("\"{}\"", kPlaceholder); // no other value can hold it: it is ours
  const size_t at = frame.find(marker);
  RG_ASSERT(at != std::string::npos);
  out(std::string_view(frame).substr(0, at));
  if (report.findings.empty()) {
    out("[]");
  } else {
    // dump(2) of one finding alone, each line indented by the 4 spaces of its depth in the document.
    const auto render = [&](size_t index) {
      const std::string text = dump(finding_json(report.findings[index], report, options.lang));
      std::string indented = index == 0 ? "[\n    " : ",\n    ";
      indented.reserve(text.size() + text.size() / 8);
      for (const char c : text) {
        indented += c;
        if (c == '\n') {
          indented += "    ";
        }
      }
      return indented;
    };
    // Rendering a finding (its remediation text, then the dump) is most of a large report's time: a block
    // at a time, its second half on a second thread, written in order. Memory: one block of text.
    constexpr size_t kBlock = 512;
    std::vector<std::string> block;
    for (size_t start = 0; start < report.findings.size(); start += kBlock) {
      const size_t end = std::min(report.findings.size(), start + kBlock);
      const size_t middle = start + (end - start) / 2;
      block.assign(end - start, std::string());
      {
        const std::jthread second([&] {
          for (size_t i = middle; i < end; ++i) {
            block[i - start] = render(i);
          }
        });
        for (size_t i = start; i < middle; ++i) {
          block[i - start] = render(i);
        }
      } // joined
      for (const auto& text : block) {
        out(text);
      }
    }
    out("\n  ]");
  }
  out(std::string_view(frame).substr(at + marker.size()));
  out("\n");
}

std::string render_json(const Report& report, const RenderOptions& options) {
  std::string text;
  write_json(report, options, [&](std::string_view piece) { text += piece; });
  return text;
}

} // namespace rg::report
