// fix.sh: dry run by default (prints the plan, calls nothing), --apply to change. Every value from
// input was validated by build_fix_plan and is single-quoted here; the script's own words are ours.
// Each step checks the current state first, so a second run after success changes nothing.
#include "policy/remediation.hpp"
#include "remediate/fix_plan.hpp"
#include "remediate/fix_values.hpp"

#include <fmt/format.h>

namespace rg::remediate {
namespace {

std::string q(std::string_view text) {
  return shell_quote(text);
}

// The SCP on one line, for --content: JSON needs no newlines and a single-quoted word keeps it whole.
std::string compact_json(std::string_view json) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"' && (i == 0 || json[i - 1] != '\\')) {
      in_string = !in_string;
    }
    if (!in_string && (c == ' ' || c == '\n')) {
      continue;
    }
    out += c;
  }
  return out;
}

std::string topic_arn(const FixPlan& plan, const FixStep& step) {
  return fmt::format("arn:{}:sns:{}:{}:root-usage-alarm", plan.partition, step.region, step.account_id);
}

std::string rule_arn(const FixPlan& plan, const FixStep& step) {
  return fmt::format("arn:{}:events:{}:{}:rule/guardduty-root-credential-usage", plan.partition, step.region,
                     step.account_id);
}

// The topic policy: the account keeps managing its topic, and EventBridge may publish for this rule only.
std::string topic_policy(const FixPlan& plan, const FixStep& step) {
  return fmt::format(
      R"({{"Version":"2012-10-17","Statement":[{{"Sid":"AccountManagesTopic","Effect":"Allow",)"
      R"("Principal":{{"AWS":"arn:{0}:iam::{1}:root"}},"Action":["sns:GetTopicAttributes",)"
      R"("sns:SetTopicAttributes","sns:Subscribe","sns:Publish","sns:ListSubscriptionsByTopic"],)"
      R"("Resource":"{2}"}},{{"Sid":"EventBridgePublishesRootAlerts","Effect":"Allow",)"
      R"("Principal":{{"Service":"events.amazonaws.com"}},"Action":"sns:Publish","Resource":"{2}",)"
      R"("Condition":{{"ArnEquals":{{"aws:SourceArn":"{3}"}}}}}}]}})",
      plan.partition, step.account_id, topic_arn(plan, step), rule_arn(plan, step));
}

constexpr std::string_view kRootUsagePattern =
    R"({ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" })";
constexpr std::string_view kGuardDutyPattern =
    R"({"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"type":["Policy:IAMUser/RootCredentialUsage"]}})";

// The apply-mode body of one step: check the state, change only what differs.
std::string step_body(const FixPlan& plan, const FixStep& step) {
  const auto r = q(step.region);
  const auto t = q(step.target);
  switch (step.kind) {
  case StepKind::kIamTrustedAccess:
    return "if aws organizations list-aws-service-access-for-organization \\\n"
           "  --query 'EnabledServicePrincipals[].ServicePrincipal' --output text | has_word "
           "iam.amazonaws.com; then\n"
           "  already\nelse\n"
           "  aws organizations enable-aws-service-access --service-principal iam.amazonaws.com\nfi\n";
  case StepKind::kRootCredentialsManagement:
  case StepKind::kRootSessions: {
    const bool credentials = step.kind == StepKind::kRootCredentialsManagement;
    return fmt::format(
        "if aws iam list-organizations-features --query EnabledFeatures --output text | has_word {}; "
        "then\n  already\nelse\n  aws iam {}\nfi\n",
        credentials ? "RootCredentialsManagement" : "RootSessions",
        credentials ? "enable-organizations-root-credentials-management"
                    : "enable-organizations-root-sessions");
  }
  case StepKind::kCreateRootDenyScp:
    return fmt::format(
        "policy_id=$(aws organizations list-policies --filter SERVICE_CONTROL_POLICY \\\n"
        "  --query \"Policies[?Name=='DenyRootUser'].Id | [0]\" --output text)\n"
        "if [ \"$policy_id\" = None ] || [ -z \"$policy_id\" ]; then\n"
        "  policy_id=$(aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser \\\n"
        "    --description 'Deny the root user of member accounts; AssumeRoot task sessions still work' \\\n"
        "    --content {} \\\n"
        "    --query Policy.PolicySummary.Id --output text)\n"
        "  echo \"   created $policy_id\"\nelse\n  already\nfi\n"
        "is_policy_id \"$policy_id\"\n",
        q(compact_json(policy::kRootDenyScp)));
  case StepKind::kAttachRootDenyScp:
    return fmt::format(
        "if aws organizations list-policies-for-target --target-id {0} --filter SERVICE_CONTROL_POLICY \\\n"
        "  --query 'Policies[].Id' --output text | has_word \"$policy_id\"; then\n"
        "  already\nelse\n"
        "  aws organizations attach-policy --policy-id \"$policy_id\" --target-id {0}\nfi\n",
        t);
  case StepKind::kEnableDetector:
    return fmt::format("status=$(aws guardduty get-detector --detector-id {0} --region {1} --query Status "
                       "--output text)\n"
                       "if [ \"$status\" = ENABLED ]; then\n  already\nelse\n"
                       "  aws guardduty update-detector --detector-id {0} --enable --region {1}\nfi\n",
                       t, r);
  case StepKind::kCreateDetector:
    return fmt::format(
        "detector=$(aws guardduty list-detectors --region {0} --query 'DetectorIds[0]' --output text)\n"
        "if [ \"$detector\" = None ] || [ -z \"$detector\" ]; then\n"
        "  aws guardduty create-detector --enable --region {0} --query DetectorId --output text\nelse\n"
        "  is_detector_id \"$detector\"\n"
        "  status=$(aws guardduty get-detector --detector-id \"$detector\" --region {0} --query Status "
        "--output "
        "text)\n"
        "  if [ \"$status\" = ENABLED ]; then\n    already\n  else\n"
        "    aws guardduty update-detector --detector-id \"$detector\" --enable --region {0}\n  fi\nfi\n",
        r);
  case StepKind::kMultiRegionTrail:
    return fmt::format(
        "multi=$(aws cloudtrail get-trail --name {0} --region {1} --query Trail.IsMultiRegionTrail --output "
        "text)\n"
        "if [ \"$multi\" = True ]; then\n  already\nelse\n"
        "  aws cloudtrail update-trail --name {0} --is-multi-region-trail --include-global-service-events "
        "\\\n    --region {1}\nfi\n",
        t, r);
  case StepKind::kStartLogging:
    return fmt::format(
        "logging=$(aws cloudtrail get-trail-status --name {0} --region {1} --query IsLogging --output text)\n"
        "if [ \"$logging\" = True ]; then\n  already\nelse\n"
        "  aws cloudtrail start-logging --name {0} --region {1}\nfi\n",
        t, r);
  case StepKind::kRootUsageFilter:
    return fmt::format(
        "if aws logs describe-metric-filters --log-group-name {0} --filter-name-prefix RootAccountUsage \\\n"
        "  --region {1} --query 'metricFilters[].filterName' --output text | has_word RootAccountUsage; "
        "then\n"
        "  already\nelse\n"
        "  aws logs put-metric-filter --log-group-name {0} --filter-name RootAccountUsage \\\n"
        "    --filter-pattern {2} \\\n"
        "    --metric-transformations metricName=RootAccountUsage,metricNamespace=CISBenchmark,metricValue=1 "
        "\\\n"
        "    --region {1}\nfi\n",
        t, r, q(kRootUsagePattern));
  case StepKind::kAlertTopic:
    return fmt::format(
        "if exists NotFound aws sns get-topic-attributes --topic-arn {0} --region {1}; then\n"
        "  already\nelse\n"
        "  aws sns create-topic --name root-usage-alarm --region {1} --query TopicArn --output text\nfi\n"
        "# Any subscription, pending included: asking again would only send another e-mail.\n"
        "subscribed=$(aws sns list-subscriptions-by-topic --topic-arn {0} --region {1} \\\n"
        "  --query \"length(Subscriptions[?SubscriptionArn!='Deleted'])\" --output text)\n"
        "if [ \"$subscribed\" = 0 ]; then\n"
        "  aws sns subscribe --topic-arn {0} --protocol email --notification-endpoint \"$alert_email\" \\\n"
        "    --region {1}\n"
        "  echo \"   $alert_email must confirm the subscription (AWS sent an e-mail)\"\nfi\n",
        q(topic_arn(plan, step)), r);
  case StepKind::kRootUsageAlarm:
    return fmt::format(
        "if aws cloudwatch describe-alarms --alarm-names RootAccountUsage --region {0} \\\n"
        "  --query 'MetricAlarms[].AlarmName' --output text | has_word RootAccountUsage; then\n"
        "  already\nelse\n"
        "  aws cloudwatch put-metric-alarm --alarm-name RootAccountUsage --metric-name {1} --namespace {2} "
        "\\\n"
        "    --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 \\\n"
        "    --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching \\\n"
        "    --alarm-actions {3} --region {0}\nfi\n",
        r, q(step.metric_name), q(step.metric_namespace), q(topic_arn(plan, step)));
  case StepKind::kResubscribe:
    return fmt::format(
        "confirmed=$(aws sns list-subscriptions-by-topic --topic-arn {0} --region {1} \\\n"
        "  --query \"length(Subscriptions[?SubscriptionArn!='PendingConfirmation' && "
        "SubscriptionArn!='Deleted'])\" --output text)\n"
        "if [ \"$confirmed\" != 0 ]; then\n  already\nelse\n"
        "  # Subscribing the address again sends a new confirmation e-mail; the old one may have expired.\n"
        "  aws sns subscribe --topic-arn {0} --protocol email --notification-endpoint \"$alert_email\" \\\n"
        "    --region {1}\n"
        "  echo \"   $alert_email must confirm the subscription (AWS sent an e-mail)\"\nfi\n",
        t, r);
  case StepKind::kGuardDutyRootRule:
    return fmt::format(
        "policy=$(aws sns get-topic-attributes --topic-arn {0} --region {1} --query Attributes.Policy "
        "--output "
        "text)\n"
        "case \"$policy\" in\n*events.amazonaws.com*) echo '   topic policy already lets EventBridge "
        "publish' ;;\n"
        "*)\n"
        "  # Replaces the policy of rootguard's own topic: the account keeps its rights, EventBridge may "
        "publish.\n"
        "  aws sns set-topic-attributes --topic-arn {0} --attribute-name Policy \\\n"
        "    --attribute-value {2} \\\n    --region {1}\n  ;;\nesac\n"
        "if exists ResourceNotFoundException aws events describe-rule --name guardduty-root-credential-usage "
        "\\\n"
        "  --region {1}; then\n"
        "  echo '   rule already exists'\nelse\n"
        "  aws events put-rule --name guardduty-root-credential-usage --event-pattern {3} --region {1}\nfi\n"
        "if aws events list-targets-by-rule --rule guardduty-root-credential-usage --region {1} \\\n"
        "  --query 'Targets[].Arn' --output text | has_word {0}; then\n"
        "  already\nelse\n"
        "  aws events put-targets --rule guardduty-root-credential-usage --targets {4} --region {1}\nfi\n",
        q(topic_arn(plan, step)), r, q(topic_policy(plan, step)), q(kGuardDutyPattern),
        q(fmt::format("Id=root-usage-alarm,Arn={}", topic_arn(plan, step))));
  case StepKind::kCredentialReport:
    return "# IAM builds the report asynchronously: ask until it is COMPLETE, a bounded number of times.\n"
           "state=''\n"
           "for _ in 1 2 3 4 5 6 7 8 9 10; do\n"
           "  state=$(aws iam generate-credential-report --query State --output text)\n"
           "  [ \"$state\" = COMPLETE ] && break\n"
           "  sleep \"${ROOTGUARD_POLL_SECONDS:-3}\"\ndone\n"
           "if [ \"$state\" != COMPLETE ]; then\n"
           "  echo \"   the credential report is still $state after 10 tries\" >&2\n  false\nfi\n"
           "aws iam get-credential-report --query Content --output text | base64 -d | "
           "grep '^<root_account>,' || true\n";
  case StepKind::kDeleteAccessKeys:
    return "keys=$(aws iam list-access-keys --query 'AccessKeyMetadata[].AccessKeyId' --output text)\n"
           "if [ -z \"$keys\" ] || [ \"$keys\" = None ]; then\n  already\nfi\n"
           "for key in $keys; do\n  [ \"$key\" = None ] && continue\n  is_aws_id \"$key\"\n"
           "  aws iam delete-access-key --access-key-id \"$key\"\ndone\n";
  case StepKind::kDeleteSigningCertificates:
    return "certificates=$(aws iam list-signing-certificates --query 'Certificates[].CertificateId' --output "
           "text)\n"
           "if [ -z \"$certificates\" ] || [ \"$certificates\" = None ]; then\n  already\nfi\n"
           "for certificate in $certificates; do\n  [ \"$certificate\" = None ] && continue\n"
           "  is_aws_id \"$certificate\"\n"
           "  aws iam delete-signing-certificate --certificate-id \"$certificate\"\ndone\n";
  case StepKind::kDeleteLoginProfile:
    return "# No --user-name: in the root session that is the root user itself.\n"
           "if exists NoSuchEntity aws iam get-login-profile; then\n"
           "  aws iam delete-login-profile\nelse\n  already\nfi\n";
  case StepKind::kDeactivateMfaDevices:
    return "serials=$(aws iam list-mfa-devices --query 'MFADevices[].SerialNumber' --output text)\n"
           "if [ -z \"$serials\" ] || [ \"$serials\" = None ]; then\n  already\nfi\n"
           "for serial in $serials; do\n  [ \"$serial\" = None ] && continue\n  is_mfa_serial \"$serial\"\n"
           "  aws iam deactivate-mfa-device --serial-number \"$serial\"\ndone\n";
  }
  return {};
}

// The commands a step may run to change something, for the dry run: what --apply would do if the
// state is still what the snapshot saw.
std::string dry_run_line(const FixPlan& plan, const FixStep& step) {
  const auto& t = step.target;
  const auto& r = step.region;
  switch (step.kind) {
  case StepKind::kIamTrustedAccess:
    return "aws organizations enable-aws-service-access --service-principal iam.amazonaws.com";
  case StepKind::kRootCredentialsManagement:
    return "aws iam enable-organizations-root-credentials-management";
  case StepKind::kRootSessions:
    return "aws iam enable-organizations-root-sessions";
  case StepKind::kCreateRootDenyScp:
    return "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser (unless it "
           "exists)";
  case StepKind::kAttachRootDenyScp:
    return fmt::format("aws organizations attach-policy --policy-id <DenyRootUser> --target-id {}", t);
  case StepKind::kEnableDetector:
    return fmt::format("aws guardduty update-detector --detector-id {} --enable --region {}", t, r);
  case StepKind::kCreateDetector:
    return fmt::format("aws guardduty create-detector --enable --region {} (or enable one created since)", r);
  case StepKind::kMultiRegionTrail:
    return fmt::format("aws cloudtrail update-trail --name {} --is-multi-region-trail "
                       "--include-global-service-events --region {}",
                       t, r);
  case StepKind::kStartLogging:
    return fmt::format("aws cloudtrail start-logging --name {} --region {}", t, r);
  case StepKind::kRootUsageFilter:
    return fmt::format(
        "aws logs put-metric-filter --log-group-name {} --filter-name RootAccountUsage --region {}", t, r);
  case StepKind::kRootUsageAlarm:
    return fmt::format("aws cloudwatch put-metric-alarm --alarm-name RootAccountUsage --metric-name {} "
                       "--namespace {} --alarm-actions {} --region {}",
                       step.metric_name, step.metric_namespace, topic_arn(plan, step), r);
  case StepKind::kAlertTopic:
    return fmt::format("aws sns create-topic --name root-usage-alarm --region {}; aws sns subscribe "
                       "--protocol email --notification-endpoint $ROOTGUARD_ALERT_EMAIL",
                       r);
  case StepKind::kResubscribe:
    return fmt::format("aws sns subscribe --topic-arn {} --protocol email --notification-endpoint "
                       "$ROOTGUARD_ALERT_EMAIL --region {}",
                       t, r);
  case StepKind::kGuardDutyRootRule:
    return fmt::format("aws sns set-topic-attributes (policy for events.amazonaws.com); aws events put-rule "
                       "--name guardduty-root-credential-usage; aws events put-targets --region {}",
                       r);
  case StepKind::kCredentialReport:
    return "aws iam generate-credential-report (until COMPLETE); aws iam get-credential-report";
  case StepKind::kDeleteLoginProfile:
    return "aws iam delete-login-profile (root session)";
  case StepKind::kDeleteAccessKeys:
    return "aws iam delete-access-key --access-key-id <each listed key> (root session)";
  case StepKind::kDeleteSigningCertificates:
    return "aws iam delete-signing-certificate --certificate-id <each listed certificate> (root session)";
  case StepKind::kDeactivateMfaDevices:
    return "aws iam deactivate-mfa-device --serial-number <each listed device> (root session)";
  }
  return {};
}

std::string indent(std::string_view text, std::string_view by) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const auto line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty()) {
      out += by;
    }
    out += line;
    out += '\n';
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

constexpr std::string_view kPrelude = R"BASH(set -Eeuo pipefail
set -f # word lists read from AWS are split, never globbed

apply=0
case "${1-}" in
--apply) apply=1 ;;
'' | --dry-run) ;;
*)
  echo "usage: $0 [--apply]   (without --apply: print what would change, call nothing)" >&2
  exit 2
  ;;
esac

step='start'
on_error() {
  local status=$?
  # 99: a subshell already said which step failed.
  if [ "$status" -ne 99 ]; then
    echo "rootguard fix: stopped: step failed (exit $status): $step" >&2
  fi
  exit 99
}
trap on_error ERR

begin() {
  step=$1
  echo "== $step"
}

already() {
  echo '   already done'
}

stop() {
  echo "rootguard fix: stopped: $step: $1" >&2
  exit 99
}

# Whether a list printed by --output text (tabs or newlines between items) holds the word. grep reads
# to the end (no -q), so the aws on the left never dies of SIGPIPE and fails the pipeline.
has_word() {
  tr '\t' '\n' | grep -xF -- "$1" >/dev/null
}

# Runs a read-only call: status 0 when it succeeds, 1 when AWS answers with the error code that means
# "does not exist"; any other error stops the script.
exists() {
  local code=$1 output
  shift
  if output=$("$@" 2>&1 >/dev/null); then
    return 0
  fi
  case "$output" in
  *"($code)"*) return 1 ;;
  esac
  printf '%s\n' "$output" >&2
  stop "unexpected error from: $*"
}

# Values read back from AWS are checked before they are used in another call.
is_policy_id() { [[ $1 =~ ^p-[0-9a-z]{8,128}$ ]] || stop "unexpected policy id: $1"; }
is_detector_id() { [[ $1 =~ ^[0-9a-z]{1,300}$ ]] || stop "unexpected detector id: $1"; }
is_aws_id() { [[ $1 =~ ^[0-9A-Z]{16,128}$ ]] || stop "unexpected credential id: $1"; }
is_mfa_serial() { [[ $1 =~ ^arn:[a-z-]+:iam::[0-9]{12}:(mfa|u2f)/[[:graph:]]+$ ]] || stop "unexpected MFA device: $1"; }

# Whether version $1 (major.minor.patch) is older than $2.
older_than() {
  local a b c x y z
  IFS=. read -r a b c <<<"$1"
  IFS=. read -r x y z <<<"$2"
  [ "$a" -lt "$x" ] || { [ "$a" -eq "$x" ] && { [ "$b" -lt "$y" ] || { [ "$b" -eq "$y" ] && [ "$c" -lt "$z" ]; }; }; }
}

check_cli() {
  local version
  version=$(aws --version 2>&1) || stop 'the AWS CLI (aws) is not installed'
  version=${version#aws-cli/}
  version=${version%% *}
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || stop "cannot read the AWS CLI version: $version"
  case "$version" in
  1.*) ! older_than "$version" "$min_cli_v1" ;;
  *) ! older_than "$version" "$min_cli_v2" ;;
  esac || stop "AWS CLI $version is too old: sts assume-root and the root-management commands need v2 $min_cli_v2 or v1 $min_cli_v1 or later"
}

# Stops unless the current credentials belong to the account.
expect_account() {
  local account
  account=$(aws sts get-caller-identity --query Account --output text)
  [ "$account" = "$1" ] || stop "these credentials are for account $account, not $1"
}

# Inside a ( subshell ): exports credentials returned by STS, never printing them.
use_credentials() {
  local access secret token
  read -r access secret token <<<"$1"
  [ -n "$token" ] || stop 'STS returned no credentials'
  unset AWS_PROFILE
  export AWS_ACCESS_KEY_ID=$access AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token
}

# Inside a ( subshell ): the role in a member account, for its own settings.
as_account_role() {
  local credentials
  credentials=$(aws sts assume-role --role-arn "arn:$partition:iam::$1:role/$role_name" \
    --role-session-name rootguard-fix --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' \
    --output text)
  use_credentials "$credentials"
  expect_account "$1"
}

# Inside a ( subshell ): the member's root user, through centralized root access (sts assume-root,
# task policy IAMDeleteRootUserCredentials), checked to be that root before anything runs.
as_member_root() {
  local credentials caller
  credentials=$(aws sts assume-root --target-principal "$1" \
    --task-policy-arn "arn=arn:$partition:iam::aws:policy/root-task/IAMDeleteRootUserCredentials" \
    --region "$home_region" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  use_credentials "$credentials"
  caller=$(aws sts get-caller-identity --query Arn --output text)
  [ "$caller" = "arn:$partition:iam::$1:root" ] || stop "the root session is $caller, not the root user of $1"
}
)BASH";

std::string section_header(const FixPlan& plan, const FixStep& step) {
  switch (step.credentials) {
  case Credentials::kManagement:
    return plan.management_account.empty()
               ? fmt::format("# ---- account {}: the operator's credentials ----\nexpect_account {}\n",
                             step.account_id, q(step.account_id))
               : fmt::format("# ---- management account {}: organization-wide steps, once ----\n"
                             "expect_account {}\n",
                             step.account_id, q(step.account_id));
  case Credentials::kAccountRole:
    return fmt::format("# ---- account {}: through the role $role_name ----\n(\n  as_account_role {}\n",
                       step.account_id, q(step.account_id));
  case Credentials::kMemberRoot:
    return fmt::format("# ---- account {}: its root user, through sts assume-root ----\n(\n"
                       "  as_member_root {}\n",
                       step.account_id, q(step.account_id));
  }
  return {};
}

} // namespace

std::string render_fix_script(const FixPlan& plan) {
  std::string out = fmt::format(
      "#!/usr/bin/env bash\n"
      "# Generated by rootguard fix{}. Review it, then:\n"
      "#   ./fix.sh           prints what would change; calls nothing (dry run)\n"
      "#   ./fix.sh --apply   changes it, with management-account credentials in the environment\n"
      "# Every step checks the current state first: a second run after success changes nothing. The\n"
      "# script stops at the first failure, naming the step. Member accounts are reached through the\n"
      "# role $ROOTGUARD_ROLE_NAME (default OrganizationAccountAccessRole); member root credentials\n"
      "# through sts assume-root. Needs AWS CLI v2 >= {} (or v1 >= {}).\n",
      plan.collected_at.empty() ? std::string()
                                : fmt::format(" from the snapshot collected at {}", plan.collected_at),
      kMinAwsCliV2, kMinAwsCliV1);
  out += kPrelude;
  out += fmt::format("\npartition={}\nhome_region={}\nmin_cli_v2={}\nmin_cli_v1={}\n", q(plan.partition),
                     q(plan.home_region), q(kMinAwsCliV2), q(kMinAwsCliV1));
  out += "role_name=${ROOTGUARD_ROLE_NAME:-OrganizationAccountAccessRole}\n"
         "alert_email=${ROOTGUARD_ALERT_EMAIL:-}\n";

  // Dry run: the plan, from a quoted here-document (nothing in it expands), then stop.
  out += "\nif [ \"$apply\" -eq 0 ]; then\n  cat <<'ROOTGUARD_PLAN'\n";
  if (plan.steps.empty()) {
    out += "No failing control has an AWS CLI fix: see CHECKLIST.md.\n";
  }
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto& step = plan.steps[i];
    const char* who = step.credentials == Credentials::kMemberRoot    ? "root session"
                      : step.credentials == Credentials::kAccountRole ? "account role"
                                                                      : "operator";
    out += fmt::format("{}. {} ({}, {})\n   would run: {}\n", i + 1, describe(step), step.account_id, who,
                       dry_run_line(plan, step));
  }
  out += "ROOTGUARD_PLAN\n  echo 'Dry run: nothing was changed. Run with --apply to make these changes.'\n"
         "  exit 0\nfi\n\ncheck_cli\n"
         "# STS and the regional services need a region: home_region unless the environment names one.\n"
         ": \"${AWS_REGION:=${AWS_DEFAULT_REGION:-$home_region}}\"\nexport AWS_REGION\n";
  if (plan.needs_alert_email()) {
    out += "[[ $alert_email =~ ^[^[:space:]\\'\\\"@]+@[^[:space:]\\'\\\"@]+$ ]] ||\n"
           "  stop 'set ROOTGUARD_ALERT_EMAIL to the address that gets root-usage alerts'\n";
  }
  out += "[[ $role_name =~ ^[A-Za-z0-9+=,.@_-]{1,64}$ ]] || stop \"ROOTGUARD_ROLE_NAME is not a role name: "
         "$role_name\"\n";

  // Sections: consecutive steps that share account and credentials.
  for (size_t i = 0; i < plan.steps.size();) {
    const auto& first = plan.steps[i];
    const bool subshell = first.credentials != Credentials::kManagement;
    out += '\n';
    out += section_header(plan, first);
    size_t j = i;
    for (; j < plan.steps.size() && plan.steps[j].account_id == first.account_id &&
           plan.steps[j].credentials == first.credentials;
         ++j) {
      const auto& step = plan.steps[j];
      std::string body = fmt::format("\nbegin {}\n", q(describe(step)));
      body += step_body(plan, step);
      out += subshell ? indent(body, "  ") : body;
    }
    if (subshell) {
      out += ")\n";
    }
    i = j;
  }
  out += "\necho 'rootguard fix: done. Rescan to confirm: rootguard scan --snapshot <a fresh snapshot>'\n";
  return out;
}

} // namespace rg::remediate
