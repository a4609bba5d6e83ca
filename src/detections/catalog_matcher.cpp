#include "detections/catalog_matcher.hpp"

#include "detections/catalog.hpp"

namespace rg::detections {

CatalogMatcher::CatalogMatcher() : CatalogMatcher(catalog()) {}

CatalogMatcher::CatalogMatcher(std::span<const Detection* const> detections) {
  for (const Detection* detection : detections) {
    if (detection->event_names.empty()) {
      every_event_.push_back(detection);
      continue;
    }
    for (const std::string_view name : detection->event_names) {
      by_event_name_[name].push_back(detection);
    }
  }
}

void CatalogMatcher::match(const trail::EventView& event, std::vector<std::string_view>& ids) const {
  for (const Detection* detection : every_event_) {
    if (detection->match(event)) {
      ids.push_back(detection->metadata.id);
    }
  }
  if (by_event_name_.empty() || event.event_name.empty()) {
    return;
  }
  const auto it = by_event_name_.find(event.event_name);
  if (it == by_event_name_.end()) {
    return;
  }
  for (const Detection* detection : it->second) {
    if (detection->match(event)) {
      ids.push_back(detection->metadata.id);
    }
  }
}

} // namespace rg::detections
