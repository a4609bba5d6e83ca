#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {
namespace {

// Advanced selectors log management events when a selector has eventCategory = Management; a
// readOnly field selector narrows it to reads or writes.
void read_advanced(const nlohmann::json& selectors, model::EventSelectors& result) {
  for (const auto& selector : selectors) {
    if (!selector.is_object() || !selector.contains("FieldSelectors") ||
        !selector["FieldSelectors"].is_array()) {
      continue;
    }
    bool management = false;
    std::optional<bool> read_only;
    for (const auto& field : selector["FieldSelectors"]) {
      if (!field.is_object() || !field.contains("Field") || !field["Field"].is_string()) {
        continue;
      }
      const auto equals = field.value("Equals", nlohmann::json::array());
      const bool has_value = equals.is_array() && !equals.empty() && equals[0].is_string();
      if (field["Field"] == "eventCategory" && has_value && equals[0] == "Management") {
        management = true;
      }
      if (field["Field"] == "readOnly" && has_value) {
        read_only = equals[0] == "true";
      }
    }
    if (management) {
      result.management_read = result.management_read || !read_only || *read_only;
      result.management_write = result.management_write || !read_only || !*read_only;
    }
  }
}

} // namespace

Result<model::EventSelectors> read_get_event_selectors(const Location& region,
                                                       const std::string& trail_file) {
  const std::string name = path_below_scope(File::kGetEventSelectors, trail_file);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  if (auto trail_arn = require_string(*doc, doc->root, "$", "TrailARN"); !trail_arn) {
    return trail_arn.error(); // every real response names its trail
  }
  model::EventSelectors result;
  auto basic = optional_array(*doc, doc->root, "$", "EventSelectors");
  if (!basic) {
    return basic.error();
  }
  size_t index = 0;
  for (const auto& selector : **basic) {
    const std::string path = fmt::format("$.EventSelectors[{}]", index++);
    auto include = optional_bool(*doc, selector, path, "IncludeManagementEvents", true);
    auto type = optional_string(*doc, selector, path, "ReadWriteType");
    if (!include) {
      return include.error();
    }
    if (!type) {
      return type.error();
    }
    if (*include) {
      const auto rw = type->value_or("All");
      result.management_read = result.management_read || rw == "All" || rw == "ReadOnly";
      result.management_write = result.management_write || rw == "All" || rw == "WriteOnly";
    }
  }
  auto advanced = optional_array(*doc, doc->root, "$", "AdvancedEventSelectors");
  if (!advanced) {
    return advanced.error();
  }
  read_advanced(**advanced, result);
  return result;
}

} // namespace rg::snapshot
