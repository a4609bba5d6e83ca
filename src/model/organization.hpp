#pragma once
// AWS Organizations as collected from the management account: the tree root -> OUs -> accounts.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rg::model {

struct OrganizationAccount {
  std::string id;
  std::string name;
  std::string status; // State: ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED (or the retired Status)
  std::string parent_id;
};

struct OrganizationalUnit {
  std::string id;
  std::string name;
  std::string parent_id;
};

// Where a policy is attached: ListTargetsForPolicy's Targets[].
struct PolicyTarget {
  std::string target_id; // r-xxxx, ou-xxxx-yyyyyyyy or a 12-digit account id
  std::string type;      // ROOT, ORGANIZATIONAL_UNIT, ACCOUNT
  std::string name;
};

// A service control or resource control policy: ListPolicies summary + DescribePolicy content +
// ListTargetsForPolicy.
struct OrganizationPolicy {
  std::string id; // p-xxxxxxxx; p-FullAWSAccess for the AWS-managed default
  std::string arn;
  std::string name;
  bool aws_managed = false;
  std::optional<std::string> content; // the policy JSON text; nullopt when DescribePolicy was not collected
  std::optional<std::vector<PolicyTarget>> targets; // nullopt when ListTargetsForPolicy was not collected
  std::string content_file;                         // where the content came from, for messages
};

struct Organization {
  std::string id;
  std::string management_account_id; // DescribeOrganization's MasterAccountId
  // DescribeOrganization's FeatureSet: "ALL" or "CONSOLIDATED_BILLING" (no SCPs, no centralized root
  // access can exist); empty when the file does not say.
  std::string feature_set;
  std::vector<std::string> root_ids;
  // ListRoots' PolicyTypes per root id: the SERVICE_CONTROL_POLICY status (ENABLED, PENDING_ENABLE,
  // PENDING_DISABLE), or "" when the type is not listed, i.e. disabled and every SCP detached. A root
  // whose entry has no PolicyTypes member is not in the map: the attachments are then the only evidence.
  std::map<std::string, std::string> scp_type_status;
  // The same for RESOURCE_CONTROL_POLICY: "" when a root lists PolicyTypes without it (RCPs not in force).
  std::map<std::string, std::string> rcp_type_status;
  std::vector<OrganizationalUnit> units;
  std::vector<OrganizationAccount> accounts;
  // Service control policies; `scps_collected` is false when
  // organization/ListPolicies-SERVICE_CONTROL_POLICY.json was absent, so controls answer UNKNOWN instead of
  // "no SCP denies root".
  bool scps_collected = false;
  std::vector<OrganizationPolicy> service_control_policies;
  // Resource control policies, the same way: `rcps_collected` is false when
  // organization/ListPolicies-RESOURCE_CONTROL_POLICY.json was absent (older snapshots, or not collected).
  bool rcps_collected = false;
  std::vector<OrganizationPolicy> resource_control_policies;

  bool consolidated_billing_only() const { return feature_set == "CONSOLIDATED_BILLING"; }
  const OrganizationAccount* find_account(const std::string& account_id) const;
  bool is_member(const std::string& account_id) const; // in the organization and not its management account
  const OrganizationalUnit* find_unit(const std::string& unit_id) const;
};

} // namespace rg::model
