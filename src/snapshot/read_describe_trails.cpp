#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<std::vector<model::Trail>> read_describe_trails(const Location& region) {
  const std::string name = path_below_scope(File::kDescribeTrails);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto list = require_member(*doc, doc->root, "$", "trailList", nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::Trail> trails;
  size_t index = 0;
  for (const auto& item : **list) {
    const std::string path = fmt::format("$.trailList[{}]", index++);
    auto trail_name = require_string(*doc, item, path, "Name");
    auto arn = optional_string(*doc, item, path, "TrailARN");
    auto home = optional_string(*doc, item, path, "HomeRegion");
    auto multi = optional_bool(*doc, item, path, "IsMultiRegionTrail", false);
    auto organization = optional_bool(*doc, item, path, "IsOrganizationTrail", false);
    auto log_group = optional_string(*doc, item, path, "CloudWatchLogsLogGroupArn");
    for (const Problem* problem :
         {trail_name ? nullptr : &trail_name.error(), arn ? nullptr : &arn.error(),
          home ? nullptr : &home.error(), multi ? nullptr : &multi.error(),
          organization ? nullptr : &organization.error(), log_group ? nullptr : &log_group.error()}) {
      if (problem != nullptr) {
        return *problem;
      }
    }
    trails.push_back(
        {*trail_name, arn->value_or(""), home->value_or(""), *multi, *organization, log_group->value_or("")});
  }
  return trails;
}

} // namespace rg::snapshot
