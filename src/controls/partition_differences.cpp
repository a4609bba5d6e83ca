#include "controls/partition_differences.hpp"

namespace rg::controls {
namespace {

// AWS GovCloud (US) User Guide, "AWS Identity and Access Management" (govcloud-iam): "You cannot enable an
// MFA device for your AWS GovCloud (US) account root user", "you cannot access the AWS GovCloud (US)
// console using your root user credentials", and access to that root user "is not provided by default";
// root access keys are issued only on request, to restore an administrator (root-access-keys checks them).
LocalizedString gov_cloud_root_has_no_mfa() {
  return {"Does not apply in AWS GovCloud (US): AWS does not let an MFA device be enabled for the GovCloud "
          "root user, which cannot sign in to the console either (AWS GovCloud (US) User Guide, Identity and "
          "Access Management). Root access keys, which AWS issues only on request, are checked by "
          "root-access-keys.",
          "AWS GovCloud (US) には該当しません。GovCloud のルートユーザーには MFA デバイスを有効にできず、"
          "コンソールへのサインインもできません (AWS GovCloud (US) ユーザーガイドの IAM の相違点)。AWS が"
          "依頼に応じてのみ発行するルートユーザーのアクセスキーは root-access-keys で確認します。"};
}

bool in_partition(const EvaluationInput& input, std::string_view partition) {
  return partition_of(input) == partition;
}

} // namespace

std::optional<LocalizedString> root_mfa_not_applicable(const EvaluationInput& input) {
  if (in_partition(input, "aws-us-gov")) {
    return gov_cloud_root_has_no_mfa();
  }
  return std::nullopt;
}

std::optional<LocalizedString> root_hardware_mfa_not_applicable(const EvaluationInput& input) {
  if (in_partition(input, "aws-us-gov")) {
    return gov_cloud_root_has_no_mfa();
  }
  // Getting Started with Amazon Web Services in China, "Amazon Identity and Access Management": "No
  // hardware or SMS MFA - The China (Beijing) and China (Ningxia) Regions do not support using hardware or
  // SMS multi-factor authentication"; they support virtual MFA, which root-mfa checks is on.
  if (in_partition(input, "aws-cn")) {
    return LocalizedString{
        "Does not apply in the China Regions: they do not support hardware MFA devices, only virtual MFA "
        "(Getting Started with Amazon Web Services in China, Identity and Access Management). root-mfa "
        "checks that MFA is on.",
        "中国リージョンには該当しません。中国リージョンはハードウェア MFA デバイスに対応しておらず、"
        "仮想 MFA のみ使えます (AWS 中国リージョンのドキュメントの IAM の相違点)。"
        "MFA が有効かは root-mfa で確認します。"};
  }
  return std::nullopt;
}

Finding not_applicable_finding(const Control& control, const EvaluationInput& input, LocalizedString reason) {
  return root_finding(control, input, Status::kNotApplicable, std::move(reason),
                      {{"partition", partition_of(input)}});
}

} // namespace rg::controls
