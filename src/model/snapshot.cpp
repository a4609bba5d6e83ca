#include "model/snapshot.hpp"

namespace rg::model {

const Account* Snapshot::find_account(const std::string& account_id) const {
  for (const auto& account : accounts) {
    if (account.id == account_id) {
      return &account;
    }
  }
  return nullptr;
}

} // namespace rg::model
