// Root's own console actions: invokedBy = signin.amazonaws.com, so the CIS filter (invokedBy NOT EXISTS)
// drops them.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

namespace rg::detections {
namespace {

constinit const RuleMetadata kMetadata{
    .id = "root-console-action-cis-blind-spot",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "Root user console action the CIS alarm does not see",
              .ja = "CIS アラームが検知しないルートユーザーのコンソール操作"},
    .risk =
        {.en = "Actions root takes in the console (creating access keys, changing settings) are logged with "
               "invokedBy signin.amazonaws.com; the CIS root-usage alarm ignores them, so nobody is alerted.",
         .ja = "ルートユーザーがコンソールで行う操作 (アクセスキーの作成、設定変更など) は invokedBy が "
               "signin.amazonaws.com として記録され、CIS "
               "のルートユーザー使用アラームは無視するため、誰にも通知されません。"},
    .explanation =
        {.en = "The CIS filter requires userIdentity.invokedBy to be absent. Console actions carry "
               "invokedBy = signin.amazonaws.com, so the CIS alarm would not have fired for this event. "
               "Actions AWS services perform on root's behalf (another invokedBy, or AwsServiceEvent) "
               "are not reported.",
         .ja = "CIS フィルターは userIdentity.invokedBy が存在しないことを条件にしています。コンソール操作は "
               "invokedBy = signin.amazonaws.com を持つため、このイベントで CIS アラームは発報しません。"
               "AWS サービスがルートユーザーに代わって行った操作 (他の invokedBy や AwsServiceEvent) "
               "は報告しません。"},
    .mappings = {.security_hub = {},
                 .security_hub_retired = {},
                 .cis = {},
                 .guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
    .remediation =
        {.console = {.en = "Review what root changed in the console. Consider a metric filter without "
                           "the invokedBy NOT EXISTS term, or an EventBridge rule on root activity.",
                     .ja = "ルートユーザーがコンソールで何を変更したかを確認してください。invokedBy NOT "
                           "EXISTS の条件を"
                           "含まないメトリクスフィルター、またはルートユーザーの操作の EventBridge "
                           "ルールを検討してください。"},
         .cli = {},
         .terraform = {},
         .limits = {}},
};

bool match(const trail::EventView& event) {
  return is_root_console_action(event);
}

} // namespace

constinit const Detection kRootConsoleActionCisBlindSpot{kMetadata, {}, &match};

} // namespace rg::detections
