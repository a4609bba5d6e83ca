#pragma once
// Ties integrity failures to root activity: a log changed or gone, or a chain broken, in the hours the
// root user was active is what an incident responder must hear first.
#include "trail/digest/integrity_result.hpp"
#include "trail/scan_result.hpp"

#include <chrono>

namespace rg::trail::digest {

// Events are delivered up to ~15 minutes late and digests cover an hour: an hour either side of a window.
inline constexpr std::chrono::hours kRootPeriodMargin{1};

// Sets root_events on every failed digest, log and gap (events of its account within its window, widened
// by the margin) and summary.failures_in_root_periods.
void mark_root_periods(IntegrityResult& result, const MatchedEvents& events);

} // namespace rg::trail::digest
