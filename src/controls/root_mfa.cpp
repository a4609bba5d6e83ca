// root-mfa (Security Hub IAM.9): MFA is enabled on the root user, or root has no credentials at all.
#include "controls/catalog_entries.hpp"
#include "controls/partition_differences.hpp"
#include "controls/root_credentials.hpp"
#include "controls/root_session_cli.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

std::vector<Finding> decide(const Control& control, const EvaluationInput& input,
                            const RootCredentials& creds) {
  if (creds.mfa.presence == Presence::kPresent) {
    return {root_finding(control, input, Status::kPass,
                         {fmt::format("MFA is enabled on root ({}).", creds.mfa.seen),
                          fmt::format("ルートユーザーで MFA が有効です ({})。", creds.mfa.seen)},
                         creds.evidence)};
  }
  if (creds.has_no_credentials()) {
    return {root_finding(control, input, Status::kPass,
                         no_credentials_reason(creds, "there is nothing to protect with MFA",
                                               "MFA で保護すべき認証情報がありません"),
                         creds.evidence)};
  }
  if (creds.mfa.presence == Presence::kUnknown) {
    return {mfa_unknown_finding(control, input, creds)};
  }
  const auto present = creds.present_list();
  if (present.en.empty() && !input.account.account_summary && creds.password.presence == Presence::kUnknown) {
    // Only the credential report: root's password_enabled is always not_supported there, so the CIS audit
    // procedure ("mfa_active is false" -> fail) is all the report can support. Say why, and what would settle
    // it.
    return {root_finding(
        control, input, Status::kFail,
        {fmt::format("MFA is not enabled on root ({}). The credential report cannot say whether root has a "
                     "password (password_enabled is always not_supported for root), so this fails as the CIS "
                     "audit procedure does; collect iam/GetAccountSummary.json to know "
                     "(AccountPasswordPresent).",
                     creds.mfa.seen),
         fmt::format(
             "ルートユーザーで MFA が無効です "
             "({})。認証情報レポートではルートユーザーのパスワードの有無がわかりません "
             "(ルートユーザーの password_enabled は常に not_supported) ので、CIS の監査手順どおり FAIL と"
             "します。判定を確かにするには iam/GetAccountSummary.json (AccountPasswordPresent) を"
             "収集してください。",
             creds.mfa.seen)},
        creds.evidence)};
  }
  if (present.en.empty()) {
    // MFA is off and no credential is known to exist, but not all are known to be absent.
    return {root_finding(
        control, input, Status::kUnknown,
        {fmt::format("MFA is not enabled on root ({}), and whether root still has credentials "
                     "cannot be told from the data collected.",
                     creds.mfa.seen),
         fmt::format(
             "ルートユーザーで MFA が無効です ({})。ルートユーザーに認証情報が残っているかは収集データから"
             "判定できません。",
             creds.mfa.seen)},
        creds.evidence)};
  }
  return {root_finding(
      control, input, Status::kFail,
      {fmt::format("MFA is not enabled on root ({}) and root still has {}.", creds.mfa.seen, present.en),
       fmt::format("ルートユーザーで MFA が無効です ({})。ルートユーザーには{}が残っています。",
                   creds.mfa.seen, ja_embed(present.ja))},
      creds.evidence)};
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  if (auto reason = root_mfa_not_applicable(input)) {
    return {not_applicable_finding(control, input, std::move(*reason))};
  }
  const auto creds = read_root_credentials(input);
  return with_report_note(creds, decide(control, input, creds));
}

constexpr std::string_view kRootMfaRootSessionBody =
    "  # No password, no console sign-in to lack MFA. No --user-name: the root user itself.\n"
    "  aws iam delete-login-profile\n";

} // namespace

constinit const Control kRootMfa{
    .rule =
        {
            .id = "root-mfa",
            .kind = RuleKind::kPosture,
            .severity = Severity::kCritical,
            .title = {"Root user has MFA enabled", "ルートユーザーに対して MFA を有効にする必要があります"},
            .risk = {"Without MFA, a phished or reused root password is enough to take over the account, "
                     "including closing it, changing its contact details and removing every guard rail.",
                     "MFA "
                     "がないと、フィッシングや使い回しで漏れたルートユーザーのパスワードだけでアカウントを乗"
                     "っ取られ、"
                     "連絡先の変更やアカウントの閉鎖、あらゆる防御策の解除まで可能になります。"},
            .explanation =
                {"Follows Security Hub IAM.9: PASS when AccountMFAEnabled = 1, and also when root has "
                 "no password, access keys or signing certificates at all (Security Hub and CIS v5+ "
                 "treat such a root as protected; peers that fail it are a known complaint). NOT_APPLICABLE "
                 "in AWS GovCloud (US), where AWS does not let an MFA device be enabled for the root user.",
                 "Security Hub IAM.9 に従い、AccountMFAEnabled = 1 "
                 "の場合に加えて、ルートユーザーにパスワード・"
                 "アクセスキー・署名証明書が一切ない場合も PASS とします (Security Hub と CIS v5 以降の"
                 "扱い。これを FAIL にするスキャナーは既知の不満点です)。AWS GovCloud (US) "
                 "ではルートユーザーに "
                 "MFA デバイスを有効にできないため NOT_APPLICABLE です。"},
            .mappings =
                {.security_hub = "IAM.9",
                 .cis = {.v1_2 = "1.13", .v1_4_to_v4_0 = "1.5", .v5_0 = "1.4", .v6_0 = "2.4", .v7_0 = "2.5"}},
            .remediation =
                {.console =
                     {"1. Sign in to the AWS Management Console as the root user.\n"
                      "2. Open the account menu > Security credentials.\n"
                      "3. Under Multi-factor authentication (MFA), choose Assign MFA device.\n"
                      "4. Prefer a FIDO2 security key or hardware TOTP token (see root-hardware-mfa); "
                      "register a second device as a backup.\n"
                      "5. Member accounts: instead remove root's credentials with centralized root "
                      "access management (root-credentials-removed), which makes MFA unnecessary.",
                      "1. ルートユーザーとして AWS マネジメントコンソールにサインインします。\n"
                      "2. アカウントメニュー > [セキュリティ認証情報] を開きます。\n"
                      "3. [多要素認証 (MFA)] で [MFA デバイスの割り当て] を選びます。\n"
                      "4. FIDO2 セキュリティキーまたはハードウェア TOTP トークンを推奨します "
                      "(root-hardware-mfa を参照)。予備として 2 台目も登録します。\n"
                      "5. "
                      "メンバーアカウントでは、ルートアクセスの一元管理でルートユーザーの認証情報を削除する"
                      "方法もあり (root-credentials-removed)、その場合 MFA は不要です。"},
                 .cli = kRootSessionCli<kRootMfaRootSessionBody>,
                 .terraform = "",
                 .limits = {"No API or Terraform resource can enable MFA on the root user; it takes a root "
                            "console sign-in.",
                            "ルートユーザーの MFA を有効にする API や Terraform "
                            "リソースはありません。ルートユーザーでの"
                            "コンソールサインインが必要です。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
