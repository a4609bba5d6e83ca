// Root deactivated or deleted an MFA device: the account just lost its second factor.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 2> kEventNames = {"DeactivateMFADevice", "DeleteVirtualMFADevice"};

constinit const RuleMetadata kMetadata{
    .id = "root-mfa-device-removed",
    .kind = RuleKind::kActivity,
    .severity = Severity::kCritical,
    .title = {.en = "Root user deactivated or deleted an MFA device",
              .ja = "ルートユーザーが MFA デバイスを無効化または削除"},
    .risk =
        {.en = "Without MFA, the root password alone opens the account; attackers remove MFA to keep access.",
         .ja =
             "MFA がなければルートユーザーのパスワードだけでアカウントに入れます。攻撃者はアクセス維持のため "
             "MFA "
             "を外します。"},
    .explanation = {.en = "DeactivateMFADevice or DeleteVirtualMFADevice performed by root itself.",
                    .ja =
                        "ルートユーザー自身による DeactivateMFADevice または DeleteVirtualMFADevice です。"},
    .mappings = {.security_hub = "IAM.9",
                 .security_hub_retired = {},
                 .cis = {.v1_2 = "1.13", .v1_4_to_v4_0 = "1.5", .v5_0 = "1.4", .v6_0 = "2.4", .v7_0 = "2.5"},
                 .guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
    .remediation =
        {.console = {.en = "Confirm the change was planned; assign a new MFA device to root at once.",
                     .ja = "変更が計画されたものか確認し、ただちにルートユーザーに新しい MFA "
                           "デバイスを割り当ててください。"},
         .cli = {},
         .terraform = {},
         .limits = {.en = "MFA for root can only be assigned after a root console sign-in.",
                    .ja = "ルートユーザーの MFA "
                          "はルートユーザーでコンソールにサインインしてからでないと割り当てられません。"}},
};

bool match(const trail::EventView& event) {
  return is_root_originated(event) && succeeded(event);
}

} // namespace

constinit const Detection kRootMfaDeviceRemoved{kMetadata, kEventNames, &match};

} // namespace rg::detections
