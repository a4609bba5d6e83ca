#include "util/time.hpp"

#include <cmath>
#include <cstdint>
#include <fmt/format.h>

namespace rg {
namespace {

bool read_digits(std::string_view text, size_t pos, size_t count, int& out) {
  if (pos + count > text.size()) {
    return false;
  }
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return false;
    }
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

// format_iso8601 writes four-digit years: an offset or leap second that carries 9999-12-31 into year
// 10000 (or 0000-01-01 back before year 0) would print as text no reader accepts, so it is not a time.
std::optional<TimePoint> in_printable_range(TimePoint time) {
  using namespace std::chrono;
  constexpr sys_days kFirst{year{0} / January / 1};
  constexpr sys_days kAfterLast{year{10000} / January / 1};
  if (time < kFirst || time >= kAfterLast) {
    return std::nullopt;
  }
  return time;
}

} // namespace

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  using namespace std::chrono;
  int year = 0;
  int month = 0;
  int day = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  TimePoint result{sys_days{date}};
  if (text.size() == 10) {
    return result;
  }
  int hour = 0;
  int minute = 0;
  int second = 0;
  if ((text[10] != 'T' && text[10] != ' ') || !read_digits(text, 11, 2, hour) || text.size() < 16 ||
      text[13] != ':' || !read_digits(text, 14, 2, minute)) {
    return std::nullopt;
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_digits(text, 17, 2, second)) {
      return std::nullopt;
    }
    pos = 19;
  }
  if (hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      ++pos;
    }
    if (pos == start) {
      return std::nullopt;
    }
  }
  result += hours{hour} + minutes{minute} + seconds{second};
  if (pos == text.size()) {
    return in_printable_range(result); // no zone: AWS timestamps without one are UTC
  }
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    return in_printable_range(result);
  }
  if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
    int zone_hours = 0;
    int zone_minutes = 0;
    if (!read_digits(text, pos + 1, 2, zone_hours) || !read_digits(text, pos + 4, 2, zone_minutes)) {
      return std::nullopt;
    }
    if (zone_hours > 23 || zone_minutes > 59) {
      return std::nullopt;
    }
    const auto offset = hours{zone_hours} + minutes{zone_minutes};
    return in_printable_range(text[pos] == '+' ? result - offset : result + offset);
  }
  return std::nullopt;
}

std::optional<TimePoint> parse_aws_timestamp(std::string_view iso8601_text) {
  return parse_iso8601(iso8601_text);
}

std::optional<TimePoint> parse_aws_timestamp(double epoch_seconds) {
  // Range-checked as a double first: casting 1e300 (or NaN) to an integer is undefined behaviour.
  constexpr double kFirst = -62'167'219'200.0;     // 0000-01-01T00:00:00Z
  constexpr double kAfterLast = 253'402'300'800.0; // 10000-01-01T00:00:00Z
  if (!std::isfinite(epoch_seconds) || epoch_seconds < kFirst || epoch_seconds >= kAfterLast) {
    return std::nullopt;
  }
  const auto whole = static_cast<std::int64_t>(std::floor(epoch_seconds));
  return in_printable_range(TimePoint{std::chrono::seconds{whole}});
}

std::string format_iso8601(TimePoint time) {
  using namespace std::chrono;
  const auto day_point = floor<days>(time);
  const year_month_day date{day_point};
  const hh_mm_ss clock{time - day_point};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

long days_between(TimePoint earlier, TimePoint later) {
  return static_cast<long>(std::chrono::floor<std::chrono::days>(later - earlier).count());
}

} // namespace rg
