#pragma once
// Receives each record a reader decodes; the reader knows nothing of filters or detections.
#include "trail/event_view.hpp"

namespace rg::trail {

class EventSink {
public:
  virtual ~EventSink() = default;
  // Asked once per record as soon as userIdentity and eventName are known (they come first in CloudTrail):
  // false skips the rest of the record unread, which is most of the work for the 99% of events that
  // cannot matter.
  virtual bool wants(const EventView& /*partial*/) { return true; }
  virtual void on_event(const EventView& event) = 0;
  // The reader may take back what it delivered (decision 0013): a damaged file, or a damaged batch of
  // records, is read again record by record, and rewind() forgets every event received since the last
  // checkpoint().
  virtual void checkpoint() {}
  virtual void rewind() {}
};

} // namespace rg::trail
