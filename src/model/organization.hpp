#pragma once
// AWS Organizations as collected from the management account: the tree root -> OUs -> accounts.
#include <optional>
#include <string>
#include <vector>

namespace rg::model {

struct OrganizationAccount {
  std::string id;
  std::string name;
  std::string status; // ACTIVE, SUSPENDED, PENDING_CLOSURE
  std::string parent_id;
};

struct OrganizationalUnit {
  std::string id;
  std::string name;
  std::string parent_id;
};

struct Organization {
  std::string id;
  std::string management_account_id; // DescribeOrganization's MasterAccountId
  std::vector<std::string> root_ids;
  std::vector<OrganizationalUnit> units;
  std::vector<OrganizationAccount> accounts;

  const OrganizationAccount* find_account(const std::string& account_id) const;
  bool is_member(const std::string& account_id) const; // in the organization and not its management account
};

} // namespace rg::model
