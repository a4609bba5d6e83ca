#pragma once
// What the root user has (password, access keys, signing certificates, MFA), combined from
// GetAccountSummary (live) and the credential report (up to 4 hours old), with the values seen kept
// as evidence. Several controls share this so they never disagree about the same account.
#include "controls/control.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rg::controls {

enum class Presence { kPresent, kAbsent, kUnknown };

struct CredentialFact {
  Presence presence = Presence::kUnknown;
  std::string seen; // "AccountPasswordPresent = 1", "access_key_1_active = true"
};

struct RootCredentials {
  CredentialFact password;
  CredentialFact access_keys; // any key, active or inactive
  CredentialFact active_access_keys;
  CredentialFact certificates; // any certificate
  CredentialFact active_certificates;
  CredentialFact mfa;
  std::vector<Evidence> evidence;
  std::optional<LocalizedString> report_note; // stale report, missing root row
  // The summary (live) and the report (up to 4 hours old) disagree on whether keys or certificates
  // exist: the newer fact is used and this says both (decision 0003).
  std::optional<LocalizedString> disagreement;

  // True only when every credential is known to be absent: the state Security Hub and CIS v5+ PASS.
  bool has_no_credentials() const;
  // "password, access keys" in en/ja for the credentials known to be present.
  LocalizedString present_list() const;
};

RootCredentials read_root_credentials(const EvaluationInput& input);

// Appends the credential report note (stale report, missing root row) to every finding's reason, so the
// controls that read the report say so once, in one place.
std::vector<Finding> with_report_note(const RootCredentials& creds, std::vector<Finding> findings);

// The PASS reason for a root with no password, keys or certificates (root-mfa, root-hardware-mfa).
LocalizedString no_credentials_reason(const RootCredentials& creds, std::string_view consequence_en,
                                      std::string_view consequence_ja);

// UNKNOWN because neither AccountMFAEnabled nor mfa_active could be read.
Finding mfa_unknown_finding(const Control& control, const EvaluationInput& input,
                            const RootCredentials& creds);

// The root row of the credential report or why there is none.
Result<const model::CredentialReportRow*> root_report_row(const model::Account& account);

// Credential report booleans: "true"/"false" in any case; "not_supported", "N/A" and others are nullopt.
std::optional<bool> parse_report_bool(std::string_view cell);
// "N/A", "no_information", "not_supported" and empty mean "none".
bool is_report_sentinel(std::string_view cell);

} // namespace rg::controls
