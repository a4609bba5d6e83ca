// Root signed in to the console.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 1> kEventNames = {"ConsoleLogin"};

constinit const RuleMetadata kMetadata{
    .id = "root-console-signin-success",
    .kind = RuleKind::kActivity,
    .severity = Severity::kMedium,
    .title = {.en = "Root user signed in to the console", .ja = "ルートユーザーがコンソールにサインイン"},
    .risk = {.en = "A root console session can change billing, close the account and remove every safeguard.",
             .ja = "ルートユーザーのコンソールセッションでは、請求情報の変更やアカウントの解約、あらゆる安全"
                   "策の解除"
                   "が可能です。"},
    .explanation =
        {.en = "eventName ConsoleLogin, userIdentity.type Root, responseElements.ConsoleLogin Success.",
         .ja = "eventName が ConsoleLogin、userIdentity.type が Root、responseElements.ConsoleLogin が "
               "Success のイベントです。"},
    .mappings = {},
    .remediation = {.console = {.en = "Confirm the sign-in was planned (source IP, time, user agent).",
                                .ja = "サインインが計画されたものか (送信元 IP、時刻、ユーザーエージェント) "
                                      "を確認してください。"},
                    .cli = {},
                    .terraform = {},
                    .limits = {}},
};

bool match(const trail::EventView& event) {
  return is_root(event) && event.event_type != "AwsServiceEvent" && event.console_login == "Success";
}

} // namespace

constinit const Detection kRootConsoleSigninSuccess{kMetadata, kEventNames, &match};

} // namespace rg::detections
