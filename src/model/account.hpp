#pragma once
// Everything collected about one AWS account. Each source is a Result: the value, or why it is missing
// (not collected, unreadable), so a control can say UNKNOWN with the reason instead of guessing.
#include "model/credential_report.hpp"
#include "model/region.hpp"
#include "util/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rg::model {

// GetAccountSummary's SummaryMap. Keys with a value of the wrong type are kept aside with their problem.
struct AccountSummary {
  std::string source;
  std::map<std::string, long> values;
  std::map<std::string, Problem> invalid;

  // The value, or a Problem saying it is absent or invalid.
  Result<long> get(const std::string& key) const;
};

struct VirtualMfaDevice {
  std::string serial_number;
  std::optional<std::string> user_arn; // absent for an unassigned device
};

struct VirtualMfaDevices {
  std::string source;
  std::vector<VirtualMfaDevice> devices;
};

struct OrganizationsFeatures {
  std::string source;
  std::string organization_id;
  std::vector<std::string> enabled_features;
  bool has(std::string_view feature) const;
};

struct CallerIdentity {
  std::string account;
  std::string arn;
};

Problem not_collected(std::string file);

struct Account {
  std::string id;
  std::string name; // from Organizations when known
  std::string directory;
  // The partition of this account's own ARNs (caller identity, then its MFA devices): aws-cn and
  // aws-us-gov accounts can sit in a snapshot whose default is aws. Empty: nothing said; use the snapshot's.
  std::string partition;
  Result<CallerIdentity> caller_identity = not_collected("sts/GetCallerIdentity.json");
  Result<CredentialReport> credential_report = not_collected("iam/GetCredentialReport.json");
  Result<AccountSummary> account_summary = not_collected("iam/GetAccountSummary.json");
  Result<VirtualMfaDevices> virtual_mfa_devices = not_collected("iam/ListVirtualMFADevices.json");
  Result<OrganizationsFeatures> organizations_features = not_collected("iam/ListOrganizationsFeatures.json");
  std::vector<Region> regions; // one per regions/<name>/ folder, sorted by name
  // Set when regions/ exists but cannot be listed: regional controls are UNKNOWN, never silently absent.
  std::optional<Problem> regions_problem;

  const Region* find_region(const std::string& name) const;
};

} // namespace rg::model
