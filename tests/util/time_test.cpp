#include "util/time.hpp"

#include <gtest/gtest.h>

namespace rg {
namespace {

TEST(ParseIso8601, AcceptsTheFormsAwsWrites) {
  const auto zulu = parse_iso8601("2026-11-28T09:00:00Z");
  ASSERT_TRUE(zulu);
  EXPECT_EQ(format_iso8601(*zulu), "2026-11-28T09:00:00Z");
  EXPECT_EQ(parse_iso8601("2026-11-28T09:00:00+00:00"), zulu);
  EXPECT_EQ(parse_iso8601("2026-11-28T18:00:00+09:00"), zulu);
  EXPECT_EQ(parse_iso8601("2026-11-28T09:00:00.123Z"), zulu);
  EXPECT_EQ(parse_iso8601("2026-11-28T09:00Z"), zulu);
  EXPECT_TRUE(parse_iso8601("2026-11-28"));
}

TEST(ParseIso8601, RejectsSentinelsAndGarbage) {
  for (const char* text :
       {"", "N/A", "no_information", "not_supported", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-11-28T25:00:00Z", "2026-11-28T09:00:00+0900", "2026-11-28T09:00:00Zjunk"}) {
    EXPECT_FALSE(parse_iso8601(text)) << text;
  }
}

// Found by fuzz/iso8601_fuzz (tests/corpus/iso8601): what parses must print as text that parses back.
TEST(ParseIso8601, RejectsZonesAndTimesOutOfTheirRange) {
  for (const char* text :
       {"2026-11-28T09:00:00+99:99", "2026-11-28T09:00:00-24:00", "2026-11-28T09:00:00+09:60",
        "9999-12-31T23:59:59-23:59", "9999-12-31T23:59:60Z", "0000-01-01T00:00:00+00:01"}) {
    EXPECT_FALSE(parse_iso8601(text)) << text;
  }
  for (const char* text : {"9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "0000-01-01T00:00:00-23:59"}) {
    const auto time = parse_iso8601(text);
    ASSERT_TRUE(time) << text;
    EXPECT_EQ(parse_iso8601(format_iso8601(*time)), time) << text;
  }
}

TEST(DaysBetween, RoundsDown) {
  const auto a = *parse_iso8601("2026-11-01T10:00:00Z");
  const auto b = *parse_iso8601("2026-11-02T09:59:59Z");
  EXPECT_EQ(days_between(a, b), 0);
  EXPECT_EQ(days_between(a, *parse_iso8601("2026-11-02T10:00:00Z")), 1);
  EXPECT_EQ(days_between(b, a), -1);
}

} // namespace
} // namespace rg
