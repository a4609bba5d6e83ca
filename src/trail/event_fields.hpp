#pragma once
// Fills an EventView from one record object, reading each field once in document order. Fields whose
// type is not the expected one (requestParameters as a string or null, say) are skipped, not errors.
#include "trail/event_sink.hpp"
#include "trail/event_view.hpp"

#include <simdjson.h>

namespace rg::trail {

// `wanted` turns false when the sink declined the record part-way (see EventSink::wants).
simdjson::error_code read_event_fields(simdjson::ondemand::object record, EventView& event, EventSink& sink,
                                       bool& wanted);

} // namespace rg::trail
