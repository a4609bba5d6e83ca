// Root's "Forgot password?" flow was used.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 2> kEventNames = {"PasswordRecoveryRequested",
                                                         "PasswordRecoveryCompleted"};

constinit const RuleMetadata kMetadata{
    .id = "root-password-recovery",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "Root user password recovery requested or completed",
              .ja = "ルートユーザーのパスワード回復が要求または完了"},
    .risk = {.en = "Whoever controls the root email address can reset the root password through this flow.",
             .ja = "ルートユーザーのメールアドレスを管理できる者は、この手順でルートユーザーのパスワードを再"
                   "設定できます。"},
    .explanation =
        {.en = "PasswordRecoveryRequested / PasswordRecoveryCompleted from signin.amazonaws.com; only "
               "the root user's forgot-password flow produces them.",
         .ja = "signin.amazonaws.com の PasswordRecoveryRequested / PasswordRecoveryCompleted です。"
               "ルートユーザーのパスワード忘れの手順でのみ記録されます。"},
    .mappings = {},
    .remediation = {.console = {.en =
                                    "Confirm the root owner started the recovery; protect the root mailbox.",
                                .ja = "ルートユーザーの管理者が回復を開始したことを確認し、ルートユーザーのメ"
                                      "ールボックスを保護してください。"},
                    .cli = {},
                    .terraform = {},
                    .limits = {}},
};

bool match(const trail::EventView& event) {
  // The identity block of these events is sparse; the event names themselves exist only for root.
  return event.event_type != "AwsServiceEvent" && (event.user.type.empty() || is_root(event)) &&
         (event.event_source.empty() || event.event_source == kConsoleSignIn);
}

} // namespace

constinit const Detection kRootPasswordRecovery{kMetadata, kEventNames, &match};

} // namespace rg::detections
