#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<model::OrganizationsFeatures> read_list_organizations_features(const Location& account) {
  const std::string name = path_below_scope(File::kListOrganizationsFeatures);
  auto doc = load_json(account.path(name), account.name(name));
  if (!doc) {
    return doc.error();
  }
  model::OrganizationsFeatures features;
  features.source = doc->file;
  auto organization_id = require_string(*doc, doc->root, "$", "OrganizationId");
  if (!organization_id) {
    return organization_id.error();
  }
  features.organization_id = *organization_id;
  // The API omits EnabledFeatures when none are enabled.
  if (doc->root.is_object() && doc->root.contains("EnabledFeatures")) {
    auto list = require_member(*doc, doc->root, "$", "EnabledFeatures", nlohmann::json::value_t::array);
    if (!list) {
      return list.error();
    }
    size_t index = 0;
    for (const auto& item : **list) {
      if (!item.is_string()) {
        return Problem{ProblemKind::kInvalid, doc->file, fmt::format("$.EnabledFeatures[{}]", index),
                       "expected a string, found " + json_type_name(item)};
      }
      features.enabled_features.push_back(item.get<std::string>());
      ++index;
    }
  }
  return features;
}

} // namespace rg::snapshot
