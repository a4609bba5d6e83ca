#pragma once
// SCP inheritance as AWS Organizations applies it, asked for the root user of each member account:
// a Deny attached anywhere on root -> OUs -> account applies; an action is permitted only when every
// level on that path has an attached SCP allowing it; the management account is never affected. The
// RCPs on the same path then close what they deny root on the account's own resources (decision 0027).
#include "i18n/text.hpp"
#include "model/organization.hpp"
#include "policy/check.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

// Every SCP of the organization checked once (type scp), for the "invalid SCP" findings.
struct ScpCheck {
  const model::OrganizationPolicy* policy = nullptr;
  bool content_known = false;
  CheckResult check; // meaningful when content_known
  Document document; // parsed content, used for evaluation when check.valid; for an RCP, as AWS applies
                     // it: narrowed to the services that support RCPs (rcp_effective_document)
  std::vector<std::string> rcp_ignored; // an RCP's "Sid: iam:*" values that have no effect
};

struct ScpLevel {
  std::string target_id; // r-..., ou-..., or the account id
  std::string name;
  std::vector<const ScpCheck*> attached;
};

struct DenyingPolicy {
  std::string policy_id;
  std::string policy_name;
  std::string target_id; // where it is attached
  std::vector<std::string> statements;
};

enum class AccountScpStatus {
  kDenied,     // every probed action is denied to root (explicitly, or no Allow at some level)
  kPartial,    // some probed actions are denied, others open
  kOpen,       // nothing denied to root
  kUnknown,    // SCPs not collected, or an attached policy's content/targets or the path are missing
  kManagement, // the management account: SCPs never apply
  kNotFound,   // the account is not in the collected organization
};

std::string_view to_string(AccountScpStatus status);

struct AccountScpVerdict {
  std::string account_id;
  std::string account_name;
  AccountScpStatus status = AccountScpStatus::kUnknown;
  std::vector<ScpLevel> path;              // root first, account last
  std::vector<std::string> denied_actions; // probe names; "*" = every action no SCP names
  std::vector<std::string> open_actions;
  std::vector<DenyingPolicy> denying;
  std::vector<std::string> conditional_denies;   // "Name (id) Sid": denies root only under unknown conditions
  std::vector<std::string> levels_without_allow; // target ids whose SCPs allow none of a probed action
  std::vector<const ScpCheck*> invalid_policies; // attached on the path but with errors: ignored
  std::vector<LocalizedString> unknown_reasons;  // why the verdict could not be certain
  // What the RCPs on the path add (docs/decisions/0027-rcps.md): requests to this account's own
  // resources, on services that support RCPs, that the SCPs leave open and an RCP denies root outright.
  std::vector<std::string> rcp_closed_actions; // named like open_actions
  std::vector<DenyingPolicy> rcp_denying;      // the RCPs that close them, where attached
  std::vector<std::string> rcp_ignored;        // "Name (p-id) Sid: iam:*": RCP actions that have no effect
  std::vector<LocalizedString> rcp_notes;      // RCPs not in force, invalid RCPs ignored
  std::vector<LocalizedString> rcp_unknown;    // RCP data missing: what RCPs could close is not known
  bool rcps_considered = false;                // RCPs are in force and attached on this path
  LocalizedString reason;
};

struct OrganizationScpAnalysis {
  std::vector<ScpCheck> policies;          // in the organization's order; referenced by the verdicts
  std::vector<AccountScpVerdict> accounts; // every account of the organization, in its order
};

// Checks every SCP of the organization once (parse, validate as scp).
std::vector<ScpCheck> check_organization_scps(const model::Organization& organization);
// The same for its RCPs (validate as rcp; the document narrowed to the services RCPs apply to).
std::vector<ScpCheck> check_organization_rcps(const model::Organization& organization);

// The organization's SCPs checked once and indexed by target, and the analysis of each distinct path
// remembered: a scan of 1,000 accounts under a few OUs analyses a few paths, not 1,000 (the same
// policies at the same levels, the same organization path, and no condition or variable that reads the
// account's own id give the same request space). Thread-safe; keep it alive while its verdicts are used
// (they point into its checks). The organization must outlive it.
class ScpAnalyzer {
public:
  explicit ScpAnalyzer(const model::Organization& organization);
  ~ScpAnalyzer();
  ScpAnalyzer(const ScpAnalyzer&) = delete;
  ScpAnalyzer& operator=(const ScpAnalyzer&) = delete;

  const std::vector<ScpCheck>& checks() const { return checks_; }
  const std::vector<ScpCheck>& rcp_checks() const { return rcp_checks_; }
  AccountScpVerdict verdict(std::string_view account_id, std::string_view partition) const;
  // How many paths were analysed (the rest were remembered): for tests and benchmarks.
  size_t analyses() const;

  struct Memo; // the remembered request spaces (org_scp.cpp)

private:
  const model::Organization& organization_;
  std::vector<ScpCheck> checks_;
  std::vector<ScpCheck> rcp_checks_;
  std::unique_ptr<Memo> memo_;
};

// One account's verdict; `checks` from check_organization_scps on the same organization, kept alive
// while the verdict is used (it points into them).
AccountScpVerdict analyze_account_scps(const model::Organization& organization,
                                       const std::vector<ScpCheck>& checks, std::string_view account_id,
                                       std::string_view partition);

// Keep the returned object alive while using the verdicts: they point into `policies`.
OrganizationScpAnalysis analyze_organization_scps(const model::Organization& organization,
                                                  std::string_view partition);

const AccountScpVerdict* find_verdict(const OrganizationScpAnalysis& analysis, std::string_view account_id);
// A verdict from a temporary analysis would dangle at the end of the statement.
const AccountScpVerdict* find_verdict(OrganizationScpAnalysis&& analysis,
                                      std::string_view account_id) = delete;

} // namespace rg::policy
