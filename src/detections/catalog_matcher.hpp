#pragma once
// The catalog as an EventMatcher, indexed by eventName (Falco's idea): each record meets only the
// detections that name its eventName, plus the few that look at every event.
#include "detections/detection.hpp"
#include "trail/scanner.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace rg::detections {

class CatalogMatcher final : public trail::EventMatcher {
public:
  CatalogMatcher(); // the whole catalog
  explicit CatalogMatcher(std::span<const Detection* const> detections);

  bool may_match(const trail::EventView& partial) const override;
  void match(const trail::EventView& event, std::vector<std::string_view>& ids) const override;

private:
  struct NamedDetections {
    std::string_view event_name;
    std::vector<const Detection*> detections;
  };
  const std::vector<const Detection*>* detections_for(std::string_view event_name) const;

  std::vector<const Detection*> every_event_;
  // Buckets by name length: a dozen names, so a length check and a compare or two beat hashing every
  // one of millions of event names.
  std::array<std::vector<NamedDetections>, 64> by_length_;
};

} // namespace rg::detections
