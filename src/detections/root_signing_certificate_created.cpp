// Root uploaded an X.509 signing certificate: a credential most teams never look for.
#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <array>

namespace rg::detections {
namespace {

constexpr std::array<std::string_view, 1> kEventNames = {"UploadSigningCertificate"};

constinit const RuleMetadata kMetadata{
    .id = "root-signing-certificate-created",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "Root user created a signing certificate", .ja = "ルートユーザーが署名証明書を作成"},
    .risk = {.en = "Root signing certificates are root credentials that credential checks often overlook.",
             .ja = "ルートユーザーの署名証明書はルートユーザーの認証情報であり、認証情報のチェックで見落とさ"
                   "れがちです。"},
    .explanation = {.en = "UploadSigningCertificate performed by root itself.",
                    .ja = "ルートユーザー自身による UploadSigningCertificate です。"},
    .mappings = {.security_hub = {},
                 .security_hub_retired = {},
                 .cis = {},
                 .guardduty_type = "Policy:IAMUser/RootCredentialUsage"},
    .remediation =
        {.console = {.en = "Delete the root signing certificate unless it is documented and needed.",
                     .ja = "文書化された必要性がない限り、ルートユーザーの署名証明書を削除してください。"},
         .cli = {},
         .terraform = {},
         .limits = {}},
};

bool match(const trail::EventView& event) {
  return is_root_originated(event) && succeeded(event);
}

} // namespace

constinit const Detection kRootSigningCertificateCreated{kMetadata, kEventNames, &match};

} // namespace rg::detections
