#include "trail/digest/root_periods.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rg::trail::digest {
namespace {

class RootTimes {
public:
  explicit RootTimes(const MatchedEvents& events) {
    for (const auto& event : events) {
      if (event.time_known) {
        by_account_[std::string(event.account_id)].push_back(event.time);
      }
    }
    for (auto& [account, times] : by_account_) {
      std::sort(times.begin(), times.end());
    }
  }

  // Events of `account` in [from - margin, to + margin]; a missing end stands for the other one.
  std::size_t count(const std::string& account, std::optional<TimePoint> from,
                    std::optional<TimePoint> to) const {
    if (!from && !to) {
      return 0;
    }
    const auto it = by_account_.find(account);
    if (it == by_account_.end()) {
      return 0;
    }
    const TimePoint low = (from ? *from : *to) - kRootPeriodMargin;
    const TimePoint high = (to ? *to : *from) + kRootPeriodMargin;
    const auto& times = it->second;
    return static_cast<std::size_t>(std::upper_bound(times.begin(), times.end(), high) -
                                    std::lower_bound(times.begin(), times.end(), low));
  }

private:
  std::map<std::string, std::vector<TimePoint>> by_account_;
};

} // namespace

void mark_root_periods(IntegrityResult& result, const MatchedEvents& events) {
  const RootTimes root(events);
  std::size_t marked = 0;
  for (auto& digest : result.digests) {
    if (is_failure(digest.status)) {
      digest.root_events = root.count(digest.account_id, digest.start, digest.end);
      marked += digest.root_events > 0 ? 1 : 0;
    }
  }
  for (auto& log : result.logs) {
    if (is_failure(log.status)) {
      const bool times = log.oldest_event || log.newest_event;
      log.root_events = root.count(log.account_id, times ? log.oldest_event : log.digest_start,
                                   times ? log.newest_event : log.digest_end);
      marked += log.root_events > 0 ? 1 : 0;
    }
  }
  for (auto& gap : result.gaps) {
    gap.root_events = root.count(gap.account_id, gap.from, gap.to);
    marked += gap.root_events > 0 ? 1 : 0;
  }
  result.summary.failures_in_root_periods = marked;
}

} // namespace rg::trail::digest
