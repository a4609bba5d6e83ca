// Root activity exactly as the CIS / CloudWatch.1 metric filter defines it: what the recommended alarm fires
// on.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

namespace rg::detections {
namespace {

constinit const RuleMetadata kMetadata{
    .id = "root-activity-cis",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "Root user activity (CIS root-usage filter)",
              .ja = "ルートユーザーの操作 (CIS ルートユーザー使用フィルター)"},
    .risk =
        {.en = "The root user can do anything in the account and cannot be restricted by IAM policies; every "
               "use should be planned, rare and explained.",
         .ja = "ルートユーザーはアカウント内のあらゆる操作が可能で、IAM ポリシーでは制限できません。"
               "使用は計画的かつまれであり、理由を説明できる必要があります。"},
    .explanation =
        {.en = "Matches the CIS / Security Hub CloudWatch.1 filter term for term: userIdentity.type = "
               "Root, userIdentity.invokedBy absent, eventType not AwsServiceEvent. These are the events "
               "the recommended alarm would have fired on.",
         .ja = "CIS / Security Hub CloudWatch.1 のフィルターと同じ条件 (userIdentity.type が Root、"
               "userIdentity.invokedBy が存在しない、eventType が AwsServiceEvent ではない) で判定します。"
               "推奨アラームが発報したはずのイベントです。"},
    .mappings = {.security_hub = "CloudWatch.1",
                 .security_hub_retired = "IAM.20",
                 .cis = {.v1_2 = "3.3", .v1_4_to_v4_0 = "4.3", .v5_0 = "4.3", .v6_0 = "5.3", .v7_0 = "5.3"},
                 .guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
    .remediation =
        {.console =
             {.en = "Confirm who used the root user and why. If it was not planned, change the "
                    "root password, remove root access keys and review the account's activity.",
              .ja =
                  "誰がなぜルートユーザーを使用したかを確認してください。計画外であれば、ルートユーザーの"
                  "パスワードを変更し、ルートユーザーのアクセスキーを削除し、アカウントの操作を確認します。"},
         .cli = {},
         .terraform = {},
         .limits = {}},
};

bool match(const trail::EventView& event) {
  return matches_cis_root_filter(event);
}

} // namespace

constinit const Detection kRootActivityCis{kMetadata, {}, &match};

} // namespace rg::detections
