#pragma once
// Per-account views of a trail scan: the terminal summary (first and last use, counts by detection, where
// from) and the most recent root use that the root-recent-use posture control quotes.
#include "trail/scan_result.hpp"
#include "util/time.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::detections {

// Views into the scan result: valid while it lives.
struct AccountActivity {
  std::string_view account_id;
  std::optional<TimePoint> first_use; // root use only (see counts_as_root_use)
  std::optional<TimePoint> last_use;
  std::size_t events = 0;                               // matched events in this account
  std::map<std::string_view, std::size_t> by_detection; // detection id -> events
  std::map<std::string_view, std::size_t> source_ips;
  std::map<std::string_view, std::size_t> user_agents;
  std::map<std::string_view, std::size_t> regions;
  std::vector<trail::MatchedEvent> recent; // most recent first, at most the limit asked for
};

// Sorted by account id; `recent_limit` caps `recent`.
std::vector<AccountActivity> summarize_accounts(const trail::TrailScanResult& result,
                                                std::size_t recent_limit = 10);

// Someone held root's credentials (or a root session) and used them: root identity, not a failed sign-in.
// AssumeRoot itself is the management account's call, not root use in the member.
bool counts_as_root_use(const trail::MatchedEvent& event);

struct RootUse {
  std::string account_id;
  TimePoint time{};
  std::string event_time;
  std::string event_name;
  std::string event_id;
  std::string source_ip;
  bool assumed_root = false; // in an sts:AssumeRoot session rather than with root's own credentials
};

// The latest root use per account, sorted by account id.
std::vector<RootUse> most_recent_root_use(const trail::TrailScanResult& result);

} // namespace rg::detections
