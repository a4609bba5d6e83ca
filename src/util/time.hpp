#pragma once
// ISO 8601 timestamps as AWS writes them: 2026-11-28T09:00:00Z, ...+00:00, with optional fractions.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rg {

using TimePoint = std::chrono::sys_seconds;

// Parses YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm); also the date alone (midnight UTC).
std::optional<TimePoint> parse_iso8601(std::string_view text);

// 2026-11-28T09:00:00Z
std::string format_iso8601(TimePoint time);

// Whole days from `earlier` to `later`, rounded down (negative when `earlier` is in the future).
long days_between(TimePoint earlier, TimePoint later);

} // namespace rg
