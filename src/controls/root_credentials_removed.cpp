// root-credentials-removed: where the organization centrally manages root credentials, member accounts'
// root users hold none (enabling the feature does not delete existing ones).
#include "controls/catalog_entries.hpp"
#include "controls/root_credentials.hpp"
#include "controls/root_session_cli.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

constexpr std::string_view kFeature = "RootCredentialsManagement";

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  const auto& snapshot = input.snapshot;
  if (!snapshot.organization) {
    return {}; // membership unknown: not applicable rather than a guess (org-root-access-management covers
               // it)
  }
  const auto& organization = *snapshot.organization;
  if (!organization.is_member(input.account.id)) {
    return {}; // the management account and accounts outside the organization are out of scope
  }
  const auto* management = snapshot.find_account(organization.management_account_id);
  if (management == nullptr || !management->organizations_features) {
    const Problem problem =
        management == nullptr
            ? Problem{ProblemKind::kAbsent, "accounts/" + organization.management_account_id, "",
                      "the management account is not in the snapshot, so ListOrganizationsFeatures is "
                      "unknown"}
            : management->organizations_features.error();
    return {unknown_finding(control, input, problem)};
  }
  const auto& features = *management->organizations_features;
  if (!features.has(kFeature)) {
    return {}; // feature off: credentials are expected; org-root-access-management reports the feature
  }
  const auto creds = read_root_credentials(input);
  std::vector<Evidence> evidence = creds.evidence;
  evidence.push_back({"EnabledFeatures", std::string(kFeature)});
  const auto present = creds.present_list();
  if (!present.en.empty()) {
    return {root_finding(
        control, input, Status::kFail,
        {fmt::format("The organization manages root credentials centrally ({} in {}), but this "
                     "member's root still has {} ({}; {}; {}).",
                     kFeature, features.source, present.en, creds.password.seen, creds.access_keys.seen,
                     creds.certificates.seen),
         fmt::format("組織はルートユーザーの認証情報を一元管理しています ({}、{})。しかしこのメンバー"
                     "アカウントのルートユーザーには{}が残っています ({}、{}、{})。",
                     kFeature, features.source, ja_embed(present.ja), creds.password.seen,
                     creds.access_keys.seen, creds.certificates.seen)},
        evidence)};
  }
  if (creds.has_no_credentials()) {
    return {root_finding(
        control, input, Status::kPass,
        {fmt::format("Root credentials are centrally managed and this member's root has none "
                     "({}; {}; {}).",
                     creds.password.seen, creds.access_keys.seen, creds.certificates.seen),
         fmt::format(
             "ルートユーザーの認証情報は一元管理されており、このメンバーのルートユーザーには認証情報が"
             "ありません ({}、{}、{})。",
             creds.password.seen, creds.access_keys.seen, creds.certificates.seen)},
        evidence)};
  }
  const auto row = root_report_row(input.account);
  if (!input.account.account_summary && !row) {
    auto finding = unknown_finding(control, input, {input.account.account_summary.error(), row.error()});
    finding.evidence = std::move(evidence);
    return {finding};
  }
  return {root_finding(
      control, input, Status::kUnknown,
      {"Cannot tell whether this member's root still has a password, access keys or "
       "certificates: GetAccountSummary and the credential report were not readable.",
       "このメンバーのルートユーザーにパスワード・アクセスキー・証明書が残っているか判定できません: "
       "GetAccountSummary と認証情報レポートを読み取れませんでした。"},
      evidence)};
}

constexpr std::string_view kRootCredentialsRemovedRootSessionBody =
    "  for key in $(aws iam list-access-keys --query 'AccessKeyMetadata[].AccessKeyId' --output text); do\n"
    "    aws iam delete-access-key --access-key-id \"$key\"\n"
    "  done\n"
    "  for id in $(aws iam list-signing-certificates --query 'Certificates[].CertificateId' --output text); "
    "do\n"
    "    aws iam delete-signing-certificate --certificate-id \"$id\"\n"
    "  done\n"
    "  aws iam delete-login-profile # no --user-name: the root user itself\n"
    "  for serial in $(aws iam list-mfa-devices --query 'MFADevices[].SerialNumber' --output text); do\n"
    "    aws iam deactivate-mfa-device --serial-number \"$serial\"\n"
    "  done\n";

} // namespace

constinit const Control kRootCredentialsRemoved{
    .rule =
        {
            .id = "root-credentials-removed",
            .kind = RuleKind::kPosture,
            .severity = Severity::kHigh,
            .title = {"Member account root has no credentials (centralized root access)",
                      "メンバーアカウントのルートユーザーの認証情報を削除する必要があります "
                      "(ルートアクセスの一元管理)"},
            .risk =
                {"Centralized root access management only pays off once member root users have no password, "
                 "keys or certificates; until then each member keeps a long-lived root credential that can "
                 "be phished or recovered through the account's email.",
                 "ルートアクセスの一元管理は、メンバーのルートユーザーからパスワード・キー・証明書を削除して"
                 "初めて効果を持ちます。それまでは各メンバーに、フィッシングやメールによる復旧で奪われ得る"
                 "長期的なルートユーザーの認証情報が残ります。"},
            .explanation =
                {"Applies to member accounts when the management account's ListOrganizationsFeatures "
                 "shows RootCredentialsManagement. Enabling the feature does not delete credentials "
                 "that already exist; they must be deleted per account with sts:AssumeRoot and the "
                 "IAMDeleteRootUserCredentials task policy (related: CIS v7.0 2.1.1).",
                 "管理アカウントの ListOrganizationsFeatures に RootCredentialsManagement がある場合、"
                 "メンバーアカウントに適用します。機能を有効にしても既存の認証情報は削除されないため、"
                 "アカウントごとに sts:AssumeRoot と IAMDeleteRootUserCredentials タスクポリシーで削除"
                 "する必要があります (関連: CIS v7.0 2.1.1)。"},
            .mappings = {},
            .remediation =
                {.console = {"1. Sign in to the management account (or the delegated administrator).\n"
                             "2. Open IAM > Root access management.\n"
                             "3. Select the member account and choose Take privileged action.\n"
                             "4. Choose Delete root user credentials and confirm.",
                             "1. 管理アカウント (または委任管理者) にサインインします。\n"
                             "2. IAM > [ルートアクセス管理] を開きます。\n"
                             "3. メンバーアカウントを選び、[特権アクションを実行] を選びます。\n"
                             "4. [ルートユーザー認証情報を削除] を選んで確定します。"},
                 .cli = kRootSessionCli<kRootCredentialsRemovedRootSessionBody>,
                 .terraform = "",
                 .limits =
                     {"Deleting existing root credentials is a per-account privileged task; Terraform has "
                      "no resource for it.",
                      "既存のルートユーザーの認証情報の削除はアカウントごとの特権タスクで、Terraform "
                      "にはそのための"
                      "リソースがありません。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
