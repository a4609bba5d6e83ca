// Root tried something and was refused: often an SCP doing its job, sometimes someone probing with root keys.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

namespace rg::detections {
namespace {

constinit const RuleMetadata kMetadata{
    .id = "root-api-call-denied",
    .kind = RuleKind::kActivity,
    .severity = Severity::kMedium,
    .title = {.en = "Root user API call denied", .ja = "ルートユーザーの API 呼び出しが拒否された"},
    .risk = {.en =
                 "Denied root calls mean root credentials are in use, possibly by someone testing what they "
                 "allow.",
             .ja = "ルートユーザーの呼び出しが拒否されたということは、ルートユーザーの認証情報が使用されてお"
                   "り、何が許可されるかを"
                   "試している者がいる可能性があります。"},
    .explanation = {.en = "Root-originated event with errorCode AccessDenied, AccessDeniedException, "
                          "UnauthorizedOperation or Client.UnauthorizedOperation.",
                    .ja = "ルートユーザーによるイベントで、errorCode が AccessDenied、AccessDeniedException、"
                          "UnauthorizedOperation、Client.UnauthorizedOperation のいずれかのものです。"},
    .mappings = {.security_hub = {},
                 .security_hub_retired = {},
                 .cis = {},
                 .guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
    .remediation =
        {.console = {.en = "Find who holds the root credentials used; an SCP denying root is working.",
                     .ja = "使用されたルートユーザーの認証情報の保持者を特定してください。ルートユーザーを拒"
                           "否する SCP "
                           "は機能しています。"},
         .cli = {},
         .terraform = {},
         .limits = {}},
};

bool is_denial(std::string_view code) {
  return code == "AccessDenied" || code == "AccessDeniedException" || code == "UnauthorizedOperation" ||
         code == "Client.UnauthorizedOperation";
}

bool match(const trail::EventView& event) {
  return is_root_originated(event) && is_denial(event.error_code);
}

} // namespace

constinit const Detection kRootApiCallDenied{kMetadata, {}, &match};

} // namespace rg::detections
