#include "detections/catalog_matcher.hpp"

#include "detections/catalog.hpp"
#include "detections/root_predicates.hpp"

#include <algorithm>

namespace rg::detections {
namespace {

std::size_t bucket(std::string_view name) {
  return std::min<std::size_t>(name.size(), 63);
}

} // namespace

CatalogMatcher::CatalogMatcher() : CatalogMatcher(catalog()) {}

CatalogMatcher::CatalogMatcher(std::span<const Detection* const> detections) {
  for (const Detection* detection : detections) {
    if (detection->event_names.empty()) {
      every_event_.push_back(detection);
      continue;
    }
    for (const std::string_view name : detection->event_names) {
      auto& entries = by_length_[bucket(name)];
      auto it = std::find_if(entries.begin(), entries.end(),
                             [&](const NamedDetections& entry) { return entry.event_name == name; });
      if (it == entries.end()) {
        entries.push_back({name, {}});
        it = entries.end() - 1;
      }
      it->detections.push_back(detection);
    }
  }
}

const std::vector<const Detection*>* CatalogMatcher::detections_for(std::string_view event_name) const {
  for (const NamedDetections& entry : by_length_[bucket(event_name)]) {
    if (entry.event_name == event_name) {
      return &entry.detections;
    }
  }
  return nullptr;
}

bool CatalogMatcher::may_match(const trail::EventView& partial) const {
  // Every detection that looks at all events requires a root identity; the others are found by name.
  return is_root(partial) || detections_for(partial.event_name) != nullptr;
}

void CatalogMatcher::match(const trail::EventView& event, std::vector<std::string_view>& ids) const {
  for (const Detection* detection : every_event_) {
    if (detection->match(event)) {
      ids.push_back(detection->metadata.id);
    }
  }
  if (const auto* named = detections_for(event.event_name)) {
    for (const Detection* detection : *named) {
      if (detection->match(event)) {
        ids.push_back(detection->metadata.id);
      }
    }
  }
}

} // namespace rg::detections
