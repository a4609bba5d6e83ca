// --format asff: AWS Security Finding Format 2018-10-08, as `aws securityhub batch-import-findings` takes.
#include "remediate/remediation.hpp"
#include "report/report.hpp"
#include "report/text_escape.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

// Field limits from the ASFF reference; longer values make the whole import call fail.
constexpr size_t kMaxTitle = 256;
constexpr size_t kMaxDescription = 1024;
constexpr size_t kMaxRecommendation = 512;
constexpr size_t kMaxNote = 512;

std::string severity_label(Severity severity) {
  switch (severity) {
  case Severity::kCritical:
    return "CRITICAL";
  case Severity::kHigh:
    return "HIGH";
  case Severity::kMedium:
    return "MEDIUM";
  case Severity::kLow:
    return "LOW";
  case Severity::kInformational:
    return "INFORMATIONAL";
  }
  return "INFORMATIONAL";
}

std::string compliance_status(Status status) {
  switch (status) {
  case Status::kPass:
    return "PASSED";
  case Status::kFail:
    return "FAILED";
  case Status::kUnknown:       // the data needed was missing: not a verdict
  case Status::kNotApplicable: // Security Hub's own word when AWS Config answers NOT_APPLICABLE
                               // (Compliance.Status in the Security Hub API reference); StatusReasons'
                               // ROOTGUARD_NOT_APPLICABLE tells it from missing data
    return "NOT_AVAILABLE";
  }
  return "NOT_AVAILABLE";
}

Json types(const RuleMetadata& rule) {
  Json out = Json::array();
  if (rule.kind == RuleKind::kActivity) {
    out.push_back("Unusual Behaviors/User");
    return out;
  }
  out.push_back("Software and Configuration Checks/AWS Security Best Practices");
  if (expand_cis(rule.mappings.cis).count > 0) {
    out.push_back(
        "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark");
  }
  return out;
}

// The root user is an IAM principal; anything else (a trail, a detector, the organization) is described
// as part of the account, which Security Hub accepts for any ARN.
std::string resource_type(const Finding& finding) {
  const std::string_view arn = finding.resource;
  if (arn.starts_with("arn:") && arn.ends_with(":root") && arn.find(":iam::") != std::string_view::npos) {
    return "AwsIamUser";
  }
  return "AwsAccount";
}

Json finding_json(const Finding& finding, const Report& report, const RenderOptions& options) {
  const auto& rule = *finding.rule;
  const auto& partition = report.run.partition;
  const auto time =
      report.run.as_of ? format_iso8601(*report.run.as_of) : std::string("1970-01-01T00:00:00Z");
  const auto remediation = remediate::render_remediation(finding, partition, options.lang);
  const auto region = finding.region.empty() || finding.region == "global" ? options.region : finding.region;
  const auto product_arn = "arn:" + partition + ":securityhub:" + options.region + ":" + finding.account_id +
                           ":product/" + finding.account_id + "/default";

  Json item;
  item["SchemaVersion"] = "2018-10-08";
  // Stable across runs so a re-import updates the same finding instead of adding a new one.
  item["Id"] = "rootguard/" + std::string(rule.id) + "/" + finding.finding_id();
  item["ProductArn"] = product_arn;
  item["GeneratorId"] = "rootguard/" + std::string(rule.id);
  item["AwsAccountId"] = finding.account_id;
  item["Types"] = types(rule);
  item["CreatedAt"] = time;
  item["UpdatedAt"] = time;
  item["Severity"] = {{"Label", severity_label(rule.severity)},
                      {"Original", std::string(to_string(rule.severity))}};
  item["Title"] = truncate_utf8(rule.title.get(options.lang), kMaxTitle);
  item["Description"] = truncate_utf8(
      finding.reason.get(options.lang) + "\n\n" + std::string(rule.risk.get(options.lang)), kMaxDescription);
  // A control that does not apply has no remedy to give: its reason says why (decision 0028).
  if (finding.status != Status::kNotApplicable) {
    std::string recommendation = remediation.console;
    if (!remediation.limits.empty()) {
      recommendation = remediation.limits + "\n" + recommendation;
    }
    item["Remediation"] = {{"Recommendation", {{"Text", truncate_utf8(recommendation, kMaxRecommendation)}}}};
  }
  Json fields = Json::object();
  fields["ProviderName"] = "rootguard";
  fields["ProviderVersion"] = report.run.tool_version;
  fields["rootguard/ControlId"] = rule.id;
  fields["rootguard/FindingId"] = finding.finding_id();
  if (!rule.mappings.security_hub.empty()) {
    fields["rootguard/SecurityHubControl"] = rule.mappings.security_hub;
  }
  if (finding.muted()) {
    fields["rootguard/MutedBy"] = finding.muted_by->entry;
    fields["rootguard/MuteExpires"] = finding.muted_by->expires;
  }
  item["ProductFields"] = std::move(fields);
  item["Resources"] = Json::array({{{"Type", resource_type(finding)},
                                    {"Id", finding.resource},
                                    {"Partition", partition},
                                    {"Region", region}}});
  Json compliance = {{"Status", compliance_status(finding.status)}};
  const auto requirements = related_requirements(rule);
  if (!requirements.empty()) {
    compliance["RelatedRequirements"] = requirements;
  }
  compliance["StatusReasons"] =
      Json::array({{{"ReasonCode", "ROOTGUARD_" + std::string(to_string(finding.status))},
                    {"Description", truncate_utf8(finding.reason.get(options.lang), kMaxDescription)}}});
  item["Compliance"] = std::move(compliance);
  item["RecordState"] = "ACTIVE";
  // A muted finding is an accepted exception: SUPPRESSED, with the entry's reason as the note. Security
  // Hub takes Workflow from BatchImportFindings only for a new finding (decision 0017).
  if (finding.muted()) {
    const auto& mute = *finding.muted_by;
    item["Workflow"] = {{"Status", "SUPPRESSED"}};
    item["Note"] = {
        {"Text",
         truncate_utf8(fmt::format("{} ({}, until {})", mute.reason, mute.entry, mute.expires), kMaxNote)},
        {"UpdatedBy", "rootguard mutelist"},
        {"UpdatedAt", time}};
  } else {
    // Nothing to do for a PASS or a control that does not apply; FAIL and UNKNOWN wait for someone.
    const bool settled = finding.status == Status::kPass || finding.status == Status::kNotApplicable;
    item["Workflow"] = {{"Status", settled ? "RESOLVED" : "NEW"}};
  }
  return item;
}

std::string dump(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace

std::string render_asff(const Report& report, const RenderOptions& options) {
  Json findings = Json::array();
  for (const auto& finding : report.findings) {
    findings.push_back(finding_json(finding, report, options));
  }
  return dump(findings);
}

std::vector<std::string> render_asff_batches(const Report& report, const RenderOptions& options) {
  std::vector<std::string> batches;
  Json batch = Json::array();
  size_t batch_bytes = 2; // "[]"
  const auto flush = [&] {
    if (!batch.empty()) {
      batches.push_back(dump(batch));
      batch = Json::array();
      batch_bytes = 2;
    }
  };
  for (const auto& finding : report.findings) {
    auto item = finding_json(finding, report, options);
    // Pretty-printed inside the array every line gains two spaces of indent; ",\n" joins the items.
    const auto text = item.dump(2, ' ', false, Json::error_handler_t::replace);
    const size_t bytes =
        text.size() + 2 * (static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1) + 2;
    if (batch.size() == kAsffMaxFindingsPerBatch || batch_bytes + bytes > kAsffMaxBatchBytes) {
      flush();
    }
    batch.push_back(std::move(item));
    batch_bytes += bytes;
  }
  flush();
  return batches;
}

} // namespace rg::report
