#include "collect/lookup_events.hpp"

#include "snapshot/snapshot_layout.hpp"
#include "util/time.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::collect {

std::string lookup_events_path(const std::string& account, const std::string& region) {
  // Inside the layout's CloudTrail folder tree, which scan and trail read whatever its sub-folders.
  return fmt::format("{}lookup-events/{}/{}.json", snapshot::layout_row(snapshot::File::kCloudTrailLogs).path,
                     account, region);
}

bool collect_root_lookup_events(aws::AwsClient& client, SnapshotWriter& writer, const std::string& account,
                                const std::string& region, int days, std::chrono::sys_seconds now) {
  if (!safe_component(account) || !safe_component(region)) {
    writer.skipped("cloudtrail", "LookupEvents", account, region,
                   "account or region is not a safe file name");
    return false;
  }
  days = std::clamp(days, 1, kLookupEventsMaxDays);
  const nlohmann::json input = {
      {"LookupAttributes",
       nlohmann::json::array({{{"AttributeKey", "Username"}, {"AttributeValue", "root"}}})},
      {"StartTime", format_iso8601(now - std::chrono::days{days})},
      {"EndTime", format_iso8601(now)},
      {"MaxResults", 50}, // the most LookupEvents returns per page: fewest requests under the 2/s cap
  };
  const auto result = client.call_all_pages("cloudtrail", "LookupEvents", input, region);
  // Absolute in the snapshot (not under accounts/<id>/): the top-level cloudtrail/ folder is what scan reads.
  return writer.record(result, account, lookup_events_path(account, region)) != nullptr;
}

} // namespace rg::collect
