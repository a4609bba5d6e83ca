// What was done inside a centralized root session: root events whose session came from sts:AssumeRoot.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

namespace rg::detections {
namespace {

constinit const RuleMetadata kMetadata{
    .id = "root-session-action",
    .kind = RuleKind::kActivity,
    .severity = Severity::kMedium,
    .title = {.en = "Action in a centralized root session", .ja = "特権ルートユーザーセッション内の操作"},
    .risk = {.en =
                 "These are root actions on a member account taken from the management account; each should "
                 "belong to a planned privileged task.",
             .ja = "管理アカウントから行われたメンバーアカウントでのルートユーザーの操作です。それぞれ計画さ"
                   "れた特権タスクに"
                   "属している必要があります。"},
    .explanation =
        {.en = "userIdentity.type Root with sessionContext.assumedRoot = true (or inScopeOf.issuerType "
               "AWS::STS::AssumeRoot): CloudTrail's mark for sts:AssumeRoot credentials.",
         .ja = "userIdentity.type が Root で sessionContext.assumedRoot が true (または inScopeOf.issuerType "
               "が AWS::STS::AssumeRoot) のイベントです。CloudTrail が sts:AssumeRoot "
               "の認証情報に付ける印です。"},
    .mappings = {},
    .remediation = {.console = {.en = "Match each action to the AssumeRoot event that started the session.",
                                .ja =
                                    "各操作を、セッションを開始した AssumeRoot イベントと照合してください。"},
                    .cli = {},
                    .terraform = {},
                    .limits = {}},
};

bool match(const trail::EventView& event) {
  return is_root(event) && in_assumed_root_session(event) && event.event_type != "AwsServiceEvent";
}

} // namespace

constinit const Detection kRootSessionAction{kMetadata, {}, &match};

} // namespace rg::detections
