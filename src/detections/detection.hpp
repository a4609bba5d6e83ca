#pragma once
// A detection: what it is (metadata, in both languages), which event names it cares about (the index key;
// empty means every event) and one predicate over an EventView. Each lives in its own file as constinit data.
#include "findings/rule.hpp"
#include "trail/event_view.hpp"

#include <span>
#include <string_view>

namespace rg::detections {

using MatchFunction = bool (*)(const trail::EventView& event);

struct Detection {
  const RuleMetadata& metadata;
  std::span<const std::string_view> event_names; // empty: offered every event
  MatchFunction match;
};

} // namespace rg::detections
