#include "aws/timestamp.hpp"

#include <cmath>
#include <cstdio>
#include <fmt/chrono.h>
#include <fmt/format.h>

namespace rg::aws {

namespace {

using std::chrono::microseconds;

std::optional<Instant> from_epoch(double seconds) {
  if (!std::isfinite(seconds) || std::fabs(seconds) > 1e13) {
    return std::nullopt;
  }
  return Instant(microseconds(static_cast<std::int64_t>(std::llround(seconds * 1e6))));
}

bool digits(std::string_view text, size_t at, size_t count, int& out) {
  if (at + count > text.size()) {
    return false;
  }
  out = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// YYYY-MM-DDTHH:MM:SS[.f+](Z|+hh:mm|-hh:mm|+hhmm)
std::optional<Instant> from_iso8601(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
      !digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  size_t at = 19;
  std::int64_t micros = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    std::int64_t scale = 100000;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      micros += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at] == '-' ? -1 : 1;
    int oh = 0;
    int om = 0;
    if (!digits(text, at + 1, 2, oh)) {
      return std::nullopt;
    }
    size_t next = at + 3;
    if (next < text.size() && text[next] == ':') {
      ++next;
    }
    if (!digits(text, next, 2, om)) {
      return std::nullopt;
    }
    offset_minutes = sign * (oh * 60 + om);
    at = next + 2;
  }
  if (at != text.size()) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  return Instant(std::chrono::sys_days(date)) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second) + microseconds(micros) - std::chrono::minutes(offset_minutes);
}

} // namespace

std::optional<Instant> parse_wire_timestamp(const nlohmann::json& value) {
  if (value.is_number()) {
    return from_epoch(value.get<double>());
  }
  if (!value.is_string()) {
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (auto iso = from_iso8601(text)) {
    return iso;
  }
  // Epoch seconds sent as a string (some query answers) parse as a number.
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (end != text.c_str() && *end == '\0') {
    return from_epoch(seconds);
  }
  return std::nullopt;
}

std::string format_cli_timestamp(Instant instant) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(instant);
  const auto micros = (instant - seconds).count();
  if (micros == 0) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}+00:00", seconds);
  }
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:06d}+00:00", seconds, micros);
}

std::string format_wire_timestamp(Instant instant) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", std::chrono::floor<std::chrono::seconds>(instant));
}

double epoch_seconds(Instant instant) {
  return static_cast<double>(instant.time_since_epoch().count()) / 1e6;
}

} // namespace rg::aws
