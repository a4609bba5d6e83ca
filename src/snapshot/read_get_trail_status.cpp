#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

namespace rg::snapshot {

Result<model::TrailStatus> read_get_trail_status(const Location& region, const std::string& trail_file) {
  const std::string name = path_below_scope(File::kGetTrailStatus, trail_file);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto logging = require_member(*doc, doc->root, "$", "IsLogging", nlohmann::json::value_t::boolean);
  if (!logging) {
    return logging.error();
  }
  return model::TrailStatus{(*logging)->get<bool>()};
}

} // namespace rg::snapshot
