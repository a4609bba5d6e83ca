#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

namespace rg::snapshot {

Result<model::CallerIdentity> read_get_caller_identity(const Location& account) {
  const std::string name = path_below_scope(File::kGetCallerIdentity);
  auto doc = load_json(account.path(name), account.name(name));
  if (!doc) {
    return doc.error();
  }
  auto id = require_string(*doc, doc->root, "$", "Account");
  if (!id) {
    return id.error();
  }
  auto arn = optional_string(*doc, doc->root, "$", "Arn");
  if (!arn) {
    return arn.error();
  }
  return model::CallerIdentity{*id, arn->value_or("")};
}

} // namespace rg::snapshot
