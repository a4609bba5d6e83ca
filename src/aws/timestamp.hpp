#pragma once
// Timestamps as the services send them (ISO 8601 in XML and rest bodies, epoch seconds with a fraction
// in JSON 1.1, RFC 822 in headers) and as rootguard writes them: the AWS CLI v2's default
// (cli_timestamp_format iso8601), "2026-11-28T09:00:00+00:00" or "...T09:00:00.123000+00:00". The
// snapshot readers accept both this and what the CLI v1 prints.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rg::aws {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;

std::optional<Instant> parse_wire_timestamp(const nlohmann::json& value);

std::string format_cli_timestamp(Instant instant);

// "2026-11-28T09:00:00Z": what botocore sends in query parameters, URIs and headers.
std::string format_wire_timestamp(Instant instant);

// Epoch seconds (with a fraction when there is one): what JSON protocols expect on input.
double epoch_seconds(Instant instant);

} // namespace rg::aws
