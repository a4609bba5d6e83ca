#include "model/organization.hpp"

namespace rg::model {

const OrganizationAccount* Organization::find_account(const std::string& account_id) const {
  for (const auto& account : accounts) {
    if (account.id == account_id) {
      return &account;
    }
  }
  return nullptr;
}

bool Organization::is_member(const std::string& account_id) const {
  return account_id != management_account_id && find_account(account_id) != nullptr;
}

const OrganizationalUnit* Organization::find_unit(const std::string& unit_id) const {
  for (const auto& unit : units) {
    if (unit.id == unit_id) {
      return &unit;
    }
  }
  return nullptr;
}

} // namespace rg::model
