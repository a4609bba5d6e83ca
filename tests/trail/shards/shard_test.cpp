// Which shard a file falls to (decision 0024): fixed for ever (the same on every machine and in every
// version, or parts written by two builds would split the files differently), and each file in exactly
// one shard of N.
#include "trail/shard.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rg::trail {
namespace {

TrailFile layout_file(const std::string& path) {
  return TrailFile{path, parse_key(path), 0};
}

TEST(TrailShard, LayoutFilesGoByAccountRegionAndDay) {
  const auto file = layout_file("logs/AWSLogs/o-abc1234567/111122223333/CloudTrail/us-east-1/2026/11/20/"
                                "111122223333_CloudTrail_us-east-1_20261120T0910Z_AAAAAAAAAAAAAAAA.json.gz");
  EXPECT_EQ(shard_key(file), "k:111122223333/us-east-1/2026-11-20");
  // Another file of the same day, account and region (an account trail beside the organization's) falls
  // with it: its events are the same events, and the merge removes the duplicates either way.
  const auto other = layout_file("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/"
                                 "111122223333_CloudTrail_us-east-1_20261120T2355Z_BBBBBBBBBBBBBBBB.json.gz");
  EXPECT_EQ(shard_key(other), shard_key(file));
}

TEST(TrailShard, FilesOutsideTheLayoutGoByTheirPath) {
  const auto file = layout_file("exports/lookup-events.json");
  EXPECT_EQ(shard_key(file), "p:exports/lookup-events.json");
}

// FNV-1a 64: the published test vectors, so the split never changes by accident.
TEST(TrailShard, TheHashIsFnv1a64) {
  EXPECT_EQ(shard_of("", 1ULL << 62), 14695981039346656037ULL % (1ULL << 62));
  EXPECT_EQ(shard_of("a", 1000000007), 0xaf63dc4c8601ec8cULL % 1000000007);
  EXPECT_EQ(shard_of("foobar", 1000000007), 0x85944171f73967e8ULL % 1000000007);
  EXPECT_EQ(shard_of("anything", 1), 0U);
}

TEST(TrailShard, EveryFileIsInExactlyOneShard) {
  std::vector<TrailFile> files;
  for (int day = 1; day <= 28; ++day) {
    for (const char* region : {"us-east-1", "eu-west-1", "ap-northeast-1"}) {
      files.push_back(layout_file(std::string("AWSLogs/111122223333/CloudTrail/") + region + "/2026/02/" +
                                  (day < 10 ? "0" : "") + std::to_string(day) + "/111122223333_CloudTrail_" +
                                  region + "_20260201T0000Z_X.json.gz"));
    }
    files.push_back(layout_file("elsewhere/" + std::to_string(day) + ".json"));
  }
  for (const std::size_t count : {1U, 2U, 3U, 7U, 64U}) {
    std::vector<std::size_t> per_shard(count);
    for (const TrailFile& file : files) {
      std::size_t shards = 0;
      for (std::size_t index = 0; index < count; ++index) {
        if (in_shard(file, ShardSpec{index, count})) {
          ++shards;
          ++per_shard[index];
        }
      }
      EXPECT_EQ(shards, 1U) << file.path << " in " << count;
    }
    if (count <= 7) {
      for (const std::size_t n : per_shard) {
        EXPECT_GT(n, 0U) << "a shard of " << count << " got no file of " << files.size();
      }
    }
  }
}

} // namespace
} // namespace rg::trail
