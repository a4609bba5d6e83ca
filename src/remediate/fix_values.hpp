#pragma once
// Every value from input that reaches fix.sh, the Terraform or CHECKLIST.md passes through here twice:
// first checked against the grammar AWS gives it (a 12-digit account id, a region, an ARN, a trail or
// log group name...), then escaped for the language it lands in. A snapshot is attacker-reachable data
// (a region folder named `us-east-1$(touch /tmp/pwned)`, a newline in an ARN), so a value that does not
// match its grammar is refused outright rather than quoted and hoped for.
#include <optional>
#include <string>
#include <string_view>

namespace rg::remediate {

enum class ValueKind {
  kAccountId,     // 123456789012
  kRegion,        // us-east-1, us-gov-west-1, cn-north-1
  kPartition,     // aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc
  kArn,           // arn:<partition>:<service>:<region>:<account>:<resource>, printable ASCII only
  kTargetId,      // SCP attach target: r-xxxx, ou-xxxx-xxxxxxxx or an account id
  kPolicyId,      // p-xxxxxxxx
  kTrailName,     // CloudTrail trail name: [A-Za-z0-9._-], 3-128, starts and ends alphanumeric
  kLogGroupName,  // CloudWatch Logs: [A-Za-z0-9._/#-], 1-512
  kTopicName,     // SNS: [A-Za-z0-9_-], 1-256 (+ .fifo)
  kDetectorId,    // GuardDuty: [a-z0-9], 1-300
  kMetricName,    // CloudWatch metric name / namespace as rootguard emits them: [A-Za-z0-9._/#:-]
  kOrganizationId // o-xxxxxxxxxx
};

// What the value is called in error messages ("region", "account id").
std::string_view value_kind_name(ValueKind kind);

// nullopt when `value` matches the grammar of `kind`; otherwise why not, in English.
std::optional<std::string> invalid_reason(ValueKind kind, std::string_view value);
inline bool is_valid(ValueKind kind, std::string_view value) {
  return !invalid_reason(kind, value).has_value();
}

// One shell word: 'text' with embedded single quotes closed, escaped and reopened. Inert whatever the
// text holds ($(), backticks, newlines), but callers still validate first.
std::string shell_quote(std::string_view text);

// The inside of an HCL quoted string: \ " and control characters escaped, and the template
// introducers ${ and %{ doubled ($${, %%{) so Terraform reads them literally.
std::string hcl_escape(std::string_view text);
// hcl_escape wrapped in double quotes.
std::string hcl_string(std::string_view text);

// Text safe inside Markdown prose or a table cell: the characters Markdown gives meaning to are
// backslash-escaped, HTML is neutralised (&, <, >), and line breaks become spaces so a value cannot
// start a new heading or list item.
std::string markdown_escape(std::string_view text);

// Text safe after `# ` in a shell or HCL comment: one line, printable ASCII (anything else as \xNN).
std::string comment_safe(std::string_view text);

} // namespace rg::remediate
