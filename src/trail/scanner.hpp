#pragma once
// The parallel scan: discovery, then worker threads pulling files from a shared index, each with its own
// FileScanner, filters and matches; results merged and sorted at the end, so the output never depends on
// thread timing. Which events matter is the matcher's business (src/detections/ provides it).
#include "trail/event_view.hpp"
#include "trail/scan_options.hpp"
#include "trail/scan_result.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace rg::trail {

class EventMatcher {
public:
  virtual ~EventMatcher() = default;
  // Appends the ids of the rules `event` matches (ids must outlive the scan: static catalog strings).
  virtual void match(const EventView& event, std::vector<std::string_view>& ids) const = 0;
  // A cheap first look with only userIdentity and eventName read: false means no rule can match, and the
  // rest of the record is never decoded. Must not return false for a record match() would accept.
  virtual bool may_match(const EventView& /*partial*/) const { return true; }
};

TrailScanResult scan_files(const TrailScanOptions& options, const EventMatcher& matcher);

// Copies the evidence out of the parser's buffers into `pool`; sorts and dedups `ids` in place. `time` is
// event.event_time as the caller already parsed it (nullopt: not ISO 8601).
StoredEvent store_event(const EventView& event, std::vector<std::string_view>& ids,
                        const std::optional<TimePoint>& time, EvidencePool::Handle file, EvidencePool& pool);

} // namespace rg::trail
