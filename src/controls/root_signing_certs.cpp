// root-signing-certs: the root user has no active X.509 signing certificate.
#include "controls/catalog_entries.hpp"
#include "controls/root_credentials.hpp"
#include "controls/root_session_cli.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

std::vector<Finding> decide(const Control& control, const EvaluationInput& input,
                            const RootCredentials& creds) {
  const auto& active = creds.active_certificates;
  if (active.presence == Presence::kPresent) {
    return {root_finding(control, input, Status::kFail,
                         {fmt::format("Root has an active signing certificate ({}).", active.seen),
                          fmt::format("ルートユーザーに有効な署名証明書があります ({})。", active.seen)},
                         creds.evidence)};
  }
  if (active.presence == Presence::kAbsent) {
    const bool inactive = creds.certificates.presence == Presence::kPresent;
    return {root_finding(control, input, Status::kPass,
                         {fmt::format("Root has no active signing certificate ({}){}.", active.seen,
                                      inactive ? "; an inactive one remains and can be deleted" : ""),
                          fmt::format("ルートユーザーに有効な署名証明書はありません ({}){}。", active.seen,
                                      inactive ? "。無効な証明書が残っているため削除できます" : "")},
                         creds.evidence)};
  }
  const auto row = root_report_row(input.account);
  if (!row) {
    return {unknown_finding(control, input, row.error())};
  }
  return {root_finding(
      control, input, Status::kUnknown,
      {"Cannot tell whether root's signing certificates are active: cert_1_active and "
       "cert_2_active were not readable.",
       "ルートユーザーの署名証明書が有効か判定できません: cert_1_active と cert_2_active を読み取れません"
       "でした。"},
      creds.evidence)};
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  const auto creds = read_root_credentials(input);
  return with_report_note(creds, decide(control, input, creds));
}

constexpr std::string_view kRootSigningCertsRootSessionBody =
    "  for id in $(aws iam list-signing-certificates --query 'Certificates[].CertificateId' --output text); "
    "do\n"
    "    aws iam delete-signing-certificate --certificate-id \"$id\"\n"
    "  done\n";

} // namespace

constinit const Control kRootSigningCerts{
    .rule =
        {
            .id = "root-signing-certs",
            .kind = RuleKind::kPosture,
            .severity = Severity::kMedium,
            .title = {"Root user has no active signing certificate",
                      "ルートユーザーに有効な署名証明書が存在してはいけません"},
            .risk = {"An X.509 signing certificate is a long-lived root credential for legacy SOAP and CLI "
                     "tools; it bypasses MFA and is easily forgotten in an old keystore.",
                     "X.509 署名証明書は旧来の SOAP や CLI "
                     "ツール向けの長期的なルートユーザーの認証情報で、MFA を経由せず、"
                     "古いキーストアに放置されがちです。"},
            .explanation =
                {"Reads cert_1_active and cert_2_active from the credential report; Security Hub has no "
                 "control for this, CloudSploit and ScoutSuite check it.",
                 "認証情報レポートの cert_1_active と cert_2_active を確認します。Security Hub には対応"
                 "するコントロールがなく、CloudSploit と ScoutSuite が確認しています。"},
            .mappings = {},
            .remediation =
                {.console = {"1. Sign in to the AWS Management Console as the root user.\n"
                             "2. Open the account menu > Security credentials.\n"
                             "3. Under X.509 certificate, deactivate and delete every certificate.",
                             "1. ルートユーザーとして AWS マネジメントコンソールにサインインします。\n"
                             "2. アカウントメニュー > [セキュリティ認証情報] を開きます。\n"
                             "3. [X.509 証明書] で各証明書を無効化してから削除します。"},
                 .cli = kRootSessionCli<kRootSigningCertsRootSessionBody>,
                 .terraform = "",
                 .limits = {"A standalone account's root certificates can only be removed with root's own "
                            "credentials.",
                            "スタンドアロンアカウントのルートユーザーの証明書は、ルートユーザー自身の認証情報"
                            "でのみ削除できま"
                            "す。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
