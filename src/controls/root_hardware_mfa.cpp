// root-hardware-mfa (Security Hub IAM.6): root's MFA is not a virtual device, or root has no credentials.
#include "controls/catalog_entries.hpp"
#include "controls/partition_differences.hpp"
#include "controls/root_credentials.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  if (auto reason = root_hardware_mfa_not_applicable(input)) {
    return {not_applicable_finding(control, input, std::move(*reason))};
  }
  const auto creds = read_root_credentials(input);
  auto evidence = creds.evidence;
  if (creds.has_no_credentials()) {
    return {root_finding(control, input, Status::kPass,
                         no_credentials_reason(creds, "it needs no MFA device", "MFA デバイスは不要です"),
                         evidence)};
  }
  if (creds.mfa.presence == Presence::kUnknown) {
    return {mfa_unknown_finding(control, input, creds)};
  }
  if (creds.mfa.presence == Presence::kAbsent) {
    return {root_finding(control, input, Status::kFail,
                         {fmt::format("Root has no MFA at all ({}), hardware or virtual.", creds.mfa.seen),
                          fmt::format("ルートユーザーに MFA がまったくありません ({})。", creds.mfa.seen)},
                         evidence)};
  }
  if (!input.account.virtual_mfa_devices) {
    return {unknown_finding(control, input, input.account.virtual_mfa_devices.error())};
  }
  // The device is root's only when its User.Arn is exactly root's ARN: an IAM user called
  // "root-admin" or a device named "root" must not match.
  const std::string arn = root_arn(input);
  for (const auto& device : input.account.virtual_mfa_devices->devices) {
    if (device.user_arn && *device.user_arn == arn) {
      evidence.push_back({"VirtualMFADevices[].SerialNumber", device.serial_number});
      return {root_finding(
          control, input, Status::kFail,
          {fmt::format("Root's MFA is a virtual device ({}, assigned to {}).", device.serial_number, arn),
           fmt::format("ルートユーザーの MFA は仮想 MFA デバイスです ({}、割り当て先 {})。",
                       device.serial_number, arn)},
          evidence)};
    }
  }
  const auto count = input.account.virtual_mfa_devices->devices.size();
  evidence.push_back({"VirtualMFADevices", fmt::format("{} devices, none assigned to {}", count, arn)});
  return {root_finding(
      control, input, Status::kPass,
      {fmt::format("MFA is enabled on root ({}) and none of the {} virtual MFA devices is "
                   "assigned to {}, so it is a hardware device.",
                   creds.mfa.seen, count, arn),
       fmt::format("ルートユーザーで MFA が有効 ({}) で、{} 台の仮想 MFA デバイスのいずれも {} に割り当て"
                   "られていないため、ハードウェアデバイスです。",
                   creds.mfa.seen, count, arn)},
      evidence)};
}

} // namespace

constinit const Control kRootHardwareMfa{
    .rule =
        {
            .id = "root-hardware-mfa",
            .kind = RuleKind::kPosture,
            .severity = Severity::kCritical,
            .title = {"Root user uses a hardware MFA device",
                      "ルートユーザーに対してハードウェア MFA を有効にする必要があります"},
            .risk =
                {"A virtual MFA seed lives on a phone or in a password manager that can be copied, backed "
                 "up to the cloud or lost with the device; a hardware key cannot be cloned and resists "
                 "phishing.",
                 "仮想 MFA のシードはスマートフォンやパスワードマネージャーにあり、複製・クラウドへのバック"
                 "アップ・端末の紛失が起こり得ます。ハードウェアキーは複製できず、フィッシングにも強いです"
                 "。"},
            .explanation =
                {"Follows Security Hub IAM.6. AWS exposes no device type, so hardware MFA is inferred: "
                 "AccountMFAEnabled = 1 and no virtual MFA device whose User.Arn is exactly "
                 "arn:<partition>:iam::<account>:root (device names and substrings are not evidence). "
                 "A root with no credentials at all passes, as in Security Hub and CIS v5+. NOT_APPLICABLE "
                 "in "
                 "AWS GovCloud (US) (no MFA device can be enabled for root) and in the China Regions (no "
                 "hardware MFA).",
                 "Security Hub IAM.6 に従います。AWS はデバイス種別を返さないため、AccountMFAEnabled = 1 "
                 "かつ User.Arn が arn:<partition>:iam::<account>:root と完全一致する仮想 MFA デバイスが"
                 "ないことからハードウェア MFA と判断します (デバイス名や部分一致は根拠にしません)。"
                 "認証情報が一切ないルートユーザーは Security Hub と CIS v5 以降と同様に PASS です。"
                 "AWS GovCloud (US) (ルートユーザーに MFA デバイスを有効にできない) と中国リージョン "
                 "(ハードウェア MFA がない) では NOT_APPLICABLE です。"},
            .mappings =
                {.security_hub = "IAM.6",
                 .cis = {.v1_2 = "1.14", .v1_4_to_v4_0 = "1.6", .v5_0 = "1.5", .v6_0 = "2.5", .v7_0 = "2.6"}},
            .remediation =
                {.console =
                     {"1. Sign in to the AWS Management Console as the root user.\n"
                      "2. Open the account menu > Security credentials.\n"
                      "3. Under Multi-factor authentication (MFA), choose Assign MFA device and pick "
                      "Passkey or security key (FIDO2) or Hardware TOTP token.\n"
                      "4. Once the hardware device works, remove the virtual MFA device.\n"
                      "5. Keep a second hardware device in a safe place.",
                      "1. ルートユーザーとして AWS マネジメントコンソールにサインインします。\n"
                      "2. アカウントメニュー > [セキュリティ認証情報] を開きます。\n"
                      "3. [多要素認証 (MFA)] で [MFA デバイスの割り当て] を選び、[パスキーまたはセキュリティ"
                      "キー] (FIDO2) か [ハードウェア TOTP トークン] を選びます。\n"
                      "4. ハードウェアデバイスの動作を確認したら仮想 MFA デバイスを削除します。\n"
                      "5. 予備のハードウェアデバイスを安全な場所に保管します。"},
                 .cli =
                     "# No API assigns an MFA device to the root user: it needs a root console sign-in.\n"
                     "# To see which virtual device is root's:\n"
                     "aws iam list-virtual-mfa-devices --assignment-status Assigned \\\n"
                     "  --query \"VirtualMFADevices[?User.Arn=='arn:${PARTITION}:iam::${ACCOUNT_ID}:root']\"",
                 .terraform = "",
                 .limits =
                     {"Hardware MFA for root can only be registered in the console while signed in as root.",
                      "ルートユーザーのハードウェア MFA "
                      "は、ルートユーザーでサインインしたコンソールからのみ登録できます。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
