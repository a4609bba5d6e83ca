#include "snapshot/load_region.hpp"

#include <algorithm>

namespace rg::snapshot {
namespace {

template <typename T> void note(const Result<T>& result, std::vector<Problem>& problems) {
  if (!result && result.error().kind != ProblemKind::kAbsent) {
    problems.push_back(result.error());
  }
}

// Names of the `<name>.json` files in a per-resource folder such as GetTrailStatus/, sorted.
std::vector<std::string> json_stems(const std::filesystem::path& folder) {
  std::vector<std::string> stems;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      stems.push_back(entry.path().stem().string());
    }
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

template <typename T, typename Reader>
void read_each(const Location& region, const std::string& folder, std::map<std::string, Result<T>>& out,
               Reader reader, std::vector<Problem>& problems) {
  for (const auto& stem : json_stems(region.path(folder))) {
    auto value = reader(region, stem);
    note(value, problems);
    out.emplace(stem, std::move(value));
  }
}

} // namespace

model::Region load_region(const Location& region, const std::string& name, std::vector<Problem>& problems) {
  model::Region result;
  result.name = name;
  result.trails = read_describe_trails(region);
  note(result.trails, problems);
  read_each(region, "cloudtrail/GetTrailStatus", result.trail_status, read_get_trail_status, problems);
  read_each(region, "cloudtrail/GetEventSelectors", result.event_selectors, read_get_event_selectors,
            problems);
  result.metric_filters = read_describe_metric_filters(region);
  note(result.metric_filters, problems);
  result.alarms = read_describe_alarms(region);
  note(result.alarms, problems);
  read_each(region, "sns/ListSubscriptionsByTopic", result.subscriptions, read_list_subscriptions_by_topic,
            problems);
  result.detector_ids = read_list_detectors(region);
  note(result.detector_ids, problems);
  read_each(region, "guardduty/GetDetector", result.detectors, read_get_detector, problems);
  result.guardduty_findings = read_get_findings(region);
  note(result.guardduty_findings, problems);
  return result;
}

} // namespace rg::snapshot
