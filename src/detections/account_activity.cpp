#include "detections/account_activity.hpp"

#include <algorithm>
#include <deque>

namespace rg::detections {

bool counts_as_root_use(const trail::MatchedEvent& event) {
  return event.user_type == "Root" && event.console_login != "Failure";
}

std::vector<AccountActivity> summarize_accounts(const trail::TrailScanResult& result,
                                                std::size_t recent_limit) {
  std::map<std::string_view, AccountActivity> accounts;
  std::map<std::string_view, std::deque<trail::MatchedEvent>> newest; // the last `recent_limit` seen
  for (const trail::MatchedEvent event : result.events) {
    AccountActivity& activity = accounts[event.account_id];
    activity.account_id = event.account_id;
    ++activity.events;
    for (const std::string_view id : event.detections) {
      ++activity.by_detection[id];
    }
    if (!event.source_ip.empty()) {
      ++activity.source_ips[event.source_ip];
    }
    if (!event.user_agent.empty()) {
      ++activity.user_agents[event.user_agent];
    }
    if (!event.region.empty()) {
      ++activity.regions[event.region];
    }
    if (counts_as_root_use(event) && event.time_known) { // an unknown time is no first or last use
      if (!activity.first_use || event.time < *activity.first_use) {
        activity.first_use = event.time;
      }
      if (!activity.last_use || event.time > *activity.last_use) {
        activity.last_use = event.time;
      }
    }
    // Bounded while counting: a million matches in one account keep ten views, not a million.
    auto& kept = newest[event.account_id];
    kept.push_back(event);
    if (kept.size() > recent_limit) {
      kept.pop_front();
    }
  }
  std::vector<AccountActivity> out;
  out.reserve(accounts.size());
  for (auto& [id, activity] : accounts) {
    // Events arrive sorted oldest first; the newest first here.
    const auto& kept = newest[id];
    activity.recent.assign(kept.rbegin(), kept.rend());
    out.push_back(std::move(activity));
  }
  return out;
}

std::vector<RootUse> most_recent_root_use(const trail::TrailScanResult& result) {
  std::map<std::string, RootUse> latest;
  for (const trail::MatchedEvent event : result.events) {
    if (!counts_as_root_use(event) || !event.time_known) {
      continue; // an unknown time is not "recent" (it is reported as a problem of the trail scan)
    }
    auto [it, inserted] = latest.try_emplace(std::string(event.account_id));
    if (inserted || event.time >= it->second.time) {
      it->second = RootUse{std::string(event.account_id),
                           event.time,
                           std::string(event.event_time),
                           std::string(event.event_name),
                           std::string(event.event_id),
                           std::string(event.source_ip),
                           event.assumed_root};
    }
  }
  std::vector<RootUse> out;
  out.reserve(latest.size());
  for (auto& [id, use] : latest) {
    out.push_back(std::move(use));
  }
  return out;
}

} // namespace rg::detections
