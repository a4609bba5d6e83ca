#include "snapshot/load_region.hpp"

#include "util/files.hpp"

#include <algorithm>

namespace rg::snapshot {
namespace {

template <typename T> void note(const Result<T>& result, std::vector<Problem>& problems) {
  if (!result && result.error().kind != ProblemKind::kAbsent) {
    problems.push_back(result.error());
  }
}

// Names of the `<name>.json` files in a per-resource folder such as GetTrailStatus/, sorted. A folder
// that exists but cannot be listed is a problem: its files must not silently read as "not collected".
std::vector<std::string> json_stems(const Location& region, const std::string& folder,
                                    std::vector<Problem>& problems) {
  std::vector<std::string> stems;
  auto entries = list_folder(region.path(folder));
  if (!entries) {
    if (entries.error().kind != ProblemKind::kAbsent) {
      auto problem = entries.error();
      problem.file = region.name(folder) + "/";
      problems.push_back(std::move(problem));
    }
    return stems;
  }
  for (const auto& entry : *entries) {
    if (!entry.name.ends_with(".json")) {
      continue;
    }
    if (!entry.is_regular_file) {
      problems.push_back(Problem{ProblemKind::kUnreadable, region.name(folder + "/" + entry.name), "",
                                 "not a regular file (a folder, FIFO, device or broken link); not read"});
      continue;
    }
    stems.push_back(entry.name.substr(0, entry.name.size() - 5));
  }
  return stems;
}

template <typename T, typename Reader>
void read_each(const Location& region, const std::string& folder, std::map<std::string, Result<T>>& out,
               Reader reader, std::vector<Problem>& problems) {
  for (const auto& stem : json_stems(region, folder, problems)) {
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
