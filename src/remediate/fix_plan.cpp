#include "remediate/fix_plan.hpp"

#include "controls/arn.hpp"
#include "model/aws_ids.hpp"
#include "remediate/fix_values.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace rg::remediate {
namespace {

std::string evidence_of(const Finding& finding, std::string_view name) {
  for (const auto& item : finding.evidence) {
    if (item.name == name) {
      return item.value;
    }
  }
  return {};
}

// Collects steps and rejected values while the findings are read.
class PlanBuilder {
public:
  PlanBuilder(FixPlan& plan, const FixContext& context, Lang lang)
      : plan_(plan), context_(context), lang_(lang) {}

  // True when `value` matches its grammar; otherwise records why, naming the value and its source.
  bool check(ValueKind kind, const std::string& value, const Finding& finding, std::string_view field) {
    const auto problem = invalid_reason(kind, value);
    if (!problem) {
      return true;
    }
    plan_.rejected.push_back(fmt::format(R"({} "{}" {} (from {} of finding {} {} in account "{}"))",
                                         value_kind_name(kind), comment_safe(value), *problem, field,
                                         finding.rule->id, finding.finding_id(),
                                         comment_safe(finding.account_id)));
    return false;
  }

  bool is_member(const std::string& account) const {
    if (plan_.management_account.empty() || account == plan_.management_account) {
      return false;
    }
    return std::find(context_.member_accounts.begin(), context_.member_accounts.end(), account) !=
           context_.member_accounts.end();
  }

  void add(StepKind kind, Credentials credentials, const Finding& finding, std::string account,
           std::string region, std::string target = {}, std::string metric_name = {},
           std::string metric_namespace = {}) {
    const FixedFinding fixed{std::string(finding.rule->id), finding.finding_id(), finding.account_id};
    for (auto& step : plan_.steps) {
      if (step.kind == kind && step.account_id == account && step.region == region && step.target == target) {
        if (std::none_of(step.fixes.begin(), step.fixes.end(),
                         [&](const auto& f) { return f.finding_id == fixed.finding_id; })) {
          step.fixes.push_back(fixed);
        }
        return;
      }
    }
    plan_.steps.push_back(FixStep{kind,
                                  credentials,
                                  std::move(account),
                                  std::move(region),
                                  std::move(target),
                                  std::move(metric_name),
                                  std::move(metric_namespace),
                                  {fixed}});
  }

  // Account steps run through a role, except in the management account (the operator's own).
  Credentials account_credentials(const std::string& account) const {
    return !plan_.management_account.empty() && account != plan_.management_account
               ? Credentials::kAccountRole
               : Credentials::kManagement;
  }

  void manual(const Finding& finding) {
    plan_.manual.push_back(ManualStep{finding.rule, finding.account_id, finding.resource,
                                      finding.finding_id(),
                                      render_remediation(finding, plan_.partition, lang_)});
  }

  std::string region_of(const Finding& finding) const {
    return finding.region.empty() || finding.region == "global" ? plan_.home_region : finding.region;
  }

  void read(const Finding& finding);

private:
  void read_root_usage_alarm(const Finding& finding, const std::string& region);
  void member_root(StepKind kind, const Finding& finding) {
    add(kind, Credentials::kMemberRoot, finding, finding.account_id, plan_.home_region);
  }

  FixPlan& plan_;
  const FixContext& context_;
  Lang lang_;
};

void PlanBuilder::read_root_usage_alarm(const Finding& finding, const std::string& region) {
  const auto link = evidence_of(finding, "MissingLink");
  const auto trail = evidence_of(finding, "TrailName");
  const auto account = finding.account_id;
  if (link == "multi-region" || link == "logging") {
    if (!check(ValueKind::kTrailName, trail, finding, "evidence TrailName")) {
      return;
    }
    add(link == "multi-region" ? StepKind::kMultiRegionTrail : StepKind::kStartLogging,
        account_credentials(account), finding, account, region, trail);
    return;
  }
  if (link == "metric-filter" || link == "alarm") {
    const auto group_arn = evidence_of(finding, "CloudWatchLogsLogGroupArn");
    if (!check(ValueKind::kArn, group_arn, finding, "evidence CloudWatchLogsLogGroupArn")) {
      return;
    }
    const auto arn = controls::parse_arn(group_arn);
    const auto group = arn ? controls::log_group_name(*arn) : std::nullopt;
    if (!group ||
        !check(ValueKind::kLogGroupName, *group, finding,
               "the log group in evidence "
               "CloudWatchLogsLogGroupArn") ||
        !check(ValueKind::kAccountId, arn->account, finding, "the account of CloudWatchLogsLogGroupArn") ||
        !check(ValueKind::kRegion, arn->region, finding, "the region of CloudWatchLogsLogGroupArn")) {
      return;
    }
    // The filter and alarm live where the log group is (an organization trail's group may be elsewhere).
    const auto where = account_credentials(arn->account);
    std::string metric = "RootAccountUsage";
    std::string space = "CISBenchmark";
    if (link == "metric-filter") {
      add(StepKind::kRootUsageFilter, where, finding, arn->account, arn->region, *group);
    } else {
      metric = evidence_of(finding, "MetricName");
      space = evidence_of(finding, "MetricNamespace");
      if (!check(ValueKind::kMetricName, metric, finding, "evidence MetricName") ||
          !check(ValueKind::kMetricName, space, finding, "evidence MetricNamespace")) {
        return;
      }
    }
    add(StepKind::kAlertTopic, where, finding, arn->account, arn->region);
    add(StepKind::kRootUsageAlarm, where, finding, arn->account, arn->region, "", metric, space);
    return;
  }
  if (link == "subscription") {
    const auto topic = evidence_of(finding, "Topic");
    if (!check(ValueKind::kArn, topic, finding, "evidence Topic")) {
      return;
    }
    const auto arn = controls::parse_arn(topic);
    if (!arn || !check(ValueKind::kAccountId, arn->account, finding, "the account of evidence Topic") ||
        !check(ValueKind::kRegion, arn->region, finding, "the region of evidence Topic") ||
        !check(ValueKind::kTopicName, arn->resource, finding, "the name in evidence Topic")) {
      return;
    }
    add(StepKind::kResubscribe, account_credentials(arn->account), finding, arn->account, arn->region, topic);
    return;
  }
  manual(finding); // no trail, no log group delivery, event selectors, a non-SNS alarm action
}

void PlanBuilder::read(const Finding& finding) {
  const std::string_view id = finding.rule->id;
  if (!check(ValueKind::kAccountId, finding.account_id, finding, "the account folder name")) {
    return;
  }
  const auto region = region_of(finding);
  if (!check(ValueKind::kRegion, region, finding, "the region (regions/<region>/ folder)")) {
    return;
  }
  const auto& account = finding.account_id;
  const bool member = is_member(account);
  if (id == "org-root-scp") {
    const auto target = evidence_of(finding, "attach_target");
    if (target.empty() || plan_.management_account.empty()) {
      manual(finding); // an invalid SCP in the management account: rewriting it is a decision
      return;
    }
    if (!check(ValueKind::kTargetId, target, finding, "evidence attach_target")) {
      return;
    }
    // The DenyRootUser SCP the snapshot already has (target) is reused, and imported by Terraform.
    const auto existing = evidence_of(finding, "existing_root_deny_policy");
    if (!existing.empty() &&
        !check(ValueKind::kPolicyId, existing, finding, "evidence existing_root_deny_policy")) {
      return;
    }
    add(StepKind::kCreateRootDenyScp, Credentials::kManagement, finding, plan_.management_account,
        plan_.home_region, existing);
    add(StepKind::kAttachRootDenyScp, Credentials::kManagement, finding, plan_.management_account,
        plan_.home_region, target);
  } else if (id == "org-root-access-management") {
    const auto enabled = evidence_of(finding, "EnabledFeatures");
    add(StepKind::kIamTrustedAccess, Credentials::kManagement, finding, account, plan_.home_region);
    if (enabled.find("RootCredentialsManagement") == std::string::npos) {
      add(StepKind::kRootCredentialsManagement, Credentials::kManagement, finding, account,
          plan_.home_region);
    }
    if (enabled.find("RootSessions") == std::string::npos) {
      add(StepKind::kRootSessions, Credentials::kManagement, finding, account, plan_.home_region);
    }
  } else if (id == "guardduty-enabled") {
    const auto slash = finding.resource.rfind("detector/");
    if (slash == std::string::npos) {
      add(StepKind::kCreateDetector, account_credentials(account), finding, account, region);
      return;
    }
    const auto detector = finding.resource.substr(slash + 9);
    if (check(ValueKind::kDetectorId, detector, finding, "the detector id in the resource ARN")) {
      add(StepKind::kEnableDetector, account_credentials(account), finding, account, region, detector);
    }
  } else if (id == "guardduty-root-findings") {
    add(StepKind::kAlertTopic, account_credentials(account), finding, account, region);
    add(StepKind::kGuardDutyRootRule, account_credentials(account), finding, account, region);
    manual(finding); // someone has to find out who used root
  } else if (id == "root-usage-alarm") {
    read_root_usage_alarm(finding, region);
  } else if (id == "root-recent-use") {
    add(StepKind::kCredentialReport, account_credentials(account), finding, account, plan_.home_region);
    manual(finding);
  } else if (member && id == "root-credentials-removed") {
    if (evidence_of(finding, "AccountAccessKeysPresent") != "0") {
      member_root(StepKind::kDeleteAccessKeys, finding);
    }
    if (evidence_of(finding, "AccountSigningCertificatesPresent") != "0") {
      member_root(StepKind::kDeleteSigningCertificates, finding);
    }
    if (evidence_of(finding, "AccountPasswordPresent") != "0") {
      member_root(StepKind::kDeleteLoginProfile, finding);
    }
    if (evidence_of(finding, "AccountMFAEnabled") != "0") {
      member_root(StepKind::kDeactivateMfaDevices, finding);
    }
  } else if (member && id == "root-access-keys") {
    member_root(StepKind::kDeleteAccessKeys, finding);
  } else if (member && id == "root-signing-certs") {
    member_root(StepKind::kDeleteSigningCertificates, finding);
  } else if (member && id == "root-mfa") {
    member_root(StepKind::kDeleteLoginProfile, finding); // no password: nobody signs in as root to lack MFA
  } else {
    manual(finding); // root MFA, hardware MFA, standalone and management account root credentials
  }
}

// Run order within an account: root credentials first (so the refreshed report shows them gone), then
// the account's own settings in an order where each step finds what it needs (topic before alarm).
int rank(StepKind kind) {
  switch (kind) {
  case StepKind::kIamTrustedAccess:
    return 0;
  case StepKind::kRootCredentialsManagement:
    return 1;
  case StepKind::kRootSessions:
    return 2;
  case StepKind::kCreateRootDenyScp:
    return 3;
  case StepKind::kAttachRootDenyScp:
    return 4;
  case StepKind::kDeleteAccessKeys:
    return 10;
  case StepKind::kDeleteSigningCertificates:
    return 11;
  case StepKind::kDeleteLoginProfile:
    return 12;
  case StepKind::kDeactivateMfaDevices:
    return 13;
  case StepKind::kEnableDetector:
    return 20;
  case StepKind::kCreateDetector:
    return 21;
  case StepKind::kMultiRegionTrail:
    return 22;
  case StepKind::kStartLogging:
    return 23;
  case StepKind::kRootUsageFilter:
    return 24;
  case StepKind::kAlertTopic:
    return 25;
  case StepKind::kRootUsageAlarm:
    return 26;
  case StepKind::kResubscribe:
    return 27;
  case StepKind::kGuardDutyRootRule:
    return 28;
  case StepKind::kCredentialReport:
    return 29;
  }
  return 99;
}

// "root-mfa in 222222222222 (id), ..." / "222222222222 の root-mfa (id)、...": one separator per language.
std::string fixes_text(const FixStep& step, Lang lang, ValueEscape value) {
  std::vector<std::string> names;
  for (const auto& fixed : step.fixes) {
    const auto control = value(fixed.control);
    const auto account = value(fixed.account_id);
    const auto id = value(fixed.finding_id);
    names.push_back(lang == Lang::kJa ? fmt::format("{} の {} ({})", account, control, id)
                                      : fmt::format("{} in {} ({})", control, account, id));
  }
  return fmt::format("{}", fmt::join(names, lang == Lang::kJa ? "、" : ", "));
}

std::string unescaped(std::string_view text) {
  return std::string(text);
}

} // namespace

bool FixPlan::needs_alert_email() const {
  return std::any_of(steps.begin(), steps.end(), [](const FixStep& step) {
    return step.kind == StepKind::kAlertTopic || step.kind == StepKind::kResubscribe;
  });
}

FixPlan build_fix_plan(const std::vector<Finding>& findings, const FixContext& context, Lang lang) {
  FixPlan plan;
  plan.lang = lang;
  plan.partition = context.partition;
  plan.collected_at = context.collected_at;
  plan.management_account = context.management_account;
  if (const auto problem = invalid_reason(ValueKind::kPartition, plan.partition)) {
    plan.rejected.push_back(
        fmt::format("partition \"{}\" {} (from snapshot.json)", comment_safe(plan.partition), *problem));
    return plan;
  }
  plan.home_region = std::string(model::global_service_region(plan.partition));
  if (!plan.management_account.empty() && !is_valid(ValueKind::kAccountId, plan.management_account)) {
    plan.rejected.push_back(fmt::format("account id \"{}\" of the management account is not 12 digits (from "
                                        "organization/DescribeOrganization.json)",
                                        comment_safe(plan.management_account)));
    return plan;
  }
  PlanBuilder builder(plan, context, lang);
  for (const auto& finding : findings) {
    if (finding.status == Status::kFail) {
      builder.read(finding);
    }
  }
  const auto& management = plan.management_account;
  std::stable_sort(plan.steps.begin(), plan.steps.end(), [&](const FixStep& a, const FixStep& b) {
    // The management account's section first, then each account: its root session, then its role.
    const auto key = [&](const FixStep& step) {
      return std::make_tuple(step.account_id != management, step.account_id,
                             step.credentials == Credentials::kMemberRoot ? 0 : 1,
                             rank(step.kind) < 10 ? 0 : 1, step.region, rank(step.kind), step.target);
    };
    return key(a) < key(b);
  });
  return plan;
}

namespace {

// The English and the Japanese of one step side by side; t, a and r are the target, account and
// region, already escaped. Japanese puts the place first and says the state reached, as English does.
std::string what_step_does(const FixStep& step, bool ja, const std::string& t, const std::string& a,
                           const std::string& r, const std::string& metric) {
  switch (step.kind) {
  case StepKind::kCreateRootDenyScp:
    if (t.empty()) {
      return ja ? "組織にサービスコントロールポリシー (SCP) DenyRootUser がある"
                : "SCP DenyRootUser exists in the organization";
    }
    return ja ? fmt::format("組織にサービスコントロールポリシー (SCP) DenyRootUser がある (スナップショットに"
                            "あるもの: {})",
                            t)
              : fmt::format("SCP DenyRootUser exists in the organization (the snapshot has it: {})", t);
  case StepKind::kAttachRootDenyScp:
    return ja ? fmt::format("SCP DenyRootUser が {} にアタッチされている", t)
              : fmt::format("SCP DenyRootUser is attached to {}", t);
  case StepKind::kIamTrustedAccess:
    return ja ? "AWS Organizations で iam.amazonaws.com の信頼されたアクセスが有効"
              : "Organizations trusted access for iam.amazonaws.com";
  case StepKind::kRootCredentialsManagement:
    return ja ? "ルートアクセスの一元管理: RootCredentialsManagement"
              : "centralized root access: RootCredentialsManagement";
  case StepKind::kRootSessions:
    return ja ? "ルートアクセスの一元管理: RootSessions" : "centralized root access: RootSessions";
  case StepKind::kEnableDetector:
    return ja ? fmt::format("{} {} で GuardDuty ディテクター {} が有効", a, r, t)
              : fmt::format("GuardDuty detector {} enabled in {} {}", t, a, r);
  case StepKind::kCreateDetector:
    return ja ? fmt::format("{} {} で GuardDuty ディテクターが有効", a, r)
              : fmt::format("a GuardDuty detector enabled in {} {}", a, r);
  case StepKind::kMultiRegionTrail:
    return ja ? fmt::format("{} {} の証跡 {} がマルチリージョン", a, r, t)
              : fmt::format("trail {} multi-region in {} {}", t, a, r);
  case StepKind::kStartLogging:
    return ja ? fmt::format("{} {} の証跡 {} がログ記録中", a, r, t)
              : fmt::format("trail {} logging in {} {}", t, a, r);
  case StepKind::kRootUsageFilter:
    return ja ? fmt::format("{} {} のロググループ {} にメトリクスフィルター RootAccountUsage がある", a, r, t)
              : fmt::format("metric filter RootAccountUsage on log group {} in {} {}", t, a, r);
  case StepKind::kRootUsageAlarm:
    return ja ? fmt::format("{} {} で {} のアラーム RootAccountUsage が root-usage-alarm に通知する", a, r,
                            metric)
              : fmt::format("alarm RootAccountUsage on {} notifying root-usage-alarm in {} {}", metric, a, r);
  case StepKind::kAlertTopic:
    return ja ? fmt::format("{} {} に E メールのサブスクリプションがある SNS トピック root-usage-alarm", a, r)
              : fmt::format("SNS topic root-usage-alarm with an e-mail subscription in {} {}", a, r);
  case StepKind::kResubscribe:
    return ja ? fmt::format("トピック {} に確認済みサブスクリプションがある", t)
              : fmt::format("a confirmed subscription on topic {}", t);
  case StepKind::kGuardDutyRootRule:
    return ja ? fmt::format("{} {} に EventBridge ルール guardduty-root-credential-usage -> root-usage-alarm "
                            "(トピックポリシーで events.amazonaws.com を許可)",
                            a, r)
              : fmt::format("EventBridge rule guardduty-root-credential-usage -> root-usage-alarm (topic "
                            "policy allows events.amazonaws.com) in {} {}",
                            a, r);
  case StepKind::kCredentialReport:
    return ja ? fmt::format("{} の新しい認証情報レポート", a)
              : fmt::format("a fresh credential report for {}", a);
  case StepKind::kDeleteLoginProfile:
    return ja ? fmt::format("{} にルートユーザーのコンソールパスワードがない", a)
              : fmt::format("no root console password in {}", a);
  case StepKind::kDeleteAccessKeys:
    return ja ? fmt::format("{} にルートユーザーのアクセスキーがない", a)
              : fmt::format("no root access keys in {}", a);
  case StepKind::kDeleteSigningCertificates:
    return ja ? fmt::format("{} にルートユーザーの署名証明書がない", a)
              : fmt::format("no root signing certificates in {}", a);
  case StepKind::kDeactivateMfaDevices:
    return ja ? fmt::format("{} にルートユーザーの MFA デバイスが残っていない (パスワードの削除後)", a)
              : fmt::format("no root MFA devices left in {} (after its password is gone)", a);
  }
  return {};
}

} // namespace

std::string describe(const FixStep& step, Lang lang, ValueEscape value) {
  if (value == nullptr) {
    value = unescaped;
  }
  const bool ja = lang == Lang::kJa;
  const auto what = what_step_does(step, ja, value(step.target), value(step.account_id), value(step.region),
                                   value(fmt::format("{}/{}", step.metric_namespace, step.metric_name)));
  const auto fixes = fixes_text(step, lang, value);
  return ja ? fmt::format("{} [修正対象: {}]", what, fixes) : fmt::format("{} [fixes {}]", what, fixes);
}

} // namespace rg::remediate
