// Root signed in successfully without MFA: the password alone was enough.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 1> kEventNames = {"ConsoleLogin"};

constinit const RuleMetadata kMetadata{
    .id = "root-console-signin-without-mfa",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "Root user signed in without MFA", .ja = "ルートユーザーが MFA なしでサインイン"},
    .risk = {.en = "Anyone with the root password alone can take over the account.",
             .ja = "ルートユーザーのパスワードだけでアカウントを乗っ取ることができます。"},
    .explanation =
        {.en = "A successful root ConsoleLogin whose additionalEventData.MFAUsed is No.",
         .ja = "成功したルートユーザーの ConsoleLogin で、additionalEventData.MFAUsed が No のものです。"},
    .mappings = {.security_hub = "IAM.9",
                 .security_hub_retired = {},
                 .cis = {.v1_2 = "1.13", .v1_4_to_v4_0 = "1.5", .v5_0 = "1.4", .v6_0 = "2.4", .v7_0 = "2.5"},
                 .guardduty_type = {}},
    .remediation =
        {.console = {.en = "Sign in as root and assign an MFA device (Security credentials > "
                           "Multi-factor authentication), preferably a hardware key.",
                     .ja = "ルートユーザーでサインインし、MFA デバイス (セキュリティ認証情報 > 多要素認証) "
                           "を割り当ててください。"
                           "ハードウェアキーを推奨します。"},
         .cli = {},
         .terraform = {},
         .limits = {.en = "No API can enable MFA on root: it needs a root console sign-in.",
                    .ja = "ルートユーザーの MFA を有効にする API "
                          "はありません。ルートユーザーでのコンソールサインインが必要です。"}},
};

bool match(const trail::EventView& event) {
  return is_root(event) && event.event_type != "AwsServiceEvent" && event.console_login == "Success" &&
         event.mfa_used == "No";
}

} // namespace

constinit const Detection kRootConsoleSigninWithoutMfa{kMetadata, kEventNames, &match};

} // namespace rg::detections
