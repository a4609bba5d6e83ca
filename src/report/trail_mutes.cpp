// Lookups into a trail report's mutes (kept sorted by the pipeline that fills them).
#include "report/trail_report.hpp"

#include <algorithm>
#include <tuple>

namespace rg::report {

std::shared_ptr<const Mute> TrailReport::muted(std::size_t event, std::string_view detection) const {
  const auto found = std::lower_bound(
      mutes.begin(), mutes.end(), std::tie(event, detection),
      [](const TrailMute& mute, const auto& key) { return std::tie(mute.event, mute.detection) < key; });
  if (found == mutes.end() || found->event != event || found->detection != detection) {
    return nullptr;
  }
  return found->mute;
}

std::size_t unmuted_findings(const TrailReport& report) {
  std::size_t findings = 0;
  for (const auto& stored : report.result.events.stored) {
    findings += report.result.events.view(stored).detections.size();
  }
  return findings - std::min(findings, report.mutes.size());
}

} // namespace rg::report
