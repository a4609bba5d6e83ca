#include "report/bad_input_report.hpp"

namespace rg::testing {
namespace {

constexpr const char* kNasty =
    "=HYPERLINK(\"http://x\") \"quoted\", 'single'\nnew line <script>alert(1)</script> "
    "</ ルートの MFA \xE2\x80\xA8 & done";

constinit const RuleMetadata kPosture{
    .id = "bad-input-posture",
    .kind = RuleKind::kPosture,
    .severity = Severity::kCritical,
    .title = {"+Title \"with\" <b>html</b>", "タイトル <b>太字</b> \"引用\""},
    .risk = {"-Risk,with,commas\r\nand CRLF", "@リスク\n改行"},
    .explanation = {"</script><script>alert(2)</script>", "説明 </script>"},
    .mappings = {.security_hub = "IAM.9", .cis = {.v1_2 = "1.13", .v7_0 = "2.5"}},
    .remediation = {.console = {"=cmd|' /C calc'!A0\n2. <img src=x onerror=alert(3)>", "=手順\n2. <img>"},
                    .cli = "aws iam list-users --query \"Users[?UserName=='${ACCOUNT_ID}']\"",
                    .terraform = "resource \"aws_guardduty_detector\" \"this\" {\n  enable = true\n}\n",
                    .limits = {"\tTab first", "\t制約"}},
};

constinit const RuleMetadata kActivity{
    .id = "bad-input-activity",
    .kind = RuleKind::kActivity,
    .severity = Severity::kLow,
    .title = {"@Activity", "@アクティビティ"},
    .risk = {"risk", "リスク"},
};

} // namespace

report::Report bad_input_report() {
  report::Report report;
  report.run.tool_version = "0.0.0-test";
  report.run.snapshot = "snap shot/<dir>";
  report.run.as_of = parse_iso8601("2026-11-28T09:00:00Z");
  report.run.collected_at = report.run.as_of;
  report.accounts = {{"123456789012", kNasty, "member"}, {"210987654321", "=SUM(A1)", "standalone"}};
  Finding posture;
  posture.rule = &kPosture;
  posture.account_id = "123456789012";
  posture.region = "global";
  posture.resource = "arn:aws:iam::123456789012:root";
  posture.status = Status::kFail;
  posture.reason = {kNasty, kNasty};
  posture.evidence = {{"<name>", kNasty}};
  Finding unknown = posture;
  unknown.account_id = "210987654321";
  unknown.resource = "arn:aws:iam::210987654321:root";
  unknown.status = Status::kUnknown;
  Finding activity;
  activity.rule = &kActivity;
  activity.account_id = "123456789012";
  activity.region = "ap-northeast-1";
  activity.resource = "arn:aws:cloudtrail:ap-northeast-1:123456789012:trail/\"x\"";
  activity.status = Status::kFail;
  activity.reason = {"-1+1", "-1+1 日本語"};
  Finding pass = posture;
  pass.rule = &kActivity;
  pass.status = Status::kPass;
  // Decision 0028: a control that does not apply (as in AWS GovCloud (US)) goes through every format too.
  Finding not_applicable = unknown;
  not_applicable.resource = "arn:aws-us-gov:iam::210987654321:root";
  not_applicable.status = Status::kNotApplicable;
  report.findings = {posture, activity, pass, unknown, not_applicable};
  sort_findings(report.findings);
  report.problems = {{ProblemKind::kUnreadable, "a\"b<c>.json", "$.x", kNasty}};
  return report;
}

} // namespace rg::testing
