#include "trail/discovery.hpp"
#include "trail/key_layout.hpp"

#include <gtest/gtest.h>

namespace rg::trail {
namespace {

using namespace std::chrono;

TEST(KeyLayout, ReadsAccountRegionAndDate) {
  const KeyInfo key = parse_key("/data/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/28/"
                                "111122223333_CloudTrail_eu-west-1_20261128T0905Z_abcdefgh12345678.json.gz");
  EXPECT_EQ(key.kind, ObjectKind::kLog);
  EXPECT_EQ(key.account_id, "111122223333");
  EXPECT_EQ(key.region, "eu-west-1");
  ASSERT_TRUE(key.date);
  EXPECT_EQ(*key.date, year_month_day{year{2026} / 11 / 28});
  EXPECT_TRUE(key.organization_id.empty());
}

TEST(KeyLayout, ReadsOrganizationTrails) {
  const KeyInfo key =
      parse_key("bucket/AWSLogs/o-abc123def4/444455556666/CloudTrail/ap-northeast-1/2025/01/02/x.json.gz");
  EXPECT_EQ(key.organization_id, "o-abc123def4");
  EXPECT_EQ(key.account_id, "444455556666");
  EXPECT_EQ(key.region, "ap-northeast-1");
  ASSERT_TRUE(key.date);
}

TEST(KeyLayout, RecognisesDigestAndInsight) {
  EXPECT_EQ(parse_key("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/28/d.json.gz").kind,
            ObjectKind::kDigest);
  EXPECT_EQ(parse_key("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/11/28/i.json.gz").kind,
            ObjectKind::kInsight);
  EXPECT_EQ(
      parse_key("loose/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20261128T0000Z.json.gz").kind,
      ObjectKind::kDigest);
}

TEST(KeyLayout, PathsOutsideTheLayoutHaveNoKey) {
  const KeyInfo key = parse_key("downloads/events.json");
  EXPECT_EQ(key.kind, ObjectKind::kLog);
  EXPECT_TRUE(key.account_id.empty());
  EXPECT_FALSE(key.date);
  EXPECT_FALSE(parse_key("AWSLogs/notanaccount/CloudTrail/us-east-1/2026/11/28/x.json").date);
  EXPECT_FALSE(parse_key("AWSLogs/111122223333/CloudTrail/us-east-1/2026/13/28/x.json").date);
}

TEST(KeyLayout, SinceUntilPruneWithOneDayOfSlack) {
  TrailScanOptions options;
  options.since = *parse_iso8601("2026-11-10T12:00:00Z");
  options.until = *parse_iso8601("2026-11-20T12:00:00Z");
  const auto on = [](int d) {
    KeyInfo key;
    key.date = year_month_day{year{2026} / 11 / d};
    return key;
  };
  EXPECT_FALSE(key_in_scope(on(8), options));
  EXPECT_TRUE(key_in_scope(on(9), options)); // a day of slack before since
  EXPECT_TRUE(key_in_scope(on(15), options));
  EXPECT_TRUE(key_in_scope(on(21), options)); // delivered the day after until
  EXPECT_FALSE(key_in_scope(on(22), options));
  EXPECT_TRUE(key_in_scope(KeyInfo{}, options)); // no date in the key: read it, filter by eventTime
}

TEST(KeyLayout, AccountAndRegionFiltersPruneByKey) {
  TrailScanOptions options;
  options.accounts = {"111122223333"};
  options.regions = {"us-east-1"};
  KeyInfo key = parse_key("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/x.json.gz");
  EXPECT_TRUE(key_in_scope(key, options));
  key.region = "eu-west-1";
  EXPECT_FALSE(key_in_scope(key, options));
  key = parse_key("AWSLogs/999988887777/CloudTrail/us-east-1/2026/11/28/x.json.gz");
  EXPECT_FALSE(key_in_scope(key, options));
}

} // namespace
} // namespace rg::trail
