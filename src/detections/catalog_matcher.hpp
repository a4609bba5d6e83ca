#pragma once
// The catalog as an EventMatcher, indexed by eventName (Falco's idea): each record meets only the
// detections that name its eventName, plus the few that look at every event.
#include "detections/detection.hpp"
#include "trail/scanner.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace rg::detections {

class CatalogMatcher final : public trail::EventMatcher {
public:
  CatalogMatcher(); // the whole catalog
  explicit CatalogMatcher(std::span<const Detection* const> detections);

  void match(const trail::EventView& event, std::vector<std::string_view>& ids) const override;

private:
  std::vector<const Detection*> every_event_;
  std::unordered_map<std::string_view, std::vector<const Detection*>> by_event_name_;
};

} // namespace rg::detections
