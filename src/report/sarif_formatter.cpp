// --format sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One rule per control;
// FAIL, UNKNOWN and NOT_APPLICABLE findings become results (a PASS is not an alert); the ARN is a logical
// location.
#include "remediate/remediation.hpp"
#include "report/report.hpp"
#include "report/text_escape.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view level(const Finding& finding) {
  if (finding.status != Status::kFail) {
    return "none"; // SARIF: a result whose kind is not "fail" has level "none"
  }
  switch (finding.rule->severity) {
  case Severity::kCritical:
  case Severity::kHigh:
    return "error";
  case Severity::kMedium:
    return "warning";
  case Severity::kLow:
  case Severity::kInformational:
    return "note";
  }
  return "note";
}

// SARIF 2.1.0 result.kind: "notApplicable" is its own word for a rule that does not apply to the target.
std::string_view sarif_kind(Status status) {
  switch (status) {
  case Status::kFail:
    return "fail";
  case Status::kNotApplicable:
    return "notApplicable";
  case Status::kPass:
    return "pass";
  case Status::kUnknown:
    return "review";
  }
  return "review";
}

std::string_view default_level(Severity severity) {
  return severity >= Severity::kHigh ? "error" : severity == Severity::kMedium ? "warning" : "note";
}

// GitHub sorts and colours alerts by this CVSS-like number.
std::string_view security_severity(Severity severity) {
  switch (severity) {
  case Severity::kCritical:
    return "9.5";
  case Severity::kHigh:
    return "8.0";
  case Severity::kMedium:
    return "5.5";
  case Severity::kLow:
    return "3.0";
  case Severity::kInformational:
    return "0.0";
  }
  return "0.0";
}

// RFC 3986 path encoding: unreserved characters and '/' stay, everything else becomes %XX.
std::string encode_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

// Code scanning rejects absolute URIs: point at the account's folder of the snapshot, relative to the
// checkout when the snapshot was given as a relative path, else relative to the snapshot itself.
std::string artifact_uri(const Report& report, const Finding& finding) {
  std::string base = report.run.snapshot;
  while (base.starts_with("./")) {
    base.erase(0, 2);
  }
  if (base.empty() || base.starts_with('/') || base.starts_with("..") || base == ".") {
    base.clear();
  } else if (!base.ends_with('/')) {
    base += '/';
  }
  return encode_path(base + "accounts/" + finding.account_id);
}

Json rule_json(const RuleMetadata& rule, Lang lang) {
  std::string help = std::string(rule.remediation.console.get(lang));
  if (!rule.remediation.limits.get(lang).empty()) {
    help += "\n\n" + std::string(rule.remediation.limits.get(lang));
  }
  Json tags = Json::array({"security", "aws", "root-user"});
  for (const auto& requirement : related_requirements(rule)) {
    tags.push_back(requirement);
  }
  return {{"id", rule.id},
          {"name", rule.id},
          {"shortDescription", {{"text", rule.title.get(lang)}}},
          {"fullDescription", {{"text", rule.risk.get(lang)}}},
          {"help", {{"text", help}}},
          {"defaultConfiguration", {{"level", default_level(rule.severity)}}},
          {"properties",
           {{"tags", std::move(tags)},
            {"precision", "very-high"},
            {"problem.severity",
             default_level(rule.severity) == "note" ? "recommendation" : default_level(rule.severity)},
            {"security-severity", security_severity(rule.severity)}}}};
}

} // namespace

std::string render_sarif(const Report& report, const RenderOptions& options) {
  // Rules in id order, each once, so ruleIndex is stable for a given set of controls.
  std::map<std::string_view, const RuleMetadata*> rules;
  for (const auto& finding : report.findings) {
    rules.emplace(finding.rule->id, finding.rule);
  }
  Json rules_json = Json::array();
  std::map<std::string_view, int> index;
  for (const auto& [id, rule] : rules) {
    index[id] = static_cast<int>(rules_json.size());
    rules_json.push_back(rule_json(*rule, options.lang));
  }
  Json results = Json::array();
  for (const auto& finding : report.findings) {
    if (finding.status == Status::kPass) {
      continue;
    }
    const auto& rule = *finding.rule;
    Json result;
    result["ruleId"] = rule.id;
    result["ruleIndex"] = index[rule.id];
    result["kind"] = sarif_kind(finding.status);
    result["level"] = level(finding);
    result["message"] = {{"text", finding.reason.get(options.lang)}};
    result["locations"] = Json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", artifact_uri(report, finding)}, {"uriBaseId", "%SRCROOT%"}}}}},
          {"logicalLocations",
           Json::array({{{"fullyQualifiedName", finding.resource}, {"kind", "resource"}}})}}});
    // Keyed on rule, account, region and resource only, so the alert survives text changes.
    result["partialFingerprints"] = {{"rootguardFindingId/v1", finding.finding_id()}};
    result["properties"] = {{"accountId", finding.account_id},
                            {"region", finding.region},
                            {"status", to_string(finding.status)},
                            {"severity", to_string(rule.severity)}};
    if (finding.muted()) {
      // SARIF's own word for an accepted exception: code scanning shows it dismissed, with the reason.
      const auto& mute = *finding.muted_by;
      Json properties = {{"entry", mute.entry}, {"expires", mute.expires}};
      if (!mute.owner.empty()) {
        properties["owner"] = mute.owner;
      }
      if (!mute.ticket.empty()) {
        properties["ticket"] = mute.ticket;
      }
      result["suppressions"] = Json::array({{{"kind", "external"},
                                             {"status", "accepted"},
                                             {"justification", mute.reason},
                                             {"properties", std::move(properties)}}});
    }
    results.push_back(std::move(result));
  }
  Json driver = {{"name", "rootguard"},
                 {"version", report.run.tool_version},
                 {"semanticVersion", report.run.tool_version},
                 {"rules", std::move(rules_json)}};
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"automationDetails", {{"id", report.run.command + "/"}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace rg::report
