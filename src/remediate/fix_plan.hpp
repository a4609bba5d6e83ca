#pragma once
// What `rootguard fix` hands the user, built from the scan report alone (pure): one step per cause a
// FAIL finding names, with the values rootguard saw filled in and checked against their grammar
// (fix_values.hpp), grouped by the credentials each needs: organization-wide steps in the management
// account (once), account steps through a role in the account, member root steps inside an
// sts:AssumeRoot session. Rendered as fix.sh, Terraform and a console checklist (docs/decisions/0007).
#include "findings/finding.hpp"
#include "i18n/text.hpp"
#include "remediate/remediation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rg::remediate {

enum class StepKind {
  // management account, organization-wide
  kCreateRootDenyScp, // the DenyRootUser SCP exists (created once, looked up after)
  kAttachRootDenyScp, // attached to the failing account's parent (target)
  kIamTrustedAccess,  // Organizations trusted access for iam.amazonaws.com
  kRootCredentialsManagement,
  kRootSessions,
  // account steps (a role in the account; the management account's own steps run as the operator)
  kEnableDetector,    // detector `target` exists but is disabled
  kCreateDetector,    // no detector: create one (or enable one created since the snapshot)
  kMultiRegionTrail,  // trail `target` is single-region
  kStartLogging,      // trail `target` is not logging
  kRootUsageFilter,   // log group `target` lacks the CIS root-usage metric filter (+ its alarm)
  kRootUsageAlarm,    // metric `metric_namespace`/`metric_name` has no working alarm
  kAlertTopic,        // the root-usage-alarm SNS topic with an e-mail subscription
  kResubscribe,       // topic `target` (an ARN) has only pending subscriptions
  kGuardDutyRootRule, // EventBridge rule for Policy:IAMUser/RootCredentialUsage -> alert topic
  kCredentialReport,  // regenerate the credential report (poll until COMPLETE) and show root's row
  // member root session (sts assume-root, task policy IAMDeleteRootUserCredentials)
  kDeleteLoginProfile,
  kDeleteAccessKeys,
  kDeleteSigningCertificates,
  kDeactivateMfaDevices,
};

enum class Credentials { kManagement, kAccountRole, kMemberRoot };

// A finding a step fixes, as the step names it.
struct FixedFinding {
  std::string control; // rule id
  std::string finding_id;
  std::string account_id;
};

struct FixStep {
  StepKind kind{};
  Credentials credentials = Credentials::kAccountRole;
  std::string account_id; // where it runs
  std::string region;     // a real region (IAM and Organizations steps get the plan's home region)
  std::string target;     // trail, log group, detector id, topic ARN or SCP target, by kind; validated
  std::string metric_name;
  std::string metric_namespace;
  std::vector<FixedFinding> fixes; // at least one
};

// A FAIL finding with no API fix (root MFA, a standalone account's root keys) or whose fix needs
// decisions rootguard cannot make (a new trail's bucket): console steps in CHECKLIST.md.
struct ManualStep {
  const RuleMetadata* rule = nullptr;
  std::string account_id;
  std::string resource;
  std::string finding_id;
  RenderedRemediation remediation;
};

struct FixPlan {
  std::string partition = "aws";
  std::string home_region = "us-east-1";
  std::string management_account; // empty: no organization in the snapshot
  std::string collected_at;       // ISO 8601, for the header
  std::vector<FixStep> steps;     // run order: management section, then account by account
  std::vector<ManualStep> manual;
  // Values that failed their grammar, each naming the value and where it came from. Non-empty: no
  // file may be written.
  std::vector<std::string> rejected;
  Lang lang = Lang::kEn; // of every comment, message and label the renderers write
  bool needs_alert_email() const;
};

// What the scan knew about the run besides its findings (filled from the report by the CLI).
struct FixContext {
  std::string partition = "aws";
  std::string collected_at;
  std::string management_account;           // empty: no organization
  std::vector<std::string> member_accounts; // members of that organization
};

// FAIL findings only; PASS and UNKNOWN need no change (UNKNOWN needs data first).
FixPlan build_fix_plan(const std::vector<Finding>& findings, const FixContext& context, Lang lang);

// What a step does, in one line, naming the values it acts on and the findings it fixes. Every value
// goes through `value` first (comment_safe for a comment); the fixed words are ours, in `lang`.
using ValueEscape = std::string (*)(std::string_view);
std::string describe(const FixStep& step, Lang lang, ValueEscape value = nullptr);

std::string render_fix_script(const FixPlan& plan);           // fix.sh
std::string render_checklist(const FixPlan& plan, Lang lang); // CHECKLIST.md

// Terraform: main.tf (providers, modules, import blocks) and one module per folder.
struct TerraformFile {
  std::string path; // relative to the output folder: "main.tf", "management/main.tf",
                    // "accounts/<id>-<region>/main.tf"
  std::string text;
};
std::vector<TerraformFile> render_terraform(const FixPlan& plan);

// The oldest AWS CLI releases with `sts assume-root` and the root-management commands, and the
// oldest AWS provider with aws_iam_organizations_features (README, docs/decisions/0007).
inline constexpr std::string_view kMinAwsCliV2 = "2.22.0";
inline constexpr std::string_view kMinAwsCliV1 = "1.36.2";
inline constexpr std::string_view kMinAwsProvider = "5.77.0";

// The DenyRootUser SCP's description: fix.sh and the Terraform create the same policy.
inline constexpr Text kRootDenyScpDescription{
    "Deny the root user of member accounts; AssumeRoot task sessions still work",
    "メンバーアカウントのルートユーザーを拒否します。AssumeRoot のタスクセッションは引き続き使えます"};

} // namespace rg::remediate
