// root-access-keys (Security Hub IAM.4): the root user has no access keys, active or inactive.
#include "controls/catalog_entries.hpp"
#include "controls/root_credentials.hpp"
#include "controls/root_session_cli.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

std::vector<Finding> decide(const Control& control, const EvaluationInput& input,
                            const RootCredentials& creds) {
  const auto& keys = creds.access_keys;
  if (keys.presence == Presence::kUnknown) {
    const auto row = root_report_row(input.account);
    if (!input.account.account_summary && !row) {
      return {unknown_finding(control, input, {input.account.account_summary.error(), row.error()})};
    }
    return {root_finding(
        control, input, Status::kUnknown,
        {"Cannot tell whether root has access keys: neither AccountAccessKeysPresent nor the "
         "credential report's access_key_N_active columns were readable.",
         "ルートユーザーのアクセスキーの有無を判定できません: AccountAccessKeysPresent も認証情報レポートの "
         "access_key_N_active も読み取れませんでした。"},
        creds.evidence)};
  }
  if (keys.presence == Presence::kAbsent) {
    return {root_finding(control, input, Status::kPass,
                         {fmt::format("Root has no access keys ({}).", keys.seen),
                          fmt::format("ルートユーザーにアクセスキーはありません ({})。", keys.seen)},
                         creds.evidence)};
  }
  const bool active = creds.active_access_keys.presence == Presence::kPresent;
  const bool inactive_only = creds.active_access_keys.presence == Presence::kAbsent;
  LocalizedString reason;
  if (active) {
    reason = {
        fmt::format("Root has an active access key ({}).", creds.active_access_keys.seen),
        fmt::format("ルートユーザーに有効なアクセスキーがあります ({})。", creds.active_access_keys.seen)};
  } else if (inactive_only) {
    reason = {
        fmt::format("Root has an inactive access key ({}, {}); delete it: anyone who signs in as root can "
                    "reactivate it.",
                    keys.seen, creds.active_access_keys.seen),
        fmt::format("ルートユーザーに無効化されたアクセスキーがあります "
                    "({}、{})。ルートユーザーでサインインすれば再有効化"
                    "できるため削除してください。",
                    keys.seen, creds.active_access_keys.seen)};
  } else {
    reason = {fmt::format("Root has access keys ({}).", keys.seen),
              fmt::format("ルートユーザーにアクセスキーがあります ({})。", keys.seen)};
  }
  return {root_finding(control, input, Status::kFail, std::move(reason), creds.evidence)};
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  const auto creds = read_root_credentials(input);
  return with_report_note(creds, decide(control, input, creds));
}

constexpr std::string_view kRootAccessKeysRootSessionBody =
    "  # No --user-name: in the root session that is the root user itself.\n"
    "  for key in $(aws iam list-access-keys --query 'AccessKeyMetadata[].AccessKeyId' --output text); do\n"
    "    aws iam delete-access-key --access-key-id \"$key\"\n"
    "  done\n";

} // namespace

constinit const Control kRootAccessKeys{
    .rule =
        {
            .id = "root-access-keys",
            .kind = RuleKind::kPosture,
            .severity = Severity::kCritical,
            .title = {"Root user has no access keys", "ルートユーザーのアクセスキーが存在してはいけません"},
            .risk = {"A root access key signs API calls with unrestricted power over every resource and the "
                     "bill, needs no MFA, and is not limited by any IAM policy. A leaked key is the shortest "
                     "path to losing the account.",
                     "ルートユーザーのアクセスキーは全リソースと請求情報に対する無制限の API 操作を MFA "
                     "なしで可能にし、IAM "
                     "ポリシーでも制限できません。漏えいすればアカウントを失う最短経路になります。"},
            .explanation =
                {"Follows Security Hub IAM.4 (AccountAccessKeysPresent) and the CIS item \"ensure no "
                 "root user access key exists\": an inactive key also fails, because whoever signs "
                 "in as root can reactivate it.",
                 "Security Hub IAM.4 (AccountAccessKeysPresent) と CIS の「ルートユーザーのアクセス"
                 "キーが存在しないこと」に従います。ルートユーザーでサインインすれば再有効化できるため、無効"
                 "化"
                 "されたキーも FAIL とします。"},
            .mappings =
                {.security_hub = "IAM.4",
                 .cis = {.v1_2 = "1.12", .v1_4_to_v4_0 = "1.4", .v5_0 = "1.3", .v6_0 = "2.3", .v7_0 = "2.4"}},
            .remediation =
                {.console =
                     {"1. Sign in to the AWS Management Console as the root user (member accounts with "
                      "centralized root access: from the management account open IAM > Root access "
                      "management, select the account and choose Take privileged action > Delete root "
                      "user credentials).\n"
                      "2. Open the account menu > Security credentials.\n"
                      "3. Under Access keys, choose Actions > Deactivate, then Delete, for every key.\n"
                      "4. Move any automation that used the key to an IAM role.",
                      "1. ルートユーザーとして AWS マネジメントコンソールにサインインします (ルートアクセスの"
                      "一元管理を使うメンバーアカウントでは、管理アカウントの IAM > [ルートアクセス"
                      "管理] で対象アカウントを選び、[特権アクションを実行] > [ルートユーザー認証情報を削除] "
                      "を選びます)。\n"
                      "2. アカウントメニュー > [セキュリティ認証情報] を開きます。\n"
                      "3. [アクセスキー] で各キーを [アクション] > [無効化]、続けて [削除] します。\n"
                      "4. キーを使っていた自動化は IAM ロールへ移行します。"},
                 .cli = kRootSessionCli<kRootAccessKeysRootSessionBody>,
                 .terraform = "",
                 .limits = {"No API deletes a standalone account's root access key without root's own "
                            "credentials; member accounts can use sts:AssumeRoot with the "
                            "IAMDeleteRootUserCredentials task policy. Terraform cannot express this.",
                            "スタンドアロンアカウントのルートユーザーのアクセスキーは、ルートユーザー自身の認"
                            "証情報なしに "
                            "API で削除"
                            "できません。メンバーアカウントは IAMDeleteRootUserCredentials タスクポリシーで "
                            "sts:AssumeRoot を使えます。Terraform では表現できません。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
