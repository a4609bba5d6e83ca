// --format ocsf: OCSF 1.1.0 events, Compliance Finding (2003) for posture controls and Detection Finding
// (2004) for activity detections, as one JSON array (Security Lake custom sources take this shape).
#include "remediate/remediation.hpp"
#include "report/mute_json.hpp"
#include "report/mute_text.hpp"
#include "report/report.hpp"
#include "report/text_escape.hpp"

#include <nlohmann/json.hpp>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kCategoryFindings = 2;
constexpr int kClassComplianceFinding = 2003;
constexpr int kClassDetectionFinding = 2004;
constexpr int kActivityCreate = 1;

std::string_view severity_caption(Severity severity) {
  switch (severity) {
  case Severity::kCritical:
    return "Critical";
  case Severity::kHigh:
    return "High";
  case Severity::kMedium:
    return "Medium";
  case Severity::kLow:
    return "Low";
  case Severity::kInformational:
    return "Informational";
  }
  return "Informational";
}

// OCSF severity_id: 1 Informational .. 5 Critical, one above our enum's order.
int severity_id(Severity severity) {
  return static_cast<int>(severity) + 1;
}

// compliance.status_id: 1 Pass, 3 Fail, 0 Unknown (data missing); OCSF 1.1.0 has no "not applicable", so
// 99 Other with the caption in status, as OCSF defines for 99.
Json compliance_json(const Finding& finding) {
  const auto& rule = *finding.rule;
  Json out;
  out["control"] =
      rule.mappings.security_hub.empty() ? std::string(rule.id) : std::string(rule.mappings.security_hub);
  Json standards = Json::array();
  if (expand_cis(rule.mappings.cis).count > 0) {
    standards.push_back("CIS AWS Foundations Benchmark");
  }
  if (!rule.mappings.security_hub.empty()) {
    standards.push_back("AWS Foundational Security Best Practices");
  }
  if (standards.empty()) {
    standards.push_back("rootguard");
  }
  out["standards"] = std::move(standards);
  out["requirements"] = related_requirements(rule);
  switch (finding.status) {
  case Status::kPass:
    out["status_id"] = 1;
    out["status"] = "Pass";
    break;
  case Status::kFail:
    out["status_id"] = 3;
    out["status"] = "Fail";
    break;
  case Status::kUnknown:
    out["status_id"] = 0;
    out["status"] = "Unknown";
    break;
  case Status::kNotApplicable:
    out["status_id"] = 99;
    out["status"] = "Not Applicable";
    break;
  }
  out["status_detail"] = finding.reason.en; // machine consumers get one language; the message follows --lang
  return out;
}

std::string resource_type(const Finding& finding) {
  const std::string_view arn = finding.resource;
  if (arn.find(":iam::") != std::string_view::npos && arn.ends_with(":root")) {
    return "AWS::IAM::RootUser";
  }
  if (arn.find(":cloudtrail:") != std::string_view::npos) {
    return "AWS::CloudTrail::Trail";
  }
  if (arn.find(":guardduty:") != std::string_view::npos) {
    return "AWS::GuardDuty::Detector";
  }
  if (arn.find(":organizations:") != std::string_view::npos) {
    return "AWS::Organizations::Organization";
  }
  return "AWS::Account";
}

Json event_json(const Finding& finding, const Report& report, const RenderOptions& options) {
  const auto& rule = *finding.rule;
  const Lang lang = options.lang;
  const bool posture = rule.kind == RuleKind::kPosture;
  const int class_uid = posture ? kClassComplianceFinding : kClassDetectionFinding;
  const long long time_ms =
      report.run.as_of ? static_cast<long long>(report.run.as_of->time_since_epoch().count()) * 1000 : 0;
  const auto region = finding.region.empty() || finding.region == "global" ? options.region : finding.region;
  const auto remediation = remediate::render_remediation(finding, report.run.partition, lang);

  Json event;
  event["activity_id"] = kActivityCreate;
  event["activity_name"] = "Create";
  event["category_uid"] = kCategoryFindings;
  event["category_name"] = "Findings";
  event["class_uid"] = class_uid;
  event["class_name"] = posture ? "Compliance Finding" : "Detection Finding";
  event["type_uid"] = class_uid * 100 + kActivityCreate;
  event["type_name"] = std::string(posture ? "Compliance Finding" : "Detection Finding") + ": Create";
  event["severity_id"] = severity_id(rule.severity);
  event["severity"] = severity_caption(rule.severity);
  // A passing control (or one that does not apply) is a resolved finding; FAIL and UNKNOWN stay new until
  // someone looks. A muted one is
  // Suppressed (status_id 3 in OCSF 1.1.0 findings); its compliance status stays the rule's verdict.
  if (finding.muted()) {
    event["status_id"] = 3;
    event["status"] = "Suppressed";
    event["status_detail"] = describe_mute(*finding.muted_by, Lang::kEn);
  } else {
    const bool settled = finding.status == Status::kPass || finding.status == Status::kNotApplicable;
    event["status_id"] = settled ? 4 : 1;
    event["status"] = settled ? "Resolved" : "New";
  }
  event["time"] = time_ms;
  event["message"] = finding.reason.get(lang);
  event["metadata"] = {
      {"version", "1.1.0"},
      {"profiles", Json::array({"cloud"})},
      {"product",
       {{"name", "rootguard"}, {"vendor_name", "rootguard"}, {"version", report.run.tool_version}}}};
  Json account = {{"uid", finding.account_id}, {"type", "AWS Account"}, {"type_id", 10}};
  for (const auto& info : report.accounts) {
    if (info.id == finding.account_id && !info.name.empty()) {
      account["name"] = info.name;
    }
  }
  event["cloud"] = {{"provider", "AWS"}, {"region", region}, {"account", std::move(account)}};
  event["finding_info"] = {{"uid", finding.finding_id()}, {"title", rule.title.get(lang)},
                           {"desc", rule.risk.get(lang)}, {"types", Json::array({std::string(rule.id)})},
                           {"created_time", time_ms},     {"modified_time", time_ms}};
  if (posture) {
    event["compliance"] = compliance_json(finding);
  }
  if (finding.status != Status::kNotApplicable) { // no remedy for what does not apply (decision 0028)
    event["remediation"] = {{"desc", remediation.console}};
  }
  event["resources"] = Json::array({{{"uid", finding.resource},
                                     {"type", resource_type(finding)},
                                     {"cloud_partition", report.run.partition},
                                     {"region", region}}});
  Json evidence = Json::array();
  for (const auto& entry : finding.evidence) {
    evidence.push_back({{"name", entry.name}, {"value", entry.value}});
  }
  event["unmapped"] = {{"rootguard_control_id", rule.id},
                       {"rootguard_status", to_string(finding.status)},
                       {"evidence", std::move(evidence)}};
  if (finding.muted()) {
    event["unmapped"]["rootguard_mute"] = mute_json(*finding.muted_by);
  }
  return event;
}

} // namespace

std::string render_ocsf(const Report& report, const RenderOptions& options) {
  Json events = Json::array();
  for (const auto& finding : report.findings) {
    events.push_back(event_json(finding, report, options));
  }
  return events.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace rg::report
