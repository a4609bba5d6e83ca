// Root created an access key: long-lived credentials that can do anything.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 1> kEventNames = {"CreateAccessKey"};

constinit const RuleMetadata kMetadata{
    .id = "root-access-key-created",
    .kind = RuleKind::kActivity,
    .severity = Severity::kCritical,
    .title = {.en = "Root user created an access key", .ja = "ルートユーザーがアクセスキーを作成"},
    .risk =
        {.en = "A root access key is a permanent, unrestricted credential; if it leaks, the account is lost.",
         .ja = "ルートユーザーのアクセスキーは無期限かつ無制限の認証情報であり、漏えいするとアカウントを失い"
               "ます。"},
    .explanation =
        {.en = "CreateAccessKey by root itself, from the API or the console (the console case carries "
               "invokedBy signin.amazonaws.com and is missed by the CIS alarm).",
         .ja = "ルートユーザー自身による CreateAccessKey (API またはコンソール) です。コンソールからの場合は "
               "invokedBy が "
               "signin.amazonaws.com となり、CIS アラームでは検知されません。"},
    .mappings = {.security_hub = "IAM.4",
                 .security_hub_retired = {},
                 .cis = {.v1_2 = "1.12", .v1_4_to_v4_0 = "1.4", .v5_0 = "1.3", .v6_0 = "2.3", .v7_0 = "2.4"},
                 .guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
    .remediation =
        {.console = {.en = "Delete the root access key (Security credentials > Access keys) unless "
                           "there is a documented need; use IAM roles instead.",
                     .ja = "文書化された必要性がない限り、ルートユーザーのアクセスキーを削除してください "
                           "(セキュリティ認証情報 > アクセスキー)。代わりに IAM ロールを使用します。"},
         .cli = {},
         .terraform = {},
         .limits =
             {.en = "Deleting root keys needs root sign-in, or sts:AssumeRoot with "
                    "IAMDeleteRootUserCredentials for member accounts.",
              .ja = "ルートユーザーのキー削除にはルートユーザーでのサインイン、またはメンバーアカウントでは "
                    "IAMDeleteRootUserCredentials を指定した sts:AssumeRoot が必要です。"}},
};

bool match(const trail::EventView& event) {
  return is_root_originated(event) && succeeded(event);
}

} // namespace

constinit const Detection kRootAccessKeyCreated{kMetadata, kEventNames, &match};

} // namespace rg::detections
