// root-usage-alarm (Security Hub CloudWatch.1, retired IAM.20): root activity reaches a person, link by link.
#include "controls/catalog_entries.hpp"
#include "controls/root_usage_chain.hpp"

#include <fmt/format.h>
#include <set>

namespace rg::controls {
namespace {

Finding to_finding(const Control& control, const EvaluationInput& input, ChainOutcome outcome) {
  auto finding =
      root_finding(control, input, outcome.status, std::move(outcome.reason), std::move(outcome.evidence));
  if (!outcome.resource.empty()) {
    finding.resource = outcome.resource;
    finding.region = outcome.region;
  }
  return finding;
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  if (input.account.regions_problem) {
    return {unknown_finding(control, input, *input.account.regions_problem)}; // regions/ unlistable
  }
  const auto& account = input.account;
  if (account.regions.empty()) {
    return {root_finding(
        control, input, Status::kUnknown,
        {"Cannot evaluate: no regions/<region>/ folder was collected for this account.",
         "評価できません: このアカウントの regions/<region>/ フォルダーが収集されていません。"})};
  }
  // DescribeTrails lists multi-region trails in every region: keep each trail once.
  std::vector<const model::Trail*> trails;
  std::set<std::string> seen;
  std::vector<Problem> unreadable;
  size_t collected = 0;
  size_t absent = 0;
  for (const auto& region : account.regions) {
    if (!region.trails) {
      if (region.trails.error().kind != ProblemKind::kAbsent) {
        unreadable.push_back(region.trails.error());
      } else {
        ++absent;
      }
      continue;
    }
    ++collected;
    for (const auto& trail : *region.trails) {
      if (seen.insert(trail.arn.empty() ? trail.name : trail.arn).second) {
        trails.push_back(&trail);
      }
    }
  }
  std::optional<ChainOutcome> best;
  for (const auto* trail : trails) {
    auto outcome = follow_root_usage_chain(*trail, input);
    if (outcome.status == Status::kPass) {
      return {to_finding(control, input, std::move(outcome))};
    }
    if (!best || outcome.depth > best->depth) {
      best = std::move(outcome);
    }
  }
  if (best) {
    return {to_finding(control, input, std::move(*best))};
  }
  if (!unreadable.empty()) {
    return {unknown_finding(control, input, unreadable)};
  }
  if (collected == 0) {
    return {root_finding(
        control, input, Status::kUnknown,
        {"Cannot evaluate: cloudtrail/DescribeTrails.json was not collected in any region.",
         "評価できません: どのリージョンでも cloudtrail/DescribeTrails.json が収集されていません。"})};
  }
  // A multi-region trail, the only kind the chain accepts, is listed by DescribeTrails in every region
  // (its shadow copies): one region read with none listed proves there is none, whatever the regions
  // whose answer is missing.
  const std::string missing_en =
      absent == 0 ? std::string()
                  : fmt::format(" DescribeTrails was not collected in {} other region{}; a multi-region "
                                "trail would be listed in every region, so that does not change the verdict.",
                                absent, absent == 1 ? "" : "s");
  const std::string missing_ja =
      absent == 0
          ? std::string()
          : fmt::format("他の {} リージョンでは DescribeTrails が収集されていませんが、マルチリージョン"
                        "証跡はすべてのリージョンに表示されるため、判定は変わりません。",
                        absent);
  return {root_finding(
      control, input, Status::kFail,
      {fmt::format("No CloudTrail trail exists in the {} regions collected, so root activity is not "
                   "recorded at all.{}",
                   collected, missing_en),
       fmt::format(
           "収集した {} リージョンに CloudTrail の証跡がなく、ルートユーザーの操作はまったく記録されて"
           "いません。{}",
           collected, missing_ja)},
      {{"MissingLink", "trail"}})};
}

} // namespace

constinit const Control kRootUsageAlarm{
    .rule =
        {
            .id = "root-usage-alarm",
            .kind = RuleKind::kPosture,
            .severity = Severity::kLow,
            .title = {"Root activity raises an alarm that reaches someone",
                      "ルートユーザーの使用時に担当者へ届くアラームを設定する必要があります"},
            .risk =
                {"Without the full chain (trail, log group, metric filter, alarm, confirmed subscriber), "
                 "root "
                 "can be used, by you or an attacker, and nobody hears about it until the damage shows.",
                 "証跡・ロググループ・メトリクスフィルター・アラーム・確認済みの通知先という連鎖が揃って"
                 "いないと、"
                 "ルートユーザーが (自分でも攻撃者でも) 使われても、被害が表面化するまで誰も気付きません。"},
            .explanation =
                {"Security Hub CloudWatch.1 (and IAM.20, retired in April 2024) and CIS 3.3 / 4.3 / 5.3. "
                 "Security Hub accepts only the exact CIS text and peers compare strings or regular "
                 "expressions; rootguard parses the filter pattern and judges it by meaning: reordered "
                 "clauses, spacing, unquoted values and broader patterns pass (the finding says when a "
                 "broader one also fires on other events), a pattern that misses root events fails with "
                 "an example. The alarm must go off for one root event: the datapoint (metricValue, or 1 for "
                 "SampleCount) crosses the threshold, \"M out of N\" needs only one datapoint unless missing "
                 "data is left out, and missing data is not treated as breaching (the alarm would already be "
                 "in ALARM and a root event would notify nobody). The finding names the first missing link. "
                 "Note the CIS filter's blind spot: "
                 "root's own console actions carry invokedBy = signin.amazonaws.com and do not match; "
                 "`rootguard trail` catches them.",
                 "Security Hub CloudWatch.1 (2024 年 4 月に廃止された IAM.20 も) と CIS 3.3 / 4.3 / 5.3 に"
                 "対応します。Security Hub は CIS の文字列と完全一致する場合のみ合格とし、他のスキャナーは"
                 "文字列や正規表現で比較しますが、rootguard はフィルターパターンを構文解析して意味で判定"
                 "します。条件の順序・空白・引用符の有無の違いや、より広いパターンは合格 (より広い場合は他"
                 "のイベントでも発火することを明記)"
                 "、ルートユーザーの操作を取りこぼすパターンは例を示して不合格とし"
                 "ます。アラームは 1 回のルートユーザーの操作で発火する必要があります: データポイント "
                 "(metricValue、"
                 "SampleCount なら 1) がしきい値を超えること、欠落データを除外しない限り「N 個中 M 個」の M "
                 "が 1 であること、欠落データを「しきい値超過」として扱わないこと (その場合アラームは常に "
                 "ALARM "
                 "状態で、ルートユーザーの操作があっても誰にも通知されません)"
                 "。結果には最初に欠けている環を示し"
                 "ます。なお CIS フィルターには死角があり、ルートユーザー"
                 "自身のコンソール操作は invokedBy = signin.amazonaws.com を持つため一致しません。"
                 "`rootguard trail` はこれも検出します。"},
            .mappings =
                {.security_hub = "CloudWatch.1",
                 .security_hub_retired = "IAM.20",
                 .cis = {.v1_2 = "3.3", .v1_4_to_v4_0 = "4.3", .v5_0 = "4.3", .v6_0 = "5.3", .v7_0 = "5.3"}},
            .remediation =
                {.console =
                     {"1. CloudTrail: make sure a multi-region trail is logging and sends events to a "
                      "CloudWatch Logs log group (Trails > your trail > CloudWatch Logs > Edit).\n"
                      "2. CloudWatch > Log groups > that group > Metric filters > Create metric filter, with "
                      "the pattern { $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS "
                      "&& $.eventType != \"AwsServiceEvent\" }, metric namespace CISBenchmark, metric name "
                      "RootAccountUsage, value 1.\n"
                      "3. Create an alarm on that metric: statistic Sum, period 5 minutes, threshold >= 1, "
                      "action: notify an SNS topic.\n"
                      "4. SNS > Topics > the topic > Create subscription (e-mail, chat or pager) and confirm "
                      "it.",
                      "1. CloudTrail: マルチリージョンの証跡がログ記録中で、CloudWatch Logs のロググループへ"
                      "イベントを送っていることを確認します (証跡 > 対象の証跡 > CloudWatch Logs > 編集)。\n"
                      "2. CloudWatch > ロググループ > 対象のグループ > メトリクスフィルター > メトリクス"
                      "フィルターを作成 で、パターン { $.userIdentity.type = \"Root\" && "
                      "$.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }、"
                      "名前空間 CISBenchmark、メトリクス名 RootAccountUsage、値 1 を設定します。\n"
                      "3. そのメトリクスにアラームを作成します: 統計 合計、期間 5 分、しきい値 >= 1、"
                      "アクション: SNS トピックに通知。\n"
                      "4. SNS > トピック > 対象のトピック > サブスクリプションの作成 (メール、チャット、"
                      "ページャー) を行い、確認 (承認) します。"},
                 .cli = "# UPPER_CASE words are placeholders (`rootguard fix` fills them in from the "
                        "snapshot).\n"
                        "aws logs put-metric-filter --log-group-name \"CLOUDTRAIL_LOG_GROUP_NAME\" \\\n"
                        "  --filter-name RootAccountUsage --filter-pattern \\\n"
                        "  '{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                        "$.eventType != \"AwsServiceEvent\" }' \\\n"
                        "  --metric-transformations "
                        "metricName=RootAccountUsage,metricNamespace=CISBenchmark,metricValue=1\n"
                        "aws sns create-topic --name root-usage-alarm\n"
                        "aws sns subscribe --topic-arn "
                        "\"arn:${PARTITION}:sns:${REGION}:${ACCOUNT_ID}:root-usage-alarm\" \\\n"
                        "  --protocol email --notification-endpoint ALERT_EMAIL  # placeholder: who gets the "
                        "alert\n"
                        "aws cloudwatch put-metric-alarm --alarm-name RootAccountUsage \\\n"
                        "  --metric-name RootAccountUsage --namespace CISBenchmark --statistic Sum \\\n"
                        "  --period 300 --evaluation-periods 1 --threshold 1 \\\n"
                        "  --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data "
                        "notBreaching \\\n"
                        "  --alarm-actions \"arn:${PARTITION}:sns:${REGION}:${ACCOUNT_ID}:root-usage-alarm\"",
                 .terraform =
                     "variable \"cloudtrail_log_group_name\" { type = string }\n"
                     "variable \"alert_email\" { type = string }\n\n"
                     "resource \"aws_cloudwatch_log_metric_filter\" \"root_usage\" {\n"
                     "  name           = \"RootAccountUsage\"\n"
                     "  log_group_name = var.cloudtrail_log_group_name\n"
                     "  pattern        = \"{ $.userIdentity.type = \\\"Root\\\" && "
                     "$.userIdentity.invokedBy NOT EXISTS && $.eventType != \\\"AwsServiceEvent\\\" }\"\n"
                     "  metric_transformation {\n"
                     "    name      = \"RootAccountUsage\"\n"
                     "    namespace = \"CISBenchmark\"\n"
                     "    value     = \"1\"\n"
                     "  }\n"
                     "}\n\n"
                     "resource \"aws_sns_topic\" \"root_usage\" {\n"
                     "  name = \"root-usage-alarm\"\n"
                     "}\n\n"
                     "resource \"aws_sns_topic_subscription\" \"root_usage\" {\n"
                     "  topic_arn = aws_sns_topic.root_usage.arn\n"
                     "  protocol  = \"email\"\n"
                     "  endpoint  = var.alert_email # must be confirmed by its recipient\n"
                     "}\n\n"
                     "resource \"aws_cloudwatch_metric_alarm\" \"root_usage\" {\n"
                     "  alarm_name          = \"RootAccountUsage\"\n"
                     "  metric_name         = "
                     "aws_cloudwatch_log_metric_filter.root_usage.metric_transformation[0].name\n"
                     "  namespace           = \"CISBenchmark\"\n"
                     "  statistic           = \"Sum\"\n"
                     "  period              = 300\n"
                     "  evaluation_periods  = 1\n"
                     "  threshold           = 1\n"
                     "  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n"
                     "  treat_missing_data  = \"notBreaching\"\n"
                     "  alarm_actions       = [aws_sns_topic.root_usage.arn]\n"
                     "}\n",
                 .limits = {"An e-mail subscription only counts once its recipient confirms it.",
                            "メールのサブスクリプションは受信者が確認 (承認) して初めて有効になります。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
