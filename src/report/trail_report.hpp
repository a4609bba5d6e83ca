#pragma once
// The `rootguard trail` report: what was scanned, every matched event once, per-account summaries, and
// every file that could not be read. Formatters are pure functions of it, like render_json/render_table.
#include "report/report.hpp"
#include "trail/digest/integrity_result.hpp"
#include "trail/scan_result.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::report {

struct TrailRunInfo {
  std::string tool_version;
  std::vector<std::string> paths;
  std::optional<TimePoint> since;
  std::optional<TimePoint> until;
  std::vector<std::string> accounts;
  std::vector<std::string> regions;
};

// One muted finding of a trail run: an event and one of its detections. Only muted pairs are kept, so a
// million unmuted events cost nothing.
struct TrailMute {
  std::size_t event = 0;      // index into result.events
  std::string_view detection; // a static catalog id
  std::shared_ptr<const Mute> mute;
};

struct TrailReport {
  TrailRunInfo run;
  trail::TrailScanResult result;
  std::vector<TrailMute> mutes;           // sorted by event, then detection
  std::optional<MutelistReview> mutelist; // set when the run was given --mutelist

  // The entry that muted this event's detection, or null.
  std::shared_ptr<const Mute> muted(std::size_t event, std::string_view detection) const;
  std::optional<trail::digest::IntegrityResult> integrity; // with --verify-digests
};

// Findings of the run (one per event and detection) that no mutelist entry muted: what exit code 3 counts.
std::size_t unmuted_findings(const TrailReport& report);

std::string render_trail_json(const TrailReport& report, const RenderOptions& options);
// The same document written in pieces: a million events are never one string in memory.
void write_trail_json(const TrailReport& report, const RenderOptions& options, const TextSink& out);
std::string render_trail_table(const TrailReport& report, const RenderOptions& options);

// "root-activity-cis" among the event's detections: the CIS / CloudWatch.1 alarm would have fired.
bool cis_alarm_would_fire(const trail::MatchedEvent& event);

} // namespace rg::report
