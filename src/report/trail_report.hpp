#pragma once
// The `rootguard trail` report: what was scanned, every matched event once, per-account summaries, and
// every file that could not be read. Formatters are pure functions of it, like render_json/render_table.
#include "report/report.hpp"
#include "trail/digest/integrity_result.hpp"
#include "trail/scan_result.hpp"

#include <functional>
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

struct TrailReport {
  TrailRunInfo run;
  trail::TrailScanResult result;
  std::optional<trail::digest::IntegrityResult> integrity; // with --verify-digests
};

std::string render_trail_json(const TrailReport& report, const RenderOptions& options);
// The same document written in pieces: a million events are never one string in memory.
using TextSink = std::function<void(std::string_view)>;
void write_trail_json(const TrailReport& report, const RenderOptions& options, const TextSink& out);
std::string render_trail_table(const TrailReport& report, const RenderOptions& options);

// "root-activity-cis" among the event's detections: the CIS / CloudWatch.1 alarm would have fired.
bool cis_alarm_would_fire(const trail::MatchedEvent& event);

} // namespace rg::report
