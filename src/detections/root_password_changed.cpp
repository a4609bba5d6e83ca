// Root's password was changed, created or removed.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

// PasswordUpdated is the sign-in event for root's own change; the LoginProfile calls are what sts:AssumeRoot
// sessions (IAMCreateRootUserPassword, IAMDeleteRootUserCredentials) record; ChangePassword for completeness.
constexpr std::array<std::string_view, 5> kEventNames = {
    "PasswordUpdated", "ChangePassword", "CreateLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile"};

constinit const RuleMetadata kMetadata{
    .id = "root-password-changed",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "Root user password changed", .ja = "ルートユーザーのパスワードが変更された"},
    .risk = {.en = "An unexpected root password change is a classic sign of account takeover.",
             .ja = "予期しないルートユーザーのパスワードの変更は、アカウント乗っ取りの典型的な兆候です。"},
    .explanation =
        {.en = "PasswordUpdated (console), ChangePassword, or Create/Update/DeleteLoginProfile done as "
               "root, including in sts:AssumeRoot sessions.",
         .ja =
             "ルートユーザーとして (sts:AssumeRoot セッションを含む) 行われた PasswordUpdated (コンソール)、"
             "ChangePassword、Create/Update/DeleteLoginProfile です。"},
    .mappings = {},
    .remediation =
        {.console = {.en = "Confirm the change with the root owner; if unexpected, recover the account "
                           "and contact AWS Support.",
                     .ja = "ルートユーザーの管理者に変更を確認し、予期しないものであればアカウントを回復して "
                           "AWS サポートに"
                           "連絡してください。"},
         .cli = {},
         .terraform = {},
         .limits = {}},
};

bool match(const trail::EventView& event) {
  return is_root_originated(event) && succeeded(event);
}

} // namespace

constinit const Detection kRootPasswordChanged{kMetadata, kEventNames, &match};

} // namespace rg::detections
