// org-root-access-management (CIS v7.0 2.1.1): the organization manages member root credentials and
// root sessions centrally (ListOrganizationsFeatures, callable from the management account and from the
// IAM delegated administrator; either answers for the whole organization).
#include "controls/catalog_entries.hpp"

#include <array>
#include <fmt/format.h>

namespace rg::controls {
namespace {

constexpr std::array<std::string_view, 2> kFeatures = {"RootCredentialsManagement", "RootSessions"};

// The management account's own answer, else that of an account of the same organization that could call
// ListOrganizationsFeatures (the IAM delegated administrator, "Centrally manage root access for member
// accounts", IAM User Guide).
const model::OrganizationsFeatures* organization_features(const EvaluationInput& input) {
  if (input.account.organizations_features) {
    return &*input.account.organizations_features;
  }
  if (!input.snapshot.organization) {
    return nullptr;
  }
  for (const auto& other : input.snapshot.accounts) {
    if (other.organizations_features &&
        other.organizations_features->organization_id == input.snapshot.organization->id) {
      return &*other.organizations_features;
    }
  }
  return nullptr;
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  const auto& snapshot = input.snapshot;
  const bool is_management = snapshot.organization
                                 ? snapshot.organization->management_account_id == input.account.id
                                 : input.account.organizations_features.has_value(); // only callable there
  if (!is_management) {
    return {};
  }
  if (snapshot.organization && snapshot.organization->consolidated_billing_only()) {
    // Centralized root access needs trusted access for IAM, which needs all features (IAM User Guide,
    // "Centrally manage root access for member accounts").
    return {root_finding(
        control, input, Status::kFail,
        {fmt::format("Organization {} uses only consolidated billing (FeatureSet CONSOLIDATED_BILLING): "
                     "centralized root access needs all features enabled first.",
                     snapshot.organization->id),
         fmt::format("組織 {} は一括請求のみ (FeatureSet CONSOLIDATED_BILLING) です。ルートアクセスの一元管理"
                     "には、先にすべての機能を有効にする必要があります。",
                     snapshot.organization->id)},
        {{"feature_set", snapshot.organization->feature_set}})};
  }
  const auto* features_ptr = organization_features(input);
  if (features_ptr == nullptr) {
    return {unknown_finding(control, input, input.account.organizations_features.error())};
  }
  const auto& features = *features_ptr;
  std::string missing;
  std::string enabled;
  std::string missing_ja; // Japanese lists take 「、」
  std::string enabled_ja;
  for (const auto feature : kFeatures) {
    auto& list = features.has(feature) ? enabled : missing;
    list += fmt::format("{}{}", list.empty() ? "" : ", ", feature);
    auto& list_ja = features.has(feature) ? enabled_ja : missing_ja;
    list_ja += fmt::format("{}{}", list_ja.empty() ? "" : "、", feature);
  }
  auto finding = root_finding(
      control, input, missing.empty() ? Status::kPass : Status::kFail,
      missing.empty()
          ? LocalizedString{fmt::format("Organization {} has {} enabled.", features.organization_id, enabled),
                            fmt::format("組織 {} で {} が有効です。", features.organization_id, enabled_ja)}
          : LocalizedString{fmt::format("Organization {} does not have {} enabled (enabled: {}).",
                                        features.organization_id, missing,
                                        enabled.empty() ? "none" : enabled),
                            fmt::format("組織 {} で {} が有効になっていません (有効: {})。",
                                        features.organization_id, missing_ja,
                                        enabled_ja.empty() ? "なし" : enabled_ja)},
      {{"EnabledFeatures", enabled}});
  finding.resource = fmt::format("arn:{}:organizations::{}:organization/{}", partition_of(input),
                                 input.account.id, features.organization_id);
  return {finding};
}

} // namespace

constinit const Control kOrgRootAccessManagement{
    .rule =
        {
            .id = "org-root-access-management",
            .kind = RuleKind::kPosture,
            .severity = Severity::kMedium,
            .title = {"Organization manages member root access centrally",
                      "組織でメンバーアカウントのルートアクセスを一元管理する必要があります"},
            .risk = {"Without centralized root access management every member account keeps its own root "
                     "password and recovery path, and root-only tasks need a root sign-in per account.",
                     "ルートアクセスの一元管理がないと、各メンバーアカウントが独自のルートユーザーのパスワー"
                     "ドと復旧手"
                     "段を持ち"
                     "続け、ルートユーザー専用のタスクのたびにアカウントごとのルートユーザーのサインインが必"
                     "要になります。"},
            .explanation =
                {"CIS v7.0 2.1.1. Checks ListOrganizationsFeatures in the management account for "
                 "RootCredentialsManagement (delete and audit member root credentials) and RootSessions "
                 "(short sts:AssumeRoot sessions for root-only tasks). Enabling them does not delete "
                 "existing member root credentials: root-credentials-removed checks that.",
                 "CIS v7.0 2.1.1 に対応します。管理アカウントの ListOrganizationsFeatures で "
                 "RootCredentialsManagement (メンバーのルートユーザーの認証情報の削除と監査) と RootSessions "
                 "(ルートユーザー専用のタスク用の短時間の sts:AssumeRoot セッション) "
                 "を確認します。有効化しても既存"
                 "のメンバーのルートユーザーの認証情報は削除されません (root-credentials-removed "
                 "で確認します)。"},
            .mappings = {.cis = {.v7_0 = "2.1.1"}},
            .remediation =
                {.console =
                     {"1. Sign in to the management account.\n"
                      "2. Open IAM > Root access management and choose Enable.\n"
                      "3. Select Root credentials management and Privileged root actions in member "
                      "accounts, and confirm (this also enables trusted access for IAM in Organizations).",
                      "1. 管理アカウントにサインインします。\n"
                      "2. IAM > [ルートアクセス管理] を開き、[有効にする] を選びます。\n"
                      "3. [ルート認証情報の管理] と [メンバーアカウントでの特権ルートアクション] を選んで確定"
                      "します (Organizations での IAM の信頼されたアクセスも有効になります)。"},
                 .cli = "aws organizations enable-aws-service-access --service-principal iam.amazonaws.com\n"
                        "aws iam enable-organizations-root-credentials-management\n"
                        "aws iam enable-organizations-root-sessions",
                 .terraform = "resource \"aws_organizations_organization\" \"this\" {\n"
                              "  # keep your existing settings; add IAM to the trusted services\n"
                              "  aws_service_access_principals = [\"iam.amazonaws.com\"]\n"
                              "  feature_set                   = \"ALL\"\n"
                              "}\n\n"
                              "resource \"aws_iam_organizations_features\" \"root_access\" {\n"
                              "  enabled_features = [\"RootCredentialsManagement\", \"RootSessions\"]\n"
                              "  depends_on       = [aws_organizations_organization.this]\n"
                              "}\n",
                 .limits = {}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
