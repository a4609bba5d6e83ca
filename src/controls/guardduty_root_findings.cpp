// guardduty-root-findings: GuardDuty's own reports of root credential use, imported as rootguard findings.
#include "controls/catalog_entries.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

constexpr std::string_view kRootType = "Policy:IAMUser/RootCredentialUsage";

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  if (input.account.regions_problem) {
    return {unknown_finding(control, input, *input.account.regions_problem)}; // regions/ unlistable
  }
  std::vector<Finding> findings;
  for (const auto& region : input.account.regions) {
    auto make = [&](Status status, LocalizedString reason, std::string resource) {
      auto finding = root_finding(control, input, status, std::move(reason));
      finding.region = region.name;
      if (!resource.empty()) {
        finding.resource = std::move(resource);
      }
      return finding;
    };
    if (!region.guardduty_findings) {
      // Not collected is normal when GuardDuty is off; guardduty-enabled reports that.
      if (region.guardduty_findings.error().kind != ProblemKind::kAbsent) {
        const auto& problem = region.guardduty_findings.error();
        findings.push_back(
            make(Status::kUnknown,
                 {fmt::format("Cannot evaluate {}: {}", region.name, problem.describe()),
                  fmt::format("{} を評価できません: {}", region.name, describe(problem, Lang::kJa))},
                 ""));
      }
      continue;
    }
    size_t root_findings = 0;
    for (const auto& item : *region.guardduty_findings) {
      if (item.type != kRootType && item.user_type != "Root") {
        continue;
      }
      ++root_findings;
      auto finding = make(
          Status::kFail,
          {fmt::format("GuardDuty {} ({}, GuardDuty severity {:.1f}): root used {} time(s) between {} and "
                       "{}; last API "
                       "{} from {}.",
                       item.type, item.id, item.severity, item.count, item.first_seen, item.last_seen,
                       item.api.empty() ? "unknown" : item.api,
                       item.remote_ip.empty() ? "unknown IP" : item.remote_ip),
           fmt::format("GuardDuty {} ({}、GuardDuty 重要度 {:.1f}): {} から {} の間にルートユーザーが {} "
                       "回使用されました。"
                       "最後の API は {}、送信元は {} です。",
                       item.type, item.id, item.severity, item.first_seen, item.last_seen, item.count,
                       item.api.empty() ? "不明" : item.api,
                       item.remote_ip.empty() ? "不明な IP" : item.remote_ip)},
          item.arn);
      finding.evidence = {{"Type", item.type},
                          {"Count", std::to_string(item.count)},
                          {"EventFirstSeen", item.first_seen},
                          {"EventLastSeen", item.last_seen},
                          {"Api", item.api},
                          {"IpAddressV4", item.remote_ip}};
      findings.push_back(std::move(finding));
    }
    if (root_findings == 0) {
      findings.push_back(make(
          Status::kPass,
          {fmt::format("GuardDuty reported no root credential use in {} ({} findings read).", region.name,
                       region.guardduty_findings->size()),
           fmt::format("{} で GuardDuty はルートユーザーの認証情報の使用を報告していません ({} 件を確認)。",
                       region.name, region.guardduty_findings->size())},
          ""));
    }
  }
  return findings;
}

} // namespace

constinit const Control kGuardDutyRootFindings{
    .rule =
        {
            .id = "guardduty-root-findings",
            .kind = RuleKind::kActivity,
            .severity = Severity::kHigh,
            .title = {"GuardDuty reports no root credential use",
                      "GuardDuty がルートユーザーの認証情報の使用を報告してはいけません"},
            .risk =
                {"GuardDuty saw API calls made with root credentials. Unless someone expected them, treat "
                 "them as a compromised root user.",
                 "GuardDuty がルートユーザーの認証情報による API "
                 "呼び出しを検出しました。想定された作業でなければ、ルート"
                 "ユーザーが侵害されたものとして扱ってください。"},
            .explanation =
                {"Imports GuardDuty findings of type Policy:IAMUser/RootCredentialUsage (the real name; "
                 "some guides say UnauthorizedAccess:RootCredentialUsage, which does not exist) and any "
                 "other finding whose Resource.AccessKeyDetails.UserType is Root. GuardDuty rates this "
                 "type Low (2.0), so alert routing by severity drops it: route by type instead.",
                 "種類 Policy:IAMUser/RootCredentialUsage (正しい名前です。一部の記事にある "
                 "UnauthorizedAccess:RootCredentialUsage は存在しません) の GuardDuty の検出結果と、"
                 "Resource.AccessKeyDetails.UserType が Root のその他の検出結果を取り込みます。GuardDuty "
                 "はこの種類を重要度 Low (2.0) とするため、重要度で通知を振り分けると落ちます。種類で"
                 "振り分けてください。"},
            .mappings = {.guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
            .remediation =
                {.console =
                     {"1. Open the finding in GuardDuty and find the caller's IP, user agent and API calls.\n"
                      "2. If the use was not planned: change the root password, check root's MFA devices "
                      "and access keys, and review CloudTrail around the time (rootguard trail).\n"
                      "3. Route this finding type to people: EventBridge rule on source aws.guardduty with "
                      "detail.type Policy:IAMUser/RootCredentialUsage, target an SNS topic.",
                      "1. GuardDuty で検出結果を開き、呼び出し元の IP、ユーザーエージェント、API "
                      "を確認します。\n"
                      "2. 予定外の使用であれば、ルートユーザーのパスワードを変更し、MFA "
                      "デバイスとアクセスキーを確認"
                      "して、その時間帯の CloudTrail を調べます (rootguard trail)。\n"
                      "3. この種類を担当者へ通知します: source が aws.guardduty で detail.type が "
                      "Policy:IAMUser/RootCredentialUsage の EventBridge ルールを作り、SNS トピックを"
                      "ターゲットにします。"},
                 .cli = "aws events put-rule --name guardduty-root-credential-usage --event-pattern \\\n"
                        "  '{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"],"
                        "\"detail\":{\"type\":[\"Policy:IAMUser/RootCredentialUsage\"]}}'\n"
                        "aws events put-targets --rule guardduty-root-credential-usage \\\n"
                        "  --targets "
                        "\"Id=notify,Arn=arn:${PARTITION}:sns:${REGION}:${ACCOUNT_ID}:root-usage-alarm\"",
                 .terraform = "# the SNS topic people subscribe to (the root-usage-alarm fix creates one "
                              "named root-usage-alarm)\n"
                              "variable \"alert_topic_arn\" { type = string }\n\n"
                              "resource \"aws_cloudwatch_event_rule\" \"guardduty_root\" {\n"
                              "  name = \"guardduty-root-credential-usage\"\n"
                              "  event_pattern = jsonencode({\n"
                              "    source        = [\"aws.guardduty\"]\n"
                              "    \"detail-type\" = [\"GuardDuty Finding\"]\n"
                              "    detail        = { type = [\"Policy:IAMUser/RootCredentialUsage\"] }\n"
                              "  })\n"
                              "}\n\n"
                              "resource \"aws_cloudwatch_event_target\" \"guardduty_root\" {\n"
                              "  rule = aws_cloudwatch_event_rule.guardduty_root.name\n"
                              "  arn  = var.alert_topic_arn\n"
                              "}\n",
                 .limits = {}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
