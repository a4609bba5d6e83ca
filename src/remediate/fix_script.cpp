// fix.sh: dry run by default (prints the plan, calls nothing), --apply to change. Every value from
// input was validated by build_fix_plan and is single-quoted here; the script's own words are ours.
// Each step checks the current state first, so a second run after success changes nothing.
#include "policy/remediation.hpp"
#include "remediate/fix_plan.hpp"
#include "remediate/fix_values.hpp"

#include <array>
#include <fmt/format.h>
#include <stdexcept>

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

// What the step bodies print and explain, English and Japanese side by side. Fixed text only: inside
// '...' none holds a single quote, inside "..." only the $variables shown.
constexpr Text kCreatedPolicy{"   created $policy_id", "   作成しました: $policy_id"};
constexpr Text kAnySubscription{
    "# Any subscription, pending included: asking again would only send another e-mail.",
    "# 確認待ちも含めてサブスクリプションが 1 つあれば足りる。もう一度頼んでも E メールがもう 1 "
    "通届くだけ。"};
constexpr Text kMustConfirm{
    "   $alert_email must confirm the subscription (AWS sent an e-mail)",
    "   $alert_email でサブスクリプションの確認が必要です (AWS が E メールを送りました)"};
constexpr Text kSubscribeAgain{
    "# Subscribing the address again sends a new confirmation e-mail; the old one may have expired.",
    "# アドレスをもう一度サブスクライブすると新しい確認メールが届く。前のものは期限切れかもしれない。"};
constexpr Text kPolicyAllowsEvents{"   topic policy already lets EventBridge publish",
                                   "   トピックポリシーはすでに EventBridge の発行を許可しています"};
constexpr Text kReplacesPolicy{
    "# Replaces the policy of rootguard's own topic: the account keeps its rights, EventBridge may publish.",
    "# rootguard 自身のトピックのポリシーを置き換える。アカウントは権限を保ち、EventBridge は発行できる。"};
constexpr Text kRuleExists{"   rule already exists", "   ルールはすでに存在します"};
constexpr Text kReportAsync{
    "# IAM builds the report asynchronously: ask until it is COMPLETE, a bounded number of times.",
    "# IAM はレポートを非同期で作る。COMPLETE になるまで、決まった回数だけ問い合わせる。"};
constexpr Text kReportNotReady{"   the credential report is still $state after 10 tries",
                               "   10 回試しても認証情報レポートはまだ $state です"};
constexpr Text kNoUserName{
    "# No --user-name: in the root session that is the root user itself.",
    "# --user-name なし: ルートユーザーのセッションでは、それがルートユーザー自身になる。"};

// The apply-mode body of one step: check the state, change only what differs.
std::string step_body(const FixPlan& plan, const FixStep& step) {
  const auto say = [&](const Text& text) { return text.get(plan.lang); };
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
        "    --description {} \\\n"
        "    --content {} \\\n"
        "    --query Policy.PolicySummary.Id --output text)\n"
        "  echo \"{}\"\nelse\n  already\nfi\n"
        "is_policy_id \"$policy_id\"\n",
        q(say(kRootDenyScpDescription)), q(compact_json(policy::kRootDenyScp)), say(kCreatedPolicy));
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
        "{2}\n"
        "subscribed=$(aws sns list-subscriptions-by-topic --topic-arn {0} --region {1} \\\n"
        "  --query \"length(Subscriptions[?SubscriptionArn!='Deleted'])\" --output text)\n"
        "if [ \"$subscribed\" = 0 ]; then\n"
        "  aws sns subscribe --topic-arn {0} --protocol email --notification-endpoint \"$alert_email\" \\\n"
        "    --region {1}\n"
        "  echo \"{3}\"\nfi\n",
        q(topic_arn(plan, step)), r, say(kAnySubscription), say(kMustConfirm));
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
        "  {2}\n"
        "  aws sns subscribe --topic-arn {0} --protocol email --notification-endpoint \"$alert_email\" \\\n"
        "    --region {1}\n"
        "  echo \"{3}\"\nfi\n",
        t, r, say(kSubscribeAgain), say(kMustConfirm));
  case StepKind::kGuardDutyRootRule:
    return fmt::format(
        "policy=$(aws sns get-topic-attributes --topic-arn {0} --region {1} --query Attributes.Policy "
        "--output "
        "text)\n"
        "case \"$policy\" in\n*events.amazonaws.com*) echo '{5}' ;;\n"
        "*)\n"
        "  {6}\n"
        "  aws sns set-topic-attributes --topic-arn {0} --attribute-name Policy \\\n"
        "    --attribute-value {2} \\\n    --region {1}\n  ;;\nesac\n"
        "if exists ResourceNotFoundException aws events describe-rule --name guardduty-root-credential-usage "
        "\\\n"
        "  --region {1}; then\n"
        "  echo '{7}'\nelse\n"
        "  aws events put-rule --name guardduty-root-credential-usage --event-pattern {3} --region {1}\nfi\n"
        "if aws events list-targets-by-rule --rule guardduty-root-credential-usage --region {1} \\\n"
        "  --query 'Targets[].Arn' --output text | has_word {0}; then\n"
        "  already\nelse\n"
        "  aws events put-targets --rule guardduty-root-credential-usage --targets {4} --region {1}\nfi\n",
        q(topic_arn(plan, step)), r, q(topic_policy(plan, step)), q(kGuardDutyPattern),
        q(fmt::format("Id=root-usage-alarm,Arn={}", topic_arn(plan, step))), say(kPolicyAllowsEvents),
        say(kReplacesPolicy), say(kRuleExists));
  case StepKind::kCredentialReport:
    return fmt::format("{}\n"
                       "state=''\n"
                       "for _ in 1 2 3 4 5 6 7 8 9 10; do\n"
                       "  state=$(aws iam generate-credential-report --query State --output text)\n"
                       "  [ \"$state\" = COMPLETE ] && break\n"
                       "  sleep \"${{ROOTGUARD_POLL_SECONDS:-3}}\"\ndone\n"
                       "if [ \"$state\" != COMPLETE ]; then\n"
                       "  echo \"{}\" >&2\n  false\nfi\n"
                       "aws iam get-credential-report --query Content --output text | base64 -d | "
                       "grep '^<root_account>,' || true\n",
                       say(kReportAsync), say(kReportNotReady));
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
    return std::string(say(kNoUserName)) + "\nif exists NoSuchEntity aws iam get-login-profile; then\n"
                                           "  aws iam delete-login-profile\nelse\n  already\nfi\n";
  case StepKind::kDeactivateMfaDevices:
    return "serials=$(aws iam list-mfa-devices --query 'MFADevices[].SerialNumber' --output text)\n"
           "if [ -z \"$serials\" ] || [ \"$serials\" = None ]; then\n  already\nfi\n"
           "for serial in $serials; do\n  [ \"$serial\" = None ] && continue\n  is_mfa_serial \"$serial\"\n"
           "  aws iam deactivate-mfa-device --serial-number \"$serial\"\ndone\n";
  }
  return {};
}

// The dry run's words around the commands, English and Japanese side by side.
constexpr Text kUnlessExists{"(unless it exists)", "(存在しない場合)"};
constexpr Text kOrCreatedSince{"(or enable one created since)", "(またはその後作成されたものを有効化)"};
constexpr Text kTopicPolicyForEvents{"(policy for events.amazonaws.com)",
                                     "(events.amazonaws.com 用のポリシー)"};
constexpr Text kUntilComplete{"(until COMPLETE)", "(COMPLETE になるまで)"};
constexpr Text kInRootSession{"(root session)", "(ルートユーザーのセッション)"};
constexpr Text kEachKey{"<each listed key>", "<一覧の各キー>"};
constexpr Text kEachCertificate{"<each listed certificate>", "<一覧の各証明書>"};
constexpr Text kEachDevice{"<each listed device>", "<一覧の各デバイス>"};

// The commands a step may run to change something, for the dry run: what --apply would do if the
// state is still what the snapshot saw.
std::string dry_run_line(const FixPlan& plan, const FixStep& step) {
  const auto say = [&](const Text& text) { return text.get(plan.lang); };
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
    return fmt::format("aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser {}",
                       say(kUnlessExists));
  case StepKind::kAttachRootDenyScp:
    return fmt::format("aws organizations attach-policy --policy-id <DenyRootUser> --target-id {}", t);
  case StepKind::kEnableDetector:
    return fmt::format("aws guardduty update-detector --detector-id {} --enable --region {}", t, r);
  case StepKind::kCreateDetector:
    return fmt::format("aws guardduty create-detector --enable --region {} {}", r, say(kOrCreatedSince));
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
    return fmt::format("aws sns set-topic-attributes {}; aws events put-rule "
                       "--name guardduty-root-credential-usage; aws events put-targets --region {}",
                       say(kTopicPolicyForEvents), r);
  case StepKind::kCredentialReport:
    return fmt::format("aws iam generate-credential-report {}; aws iam get-credential-report",
                       say(kUntilComplete));
  case StepKind::kDeleteLoginProfile:
    return fmt::format("aws iam delete-login-profile {}", say(kInRootSession));
  case StepKind::kDeleteAccessKeys:
    return fmt::format("aws iam delete-access-key --access-key-id {} {}", say(kEachKey), say(kInRootSession));
  case StepKind::kDeleteSigningCertificates:
    return fmt::format("aws iam delete-signing-certificate --certificate-id {} {}", say(kEachCertificate),
                       say(kInRootSession));
  case StepKind::kDeactivateMfaDevices:
    return fmt::format("aws iam deactivate-mfa-device --serial-number {} {}", say(kEachDevice),
                       say(kInRootSession));
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
set -f @@globbed@@

apply=0
case "${1-}" in
--apply) apply=1 ;;
'' | --dry-run) ;;
*)
  echo "@@usage@@" >&2
  exit 2
  ;;
esac

step='start'
on_error() {
  local status=$?
  @@subshell_said@@
  if [ "$status" -ne 99 ]; then
    echo "rootguard fix: @@step_failed@@" >&2
  fi
  exit 99
}
trap on_error ERR

begin() {
  step=$1
  echo "== $step"
}

already() {
  echo '@@already@@'
}

stop() {
  echo "rootguard fix: @@stopped@@" >&2
  exit 99
}

@@has_word@@
has_word() {
  tr '\t' '\n' | grep -xF -- "$1" >/dev/null
}

@@exists@@
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
  stop "@@unexpected_error@@"
}

@@read_back@@
is_policy_id() { [[ $1 =~ ^p-[0-9a-z]{8,128}$ ]] || stop "@@bad_policy@@"; }
is_detector_id() { [[ $1 =~ ^[0-9a-z]{1,300}$ ]] || stop "@@bad_detector@@"; }
is_aws_id() { [[ $1 =~ ^[0-9A-Z]{16,128}$ ]] || stop "@@bad_credential@@"; }
is_mfa_serial() { [[ $1 =~ ^arn:[a-z-]+:iam::[0-9]{12}:(mfa|u2f)/[[:graph:]]+$ ]] || stop "@@bad_mfa@@"; }

@@older_than@@
older_than() {
  local a b c x y z
  IFS=. read -r a b c <<<"$1"
  IFS=. read -r x y z <<<"$2"
  [ "$a" -lt "$x" ] || { [ "$a" -eq "$x" ] && { [ "$b" -lt "$y" ] || { [ "$b" -eq "$y" ] && [ "$c" -lt "$z" ]; }; }; }
}

check_cli() {
  local version
  version=$(aws --version 2>&1) || stop '@@no_cli@@'
  version=${version#aws-cli/}
  version=${version%% *}
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || stop "@@cli_version@@"
  case "$version" in
  1.*) ! older_than "$version" "$min_cli_v1" ;;
  *) ! older_than "$version" "$min_cli_v2" ;;
  esac || stop "@@cli_too_old@@"
}

@@expect_account@@
expect_account() {
  local account
  account=$(aws sts get-caller-identity --query Account --output text)
  [ "$account" = "$1" ] || stop "@@wrong_account@@"
}

@@use_credentials@@
use_credentials() {
  local access secret token
  read -r access secret token <<<"$1"
  [ -n "$token" ] || stop '@@no_credentials@@'
  unset AWS_PROFILE
  export AWS_ACCESS_KEY_ID=$access AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token
}

@@account_role@@
as_account_role() {
  local credentials
  credentials=$(aws sts assume-role --role-arn "arn:$partition:iam::$1:role/$role_name" \
    --role-session-name rootguard-fix --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' \
    --output text)
  use_credentials "$credentials"
  expect_account "$1"
}

@@member_root@@
as_member_root() {
  local credentials caller
  credentials=$(aws sts assume-root --target-principal "$1" \
    --task-policy-arn "arn=arn:$partition:iam::aws:policy/root-task/IAMDeleteRootUserCredentials" \
    --region "$home_region" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  use_credentials "$credentials"
  caller=$(aws sts get-caller-identity --query Arn --output text)
  [ "$caller" = "arn:$partition:iam::$1:root" ] || stop "@@wrong_root@@"
}
)BASH";

// The prelude's prose, by the @@key@@ that marks its place: English and Japanese side by side. Fixed
// text only; each sits where the raw string shows it ('...', "..." or after #), so none holds a quote
// of its kind, and "..." ones only the $variables their English names.
struct Phrase {
  std::string_view key;
  Text text;
};
constexpr auto kPreludePhrases = std::to_array<Phrase>({
    {"globbed",
     {"# word lists read from AWS are split, never globbed",
      "# AWS から読んだ単語リストは分割するだけで、グロブ展開はしない"}},
    {"usage",
     {"usage: $0 [--apply]   (without --apply: print what would change, call nothing)",
      "使い方: $0 [--apply]   (--apply なし: 変更内容を表示するだけで、何も呼び出さない)"}},
    {"subshell_said",
     {"# 99: a subshell already said which step failed.",
      "# 99: どの手順が失敗したかはサブシェルが表示済み。"}},
    {"step_failed",
     {"stopped: step failed (exit $status): $step", "中止: 手順が失敗しました (終了コード $status): $step"}},
    {"already", {"   already done", "   実行済み"}},
    {"stopped", {"stopped: $step: $1", "中止: $step: $1"}},
    {"has_word",
     {"# Whether a list printed by --output text (tabs or newlines between items) holds the word. grep "
      "reads\n"
      "# to the end (no -q), so the aws on the left never dies of SIGPIPE and fails the pipeline.",
      "# --output text が表示したリスト (項目の間はタブか改行) にその単語があるかどうか。grep は最後まで\n"
      "# 読む (-q なし) ので、左の aws が SIGPIPE で終了してパイプラインが失敗することはない。"}},
    {"exists",
     {"# Runs a read-only call: status 0 when it succeeds, 1 when AWS answers with the error code that "
      "means\n"
      "# \"does not exist\"; any other error stops the script.",
      "# 読み取りだけの呼び出しを実行する。成功すれば 0、「存在しない」を意味するエラーコードを AWS が\n"
      "# 返せば 1。それ以外のエラーではスクリプトを止める。"}},
    {"unexpected_error", {"unexpected error from: $*", "予期しないエラー: $*"}},
    {"read_back",
     {"# Values read back from AWS are checked before they are used in another call.",
      "# AWS から読み取った値は、別の呼び出しに使う前に確認する。"}},
    {"bad_policy", {"unexpected policy id: $1", "想定外のポリシー ID: $1"}},
    {"bad_detector", {"unexpected detector id: $1", "想定外のディテクター ID: $1"}},
    {"bad_credential", {"unexpected credential id: $1", "想定外の認証情報 ID: $1"}},
    {"bad_mfa", {"unexpected MFA device: $1", "想定外の MFA デバイス: $1"}},
    {"older_than",
     {"# Whether version $1 (major.minor.patch) is older than $2.",
      "# バージョン $1 (major.minor.patch) が $2 より古いかどうか。"}},
    {"no_cli", {"the AWS CLI (aws) is not installed", "AWS CLI (aws) がインストールされていません"}},
    {"cli_version",
     {"cannot read the AWS CLI version: $version", "AWS CLI のバージョンを読み取れません: $version"}},
    {"cli_too_old",
     {"AWS CLI $version is too old: sts assume-root and the root-management commands need v2 $min_cli_v2 or "
      "v1 $min_cli_v1 or later",
      "AWS CLI $version は古すぎます: sts assume-root とルートユーザー管理のコマンドには v2 $min_cli_v2 "
      "以降または v1 $min_cli_v1 以降が必要です"}},
    {"expect_account",
     {"# Stops unless the current credentials belong to the account.",
      "# 現在の認証情報がそのアカウントのものでなければ止める。"}},
    {"wrong_account",
     {"these credentials are for account $account, not $1",
      "この認証情報はアカウント $account のもので、$1 のものではありません"}},
    {"use_credentials",
     {"# Inside a ( subshell ): exports credentials returned by STS, never printing them.",
      "# ( サブシェル ) の中で: STS が返した認証情報をエクスポートする。表示はしない。"}},
    {"no_credentials", {"STS returned no credentials", "STS から認証情報が返されませんでした"}},
    {"account_role",
     {"# Inside a ( subshell ): the role in a member account, for its own settings.",
      "# ( サブシェル ) の中で: メンバーアカウントのロール。そのアカウント自身の設定に使う。"}},
    {"member_root",
     {"# Inside a ( subshell ): the member's root user, through centralized root access (sts assume-root,\n"
      "# task policy IAMDeleteRootUserCredentials), checked to be that root before anything runs.",
      "# ( サブシェル ) の中で: ルートアクセスの一元管理 (sts assume-root、タスクポリシー\n"
      "# IAMDeleteRootUserCredentials) "
      "を通じたメンバーのルートユーザー。何かを実行する前に、そのアカウントの\n"
      "# ルートユーザーであることを確かめる。"}},
    {"wrong_root",
     {"the root session is $caller, not the root user of $1",
      "ルートユーザーのセッションは $caller で、$1 のルートユーザーではありません"}},
});

std::string_view prelude_phrase(std::string_view key, Lang lang) {
  for (const auto& phrase : kPreludePhrases) {
    if (phrase.key == key) {
      return phrase.text.get(lang);
    }
  }
  throw std::logic_error(fmt::format("fix.sh prelude: no phrase {}", key));
}

// The prelude with each @@key@@ replaced by its phrase. An unknown key is a bug in this file: it
// throws, and every test that renders a script fails.
std::string localized_prelude(Lang lang) {
  std::string out;
  std::string_view rest = kPrelude;
  for (auto open = rest.find("@@"); open != std::string_view::npos; open = rest.find("@@")) {
    const auto close = rest.find("@@", open + 2);
    if (close == std::string_view::npos) {
      throw std::logic_error("fix.sh prelude: unterminated @@ marker");
    }
    const auto key = rest.substr(open + 2, close - open - 2);
    out += rest.substr(0, open);
    out += prelude_phrase(key, lang);
    rest.remove_prefix(close + 2);
  }
  out += rest;
  return out;
}

// "# ---- account 123456789012: through the role $role_name ----" and its Japanese.
std::string section_title(const FixPlan& plan, const FixStep& step) {
  const bool ja = plan.lang == Lang::kJa;
  const auto& a = step.account_id;
  switch (step.credentials) {
  case Credentials::kManagement:
    if (plan.management_account.empty()) {
      return ja ? fmt::format("アカウント {}: オペレーターの認証情報", a)
                : fmt::format("account {}: the operator's credentials", a);
    }
    return ja ? fmt::format("管理アカウント {}: 組織全体の手順 (一度だけ)", a)
              : fmt::format("management account {}: organization-wide steps, once", a);
  case Credentials::kAccountRole:
    return ja ? fmt::format("アカウント {}: ロール $role_name を通じて", a)
              : fmt::format("account {}: through the role $role_name", a);
  case Credentials::kMemberRoot:
    return ja ? fmt::format("アカウント {}: sts assume-root を通じて、そのルートユーザーで", a)
              : fmt::format("account {}: its root user, through sts assume-root", a);
  }
  return {};
}

std::string section_header(const FixPlan& plan, const FixStep& step) {
  const auto title = fmt::format("# ---- {} ----\n", section_title(plan, step));
  switch (step.credentials) {
  case Credentials::kManagement:
    return fmt::format("{}expect_account {}\n", title, q(step.account_id));
  case Credentials::kAccountRole:
    return fmt::format("{}(\n  as_account_role {}\n", title, q(step.account_id));
  case Credentials::kMemberRoot:
    return fmt::format("{}(\n  as_member_root {}\n", title, q(step.account_id));
  }
  return {};
}

// The script's own words outside the prelude, English and Japanese side by side.
constexpr Text kUsageLines{
    "#   ./fix.sh           prints what would change; calls nothing (dry run)\n"
    "#   ./fix.sh --apply   changes it, with management-account credentials in the environment\n"
    "# Every step checks the current state first: a second run after success changes nothing. The\n"
    "# script stops at the first failure, naming the step. Member accounts are reached through the\n"
    "# role $ROOTGUARD_ROLE_NAME (default OrganizationAccountAccessRole); member root credentials\n"
    "# through sts assume-root.",
    "#   ./fix.sh           変更内容を表示するだけで、何も呼び出さない (ドライラン)\n"
    "#   ./fix.sh --apply   変更する (環境に管理アカウントの認証情報が必要)\n"
    "# どの手順も先に現在の状態を確かめるので、成功した後にもう一度実行しても何も変わらない。最初に\n"
    "# 失敗した手順で、その名前を表示して止まる。メンバーアカウントにはロール $ROOTGUARD_ROLE_NAME\n"
    "# (デフォルトは OrganizationAccountAccessRole) で、メンバーのルートユーザーの認証情報には\n"
    "# sts assume-root で入る。"};
constexpr Text kNoCliFix{
    "No failing control has an AWS CLI fix: see CHECKLIST.md.",
    "AWS CLI で修正できる失敗したコントロールはありません。CHECKLIST.md を参照してください。"};
constexpr Text kWouldRun{"would run", "実行予定"};
constexpr Text kDryRunDone{"Dry run: nothing was changed. Run with --apply to make these changes.",
                           "ドライラン: 何も変更していません。これらの変更を行うには --apply を付けて実行して"
                           "ください。"};
constexpr Text kRegionComment{
    "# STS and the regional services need a region: home_region unless the environment names one.",
    "# STS とリージョンのサービスにはリージョンが必要。環境で指定がなければ home_region を使う。"};
constexpr Text kSetAlertEmail{
    "set ROOTGUARD_ALERT_EMAIL to the address that gets root-usage alerts",
    "ROOTGUARD_ALERT_EMAIL に、ルートユーザーの使用アラートを受け取るアドレスを設定して"
    "ください"};
constexpr Text kNotRoleName{"ROOTGUARD_ROLE_NAME is not a role name: $role_name",
                            "ROOTGUARD_ROLE_NAME がロール名ではありません: $role_name"};
constexpr Text kDone{
    "rootguard fix: done. Rescan to confirm: rootguard scan --snapshot <a fresh snapshot>",
    "rootguard fix: 完了しました。確認のため再スキャンしてください: rootguard scan --snapshot "
    "<新しいスナップショット>"};

// Who a step runs as, for the dry run.
std::string_view runs_as(const FixStep& step, Lang lang) {
  switch (step.credentials) {
  case Credentials::kMemberRoot:
    return Text{"root session", "ルートユーザーのセッション"}.get(lang);
  case Credentials::kAccountRole:
    return Text{"account role", "アカウントのロール"}.get(lang);
  case Credentials::kManagement:
    break;
  }
  return Text{"operator", "オペレーター"}.get(lang);
}

// The first lines: where the script came from, how to run it, and what it needs.
std::string script_header(const FixPlan& plan) {
  const bool ja = plan.lang == Lang::kJa;
  std::string out = "#!/usr/bin/env bash\n";
  if (ja) {
    out +=
        plan.collected_at.empty()
            ? "# rootguard fix が生成。"
            : fmt::format("# rootguard fix が {} に収集されたスナップショットから生成。", plan.collected_at);
    out += "内容を確認してから実行する:\n";
  } else {
    out += fmt::format("# Generated by rootguard fix{}. Review it, then:\n",
                       plan.collected_at.empty()
                           ? std::string()
                           : fmt::format(" from the snapshot collected at {}", plan.collected_at));
  }
  out += kUsageLines.get(plan.lang);
  out += ja ? fmt::format("AWS CLI v2 {} 以降 (または v1 {} 以降) が必要。\n", kMinAwsCliV2, kMinAwsCliV1)
            : fmt::format(" Needs AWS CLI v2 >= {} (or v1 >= {}).\n", kMinAwsCliV2, kMinAwsCliV1);
  return out;
}

} // namespace

std::string render_fix_script(const FixPlan& plan) {
  const Lang lang = plan.lang;
  const bool ja = lang == Lang::kJa;
  std::string out = script_header(plan);
  out += localized_prelude(lang);
  out += fmt::format("\npartition={}\nhome_region={}\nmin_cli_v2={}\nmin_cli_v1={}\n", q(plan.partition),
                     q(plan.home_region), q(kMinAwsCliV2), q(kMinAwsCliV1));
  out += "role_name=${ROOTGUARD_ROLE_NAME:-OrganizationAccountAccessRole}\n"
         "alert_email=${ROOTGUARD_ALERT_EMAIL:-}\n";

  // Dry run: the plan, from a quoted here-document (nothing in it expands), then stop.
  out += "\nif [ \"$apply\" -eq 0 ]; then\n  cat <<'ROOTGUARD_PLAN'\n";
  if (plan.steps.empty()) {
    out += kNoCliFix.get(lang);
    out += '\n';
  }
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto& step = plan.steps[i];
    // The plan sits in a quoted here-document, so the values in it are inert as they are.
    out += fmt::format("{}. {} ({}{}{})\n   {}: {}\n", i + 1, describe(step, lang), step.account_id,
                       ja ? "、" : ", ", runs_as(step, lang), kWouldRun.get(lang), dry_run_line(plan, step));
  }
  out += fmt::format("ROOTGUARD_PLAN\n  echo '{}'\n  exit 0\nfi\n\ncheck_cli\n{}\n", kDryRunDone.get(lang),
                     kRegionComment.get(lang));
  out += ": \"${AWS_REGION:=${AWS_DEFAULT_REGION:-$home_region}}\"\nexport AWS_REGION\n";
  if (plan.needs_alert_email()) {
    out += "[[ $alert_email =~ ^[^[:space:]\\'\\\"@]+@[^[:space:]\\'\\\"@]+$ ]] ||\n";
    out += fmt::format("  stop '{}'\n", kSetAlertEmail.get(lang));
  }
  out += fmt::format("[[ $role_name =~ ^[A-Za-z0-9+=,.@_-]{{1,64}}$ ]] || stop \"{}\"\n",
                     kNotRoleName.get(lang));

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
      std::string body = fmt::format("\nbegin {}\n", q(describe(step, lang)));
      body += step_body(plan, step);
      out += subshell ? indent(body, "  ") : body;
    }
    if (subshell) {
      out += ")\n";
    }
    i = j;
  }
  out += fmt::format("\necho '{}'\n", kDone.get(lang));
  return out;
}

} // namespace rg::remediate
