// The layout walk over a bucket emulated in memory (S3's listing rules: keys in binary order, common
// prefixes rolled up at the delimiter, pages with continuation tokens): it yields exactly the keys a local
// scan of the same tree would read, in key order, and never lists a prefix the filters exclude.
#include "trail/s3/layout_walk.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <map>
#include <set>

namespace rg::trail::s3 {
namespace {

class FakeBucket final : public PageLister {
public:
  aws::S3ListResult list(std::string_view prefix, std::string_view delimiter,
                         std::string_view token) override {
    requests.emplace_back(std::string(prefix), std::string(delimiter));
    aws::S3ListResult out;
    for (const auto& denied_prefix : denied) {
      if (std::string_view(prefix).starts_with(denied_prefix)) {
        out.info.error = aws::AwsError{403, "AccessDenied", "Access Denied", ""};
        out.info.attempts = 1;
        return out;
      }
    }
    std::size_t entries = 0;
    std::string last;
    std::set<std::string> rolled;
    auto at = keys.lower_bound(std::string(token.empty() ? prefix : token));
    for (; at != keys.end() && std::string_view(at->first).starts_with(prefix); ++at) {
      if (!token.empty() && at->first <= token) {
        continue;
      }
      if (entries == kPage) {
        out.page.next_token = last;
        return out;
      }
      const std::size_t cut =
          delimiter.empty() ? std::string::npos : at->first.find(delimiter, prefix.size());
      if (cut != std::string::npos) {
        const std::string common = at->first.substr(0, cut + 1);
        if (rolled.insert(common).second) {
          out.page.common_prefixes.push_back(common);
          ++entries;
        }
        // As S3 does, a page that ends on a common prefix continues after all of it (0xff is never in UTF-8).
        last = common + "\xff";
        continue;
      }
      out.page.objects.push_back({at->first, at->second});
      last = at->first;
      ++entries;
    }
    return out;
  }

  static constexpr std::size_t kPage = 3; // small pages: continuation tokens are exercised everywhere
  std::map<std::string, std::uint64_t> keys;
  std::vector<std::pair<std::string, std::string>> requests;
  std::vector<std::string> denied;
};

FakeBucket organization_bucket() {
  FakeBucket bucket;
  const std::vector<std::string> accounts = {"111111111111", "222222222222", "333333333333"};
  const std::vector<std::string> regions = {"ap-northeast-1", "eu-west-1", "us-east-1"};
  const std::vector<std::string> days = {"2023/12/31", "2024/01/30", "2024/01/31", "2024/02/01",
                                         "2024/02/02", "2024/02/03", "2024/03/15"};
  for (const auto& account : accounts) {
    for (const auto& region : regions) {
      for (const auto& day : days) {
        for (int i = 0; i < 2; ++i) {
          std::string compact = day;
          compact.erase(std::remove(compact.begin(), compact.end(), '/'), compact.end());
          bucket.keys[fmt::format(
              "trails/AWSLogs/o-abc123/{}/CloudTrail/{}/{}/{}_CloudTrail_{}_{}T0000Z_{}.json.gz", account,
              region, day, account, region, compact, i)] = 100;
        }
        bucket
            .keys[fmt::format("trails/AWSLogs/o-abc123/{}/CloudTrail-Digest/{}/{}/{}_CloudTrail-Digest_{}_t_"
                              "20240101T000000Z.json.gz",
                              account, region, days[1], account, region)] = 10;
      }
    }
    bucket.keys[fmt::format("trails/AWSLogs/o-abc123/{}/CloudTrail-Insight/us-east-1/2024/02/01/x.json.gz",
                            account)] = 10;
  }
  bucket.keys["trails/AWSLogs/o-abc123/111111111111/CloudTrail/us-east-1/2024/02/01/notes.txt"] = 5;
  bucket.keys["trails/lookup/events.json"] = 50; // outside the layout, under the prefix: read all the same
  bucket.keys["other/AWSLogs/999999999999/CloudTrail/us-east-1/2024/02/01/x.json.gz"] =
      50; // outside the prefix
  return bucket;
}

// What a local scan of the same tree would read: the same checks discovery makes, key by key.
std::vector<std::string> expected(const FakeBucket& bucket, const std::string& prefix,
                                  const TrailScanOptions& options) {
  std::vector<std::string> out;
  for (const auto& [key, size] : bucket.keys) {
    const KeyInfo info = parse_key(key);
    const bool trail_file = key.ends_with(".json") || key.ends_with(".gz");
    if (key.starts_with(prefix) && info.kind == ObjectKind::kLog && trail_file &&
        key_in_scope(info, options)) {
      out.push_back("s3://bucket/" + key);
    }
  }
  return out;
}

std::vector<std::string> walk(FakeBucket& bucket, const std::string& url, const TrailScanOptions& options,
                              WalkCounts& counts) {
  std::vector<std::string> files;
  walk_layout(
      *parse_s3_url(url), options, bucket, [&](TrailFile file) { files.push_back(file.path); }, counts);
  return files;
}

TEST(LayoutWalk, EveryKeyALocalScanWouldReadInKeyOrder) {
  FakeBucket bucket = organization_bucket();
  WalkCounts counts;
  const auto files = walk(bucket, "s3://bucket/trails", {}, counts);
  EXPECT_EQ(files, expected(bucket, "trails/", {}));
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  EXPECT_EQ(counts.skipped_other, 1U);
  EXPECT_EQ(counts.skipped_digest, 0U); // digest folders are never entered
  EXPECT_EQ(counts.skipped_insight, 0U);
  EXPECT_TRUE(counts.problems.empty());
  for (const auto& [prefix, delimiter] : bucket.requests) {
    EXPECT_EQ(prefix.find("CloudTrail-Digest"), std::string::npos) << prefix;
    EXPECT_FALSE(prefix.starts_with("other/")) << prefix;
  }
}

TEST(LayoutWalk, AccountsAndRegionsArePrunedBeforeListing) {
  FakeBucket bucket = organization_bucket();
  TrailScanOptions options;
  options.accounts = {"222222222222"};
  options.regions = {"eu-west-1"};
  WalkCounts counts;
  const auto files = walk(bucket, "s3://bucket/trails/", options, counts);
  EXPECT_EQ(files, expected(bucket, "trails/", options));
  EXPECT_EQ(files.size(), 7U * 2 + 1); // 7 days x 2 files, and the lookup-events file outside the layout
  for (const auto& [prefix, delimiter] : bucket.requests) {
    EXPECT_EQ(prefix.find("111111111111"), std::string::npos) << prefix;
    EXPECT_EQ(prefix.find("333333333333"), std::string::npos) << prefix;
    EXPECT_EQ(prefix.find("us-east-1"), std::string::npos) << prefix;
    EXPECT_EQ(prefix.find("ap-northeast-1"), std::string::npos) << prefix;
  }
  EXPECT_EQ(counts.pruned, 0U); // nothing outside the filters was even listed
}

TEST(LayoutWalk, OnlyTheDaysInRangeAreListedInFull) {
  FakeBucket bucket = organization_bucket();
  TrailScanOptions options;
  options.since = parse_iso8601("2024-02-02T00:00:00Z");
  options.until = parse_iso8601("2024-02-02T23:59:59Z");
  WalkCounts counts;
  const auto files = walk(bucket, "s3://bucket/trails/AWSLogs/", options, counts);
  EXPECT_EQ(files, expected(bucket, "trails/AWSLogs/", options));
  EXPECT_EQ(files.size(), 3U * 3 * 3 * 2); // accounts x regions x (Feb 1, 2, 3: the day of slack) x 2
  std::set<std::string> flat;
  for (const auto& [prefix, delimiter] : bucket.requests) {
    EXPECT_EQ(prefix.find("/2023/"), std::string::npos) << prefix; // a year out of range is never opened
    EXPECT_EQ(prefix.find("/2024/01/"), std::string::npos) << prefix;
    EXPECT_EQ(prefix.find("/2024/03/"), std::string::npos) << prefix;
    if (delimiter.empty()) {
      flat.insert(prefix.substr(prefix.size() - 12));
    }
  }
  EXPECT_EQ(flat, (std::set<std::string>{"/2024/02/01/", "/2024/02/02/", "/2024/02/03/"}));
}

TEST(LayoutWalk, APrefixInsideTheLayoutStartsAtItsLevel) {
  FakeBucket bucket = organization_bucket();
  TrailScanOptions options;
  options.since = parse_iso8601("2024-01-31T00:00:00Z");
  for (const std::string prefix : {"trails/AWSLogs/o-abc123/", "trails/AWSLogs/o-abc123/333333333333/",
                                   "trails/AWSLogs/o-abc123/333333333333/CloudTrail/",
                                   "trails/AWSLogs/o-abc123/333333333333/CloudTrail/eu-west-1/",
                                   "trails/AWSLogs/o-abc123/333333333333/CloudTrail/eu-west-1/2024/"}) {
    SCOPED_TRACE(prefix);
    bucket.requests.clear();
    WalkCounts counts;
    EXPECT_EQ(walk(bucket, "s3://bucket/" + prefix, options, counts), expected(bucket, prefix, options));
    EXPECT_TRUE(counts.problems.empty());
  }
}

TEST(LayoutWalk, ADeniedPrefixIsNamedWithItsActionAndTheRestIsRead) {
  FakeBucket bucket = organization_bucket();
  bucket.denied = {"trails/AWSLogs/o-abc123/222222222222/"};
  WalkCounts counts;
  const auto files = walk(bucket, "s3://bucket/trails/", {}, counts);
  ASSERT_EQ(counts.problems.size(), 1U);
  EXPECT_EQ(counts.problems[0].file, "s3://bucket/trails/AWSLogs/o-abc123/222222222222/CloudTrail/");
  EXPECT_NE(counts.problems[0].message.find("s3:ListBucket denied"), std::string::npos)
      << counts.problems[0].message;
  EXPECT_EQ(files.size(), expected(bucket, "trails/", {}).size() - 3 * 7 * 2);
}

TEST(S3Url, BucketAndFolderPrefix) {
  const auto url = parse_s3_url("s3://my-trail.logs/some/prefix");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->bucket, "my-trail.logs");
  EXPECT_EQ(url->prefix, "some/prefix/");
  EXPECT_EQ(parse_s3_url("s3://bucket")->prefix, "");
  EXPECT_FALSE(parse_s3_url("s3://"));
  EXPECT_FALSE(parse_s3_url("s3://Upper/x"));
  EXPECT_FALSE(parse_s3_url("/tmp/folder"));
}

} // namespace
} // namespace rg::trail::s3
