#include "report/finding_json.hpp"

#include "remediate/remediation.hpp"
#include "report/mute_json.hpp"

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

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

} // namespace

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
  if (finding.status == Status::kNotApplicable) {
    item["remediation"] = nullptr; // nothing to do: the reason says why the control does not apply
  } else {
    item["remediation"] = {
        {"console", remediation.console},
        {"cli", remediation.cli},
        {"terraform", remediation.terraform.empty() ? Json(nullptr) : Json(remediation.terraform)},
        {"limits", remediation.limits}};
  }
  item["mappings"] = mappings_json(rule);
  return item;
}

Json summary_json(const Report& report) {
  const auto summary = summarize(report);
  Json by_severity = Json::object();
  for (const auto severity :
       {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInformational}) {
    by_severity[std::string(to_string(severity))] = summary.fail_by_severity[static_cast<int>(severity)];
  }
  return {{"total", summary.total},
          {"pass", summary.pass},
          {"fail", summary.fail},
          {"unknown", summary.unknown},
          {"not_applicable", summary.not_applicable},
          {"muted", summary.muted},
          {"fail_unmuted", summary.unmuted_fail()},
          {"fail_by_severity", std::move(by_severity)},
          {"accounts", report.accounts.size()},
          {"unreadable", summary.unreadable}};
}

Json problem_json(const Problem& problem) {
  return {{"kind", rg::to_string(problem.kind)},
          {"file", problem.file},
          {"where", problem.where},
          {"message", problem.message}};
}

} // namespace rg::report
