#include "util/time.hpp"

#include <gtest/gtest.h>
#include <limits>

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

// Both AWS CLI generations: v2 prints ISO 8601 with an offset, v1 prints what the service sent (Z
// text for query services, epoch seconds for JSON-protocol ones).
TEST(ParseAwsTimestamp, IsoTextWithAnyOffsetAndFraction) {
  const auto expected = parse_iso8601("2026-01-01T18:04:05Z");
  ASSERT_TRUE(expected);
  EXPECT_EQ(parse_aws_timestamp("2026-01-02T03:04:05+09:00"), expected);
  EXPECT_EQ(parse_aws_timestamp("2026-01-01T18:04:05Z"), expected);
  EXPECT_EQ(parse_aws_timestamp("2026-01-01T18:04:05+00:00"), expected);
  EXPECT_EQ(parse_aws_timestamp("2026-01-01T18:04:05.999999Z"), expected);
  EXPECT_EQ(parse_aws_timestamp("2026-01-01T13:04:05.5-05:00"), expected);
  EXPECT_FALSE(parse_aws_timestamp("1767225600")); // digits as text are not a time: no silent 1970
  EXPECT_FALSE(parse_aws_timestamp("yesterday"));
}

TEST(ParseAwsTimestamp, EpochSecondsWholeAndFractional) {
  const auto new_year = parse_iso8601("2026-01-01T00:00:00Z");
  ASSERT_TRUE(new_year);
  EXPECT_EQ(parse_aws_timestamp(1767225600.0), new_year);
  EXPECT_EQ(parse_aws_timestamp(1767225600.75), new_year); // fractions are dropped
  EXPECT_EQ(parse_aws_timestamp(0.0), TimePoint{});
  EXPECT_EQ(format_iso8601(*parse_aws_timestamp(-0.5)), "1969-12-31T23:59:59Z"); // rounded down
}

TEST(ParseAwsTimestamp, EpochSecondsOutOfRangeAreNotTimes) {
  for (const double seconds :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), 1e300, -1e300, 253402300800.0, -62167219201.0}) {
    EXPECT_FALSE(parse_aws_timestamp(seconds)) << seconds;
  }
  const auto last = parse_aws_timestamp(253402300799.9);
  ASSERT_TRUE(last);
  EXPECT_EQ(format_iso8601(*last), "9999-12-31T23:59:59Z");
  const auto first = parse_aws_timestamp(-62167219200.0);
  ASSERT_TRUE(first);
  EXPECT_EQ(format_iso8601(*first), "0000-01-01T00:00:00Z");
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
