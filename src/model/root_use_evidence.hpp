#pragma once
// The most recent root use per account as CloudTrail recorded it: what root-recent-use quotes when a
// trail scan ran alongside the snapshot (snapshot cloudtrail/ folder or --cloudtrail).
#include "util/time.hpp"

#include <map>
#include <string>

namespace rg::model {

struct RootUseEvidence {
  TimePoint time{};
  std::string event_name;
  std::string event_id;
  std::string source_ip;
  bool assumed_root = false;
};

struct TrailEvidence {
  size_t files = 0;                                // CloudTrail files read
  std::map<std::string, RootUseEvidence> last_use; // by account id; accounts without root use are absent
};

} // namespace rg::model
