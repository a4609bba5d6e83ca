// A root console sign-in failed: someone has, or is guessing, the root email address.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 1> kEventNames = {"ConsoleLogin"};

constinit const RuleMetadata kMetadata{
    .id = "root-console-signin-failure",
    .kind = RuleKind::kActivity,
    .severity = Severity::kMedium,
    .title = {.en = "Root user console sign-in failed", .ja = "ルートユーザーのコンソールサインインが失敗"},
    .risk = {.en = "Failed root sign-ins can mean password guessing against the root email address.",
             .ja = "ルートユーザーのサインイン失敗は、ルートユーザーのメールアドレスに対するパスワード推測の"
                   "可能性があります。"},
    .explanation =
        {.en = "eventName ConsoleLogin, userIdentity.type Root, responseElements.ConsoleLogin Failure.",
         .ja = "eventName が ConsoleLogin、userIdentity.type が Root、responseElements.ConsoleLogin が "
               "Failure のイベントです。"},
    .mappings = {},
    .remediation = {.console = {.en = "Check the source IPs; make sure root has a strong password and MFA.",
                                .ja = "送信元 IP を確認し、ルートユーザーに強力なパスワードと MFA "
                                      "が設定されていることを確認してください。"},
                    .cli = {},
                    .terraform = {},
                    .limits = {}},
};

bool match(const trail::EventView& event) {
  return is_root(event) && event.event_type != "AwsServiceEvent" && event.console_login == "Failure";
}

} // namespace

constinit const Detection kRootConsoleSigninFailure{kMetadata, kEventNames, &match};

} // namespace rg::detections
