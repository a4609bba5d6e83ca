#pragma once
// Timestamps as AWS writes them: ISO 8601 (2026-11-28T09:00:00Z, ...+00:00, with optional fractions)
// and, from the AWS CLI v1 for JSON-protocol services, seconds since the epoch.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rg {

using TimePoint = std::chrono::sys_seconds;

// Parses YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm); also the date alone (midnight UTC).
std::optional<TimePoint> parse_iso8601(std::string_view text);

// A timestamp field of an AWS CLI response, in either form the two CLI generations print: a JSON string
// is ISO 8601 with any offset (v2 always, v1 for query/XML services), a JSON number is seconds since
// the epoch, possibly fractional (v1 and botocore for JSON-protocol services: "CreateDate":
// 1767225600.0). Readers route every timestamp through one of these two so both generations read alike.
// nullopt when the value is not a time, or not one format_iso8601 can print (before year 0 or after
// 9999): the caller reports it, never a silent 1970. Fractions of a second are dropped (rounded down).
std::optional<TimePoint> parse_aws_timestamp(std::string_view iso8601_text);
std::optional<TimePoint> parse_aws_timestamp(double epoch_seconds);

// 2026-11-28T09:00:00Z
std::string format_iso8601(TimePoint time);

// Whole days from `earlier` to `later`, rounded down (negative when `earlier` is in the future).
long days_between(TimePoint earlier, TimePoint later);

} // namespace rg
