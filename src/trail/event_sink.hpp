#pragma once
// Receives each record a reader decodes; the reader knows nothing of filters or detections.
#include "trail/event_view.hpp"

namespace rg::trail {

class EventSink {
public:
  virtual ~EventSink() = default;
  virtual void on_event(const EventView& event) = 0;
};

} // namespace rg::trail
