// A centralized root session began: sts:AssumeRoot from the management account or the delegated admin.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 1> kEventNames = {"AssumeRoot"};

constinit const RuleMetadata kMetadata{
    .id = "root-session-started",
    .kind = RuleKind::kActivity,
    .severity = Severity::kMedium,
    .title = {.en = "Centralized root session started (sts:AssumeRoot)",
              .ja = "特権ルートユーザーセッションの開始 (sts:AssumeRoot)"},
    .risk = {.en =
                 "An AssumeRoot session acts as a member account's root for the task policy named; it should "
                 "match a planned task.",
             .ja = "AssumeRoot "
                   "セッションは、指定されたタスクポリシーの範囲でメンバーアカウントのルートユーザーとして動"
                   "作します。"
                   "計画されたタスクと一致する必要があります。"},
    .explanation =
        {.en = "eventName AssumeRoot from sts.amazonaws.com; the task policy comes from "
               "requestParameters.taskPolicyArn.arn and the member from requestParameters.targetPrincipal.",
         .ja = "sts.amazonaws.com の eventName AssumeRoot です。タスクポリシーは "
               "requestParameters.taskPolicyArn.arn、対象メンバーは requestParameters.targetPrincipal から"
               "取得します。"},
    .mappings = {},
    .remediation =
        {.console =
             {.en = "Confirm the caller, the target account and the task policy were expected.",
              .ja = "呼び出し元、対象アカウント、タスクポリシーが想定どおりであることを確認してください。"},
         .cli = {},
         .terraform = {},
         .limits = {}},
};

bool match(const trail::EventView& event) {
  return event.event_source.empty() || event.event_source.starts_with("sts.");
}

} // namespace

constinit const Detection kRootSessionStarted{kMetadata, kEventNames, &match};

} // namespace rg::detections
