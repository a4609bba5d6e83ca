// Replays tests/corpus/trail/: every bad input is a located problem, never a crash or a hang.
#include "trail/scanner.hpp"
#include "trail/trail_fixtures.hpp"

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>

namespace rg::trail {
namespace {

namespace fs = std::filesystem;

class AnyMatcher final : public EventMatcher {
public:
  void match(const EventView&, std::vector<std::string_view>& ids) const override { ids.push_back("any"); }
};

TrailScanResult scan_one(const fs::path& file, bool streamed) {
  TrailScanOptions options;
  options.paths = {file};
  options.threads = 1;
  if (streamed) {
    options.whole_file_limit = 16;
    options.stream_window = 64;
  }
  return scan_files(options, AnyMatcher{});
}

TEST(Corpus, EveryBadFileIsReportedWithAReason) {
  const fs::path corpus = fs::path(RG_TEST_DATA_DIR) / "../corpus/trail";
  size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string name = entry.path().filename().string();
    const bool bad = name.starts_with("bad-");
    if (!bad && !name.starts_with("ok-")) {
      continue;
    }
    ++seen;
    for (const bool streamed : {false, true}) {
      const TrailScanResult result = scan_one(entry.path(), streamed);
      SCOPED_TRACE(name + (streamed ? " (streamed)" : " (whole)"));
      if (bad) {
        ASSERT_EQ(result.summary.errors.size(), 1u);
        EXPECT_EQ(result.summary.files_failed, 1u);
        EXPECT_EQ(result.summary.errors[0].file, entry.path().string());
        EXPECT_FALSE(result.summary.errors[0].message.empty());
      } else {
        EXPECT_TRUE(result.summary.errors.empty()) << result.summary.errors[0].describe();
      }
    }
  }
  EXPECT_GE(seen, 14u);
}

TEST(Corpus, ShapeErrorsSayWhatIsWrong) {
  const fs::path corpus = fs::path(RG_TEST_DATA_DIR) / "../corpus/trail";
  const auto message = [&](const char* name) {
    return scan_one(corpus / name, false).summary.errors.at(0).message;
  };
  EXPECT_NE(message("bad-not-gzip.json.gz").find("not gzip"), std::string::npos);
  EXPECT_NE(message("bad-records-missing.json").find("Records"), std::string::npos);
  EXPECT_NE(message("bad-records-not-array.json").find("not an array"), std::string::npos);
  EXPECT_NE(message("bad-truncated.json.gz").find("gzip"), std::string::npos);
  EXPECT_NE(message("bad-invalid-utf8.json").find("UTF-8"), std::string::npos);
}

TEST(Corpus, RecordsBeforeAndAfterANonObjectAreStillRead) {
  const fs::path file = fs::path(RG_TEST_DATA_DIR) / "../corpus/trail/bad-record-not-object.json";
  const TrailScanResult result = scan_one(file, false);
  EXPECT_EQ(result.summary.events, 1u);
  EXPECT_EQ(result.events.size(), 1u);
}

// A gzip bomb: a few KiB on disk, 200 MiB inflated (a JSON prefix, then members of pure whitespace).
TEST(Corpus, GzipBombIsCappedAndReported) {
  testing::TempDir dir("bomb");
  const std::string spaces(1 << 20, ' ');
  const std::string member = testing::gzip(spaces, 9);
  std::string bomb = testing::gzip(R"({"Records":[)");
  for (int i = 0; i < 200; ++i) {
    bomb += member;
  }
  bomb += testing::gzip("]}");
  const fs::path file = dir.path() / "bomb.json.gz";
  testing::write_bytes(file, bomb);
  ASSERT_LT(fs::file_size(file), 300u * 1024);
  TrailScanOptions options;
  options.paths = {file};
  options.max_inflated_bytes = 16u << 20;
  const auto started = std::chrono::steady_clock::now();
  const TrailScanResult result = scan_files(options, AnyMatcher{});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ASSERT_EQ(result.summary.errors.size(), 1u);
  EXPECT_NE(result.summary.errors[0].message.find("max-inflated"), std::string::npos);
  EXPECT_LE(result.summary.bytes_inflated, (16u << 20) + (8u << 20));
}

// Issue 10: the default cap is proportionate to the file (16 GiB cost 135 s of CPU on a 10 MB bomb).
TEST(Corpus, TheDefaultGzipBombCapIsProportionateToTheFile) {
  testing::TempDir dir("bomb_ratio");
  const std::string member = testing::gzip(std::string(1 << 20, ' '), 9);
  std::string bomb = testing::gzip(R"({"Records":[)");
  for (int i = 0; i < 400; ++i) {
    bomb += member;
  }
  bomb += testing::gzip("]}");
  const fs::path file = dir.path() / "bomb.json.gz";
  testing::write_bytes(file, bomb);
  TrailScanOptions options;
  options.paths = {file};
  options.bomb_floor = 1 << 20; // the real floor (1 GiB) would hide the ratio in a file this small
  const std::uint64_t cap = options.inflated_cap(bomb.size());
  ASSERT_EQ(cap, 256 * bomb.size());
  ASSERT_LT(cap, 400u << 20);
  const TrailScanResult result = scan_files(options, AnyMatcher{});
  ASSERT_EQ(result.summary.errors.size(), 1u);
  const Problem& problem = result.summary.errors[0];
  EXPECT_NE(problem.message.find("gzip bomb"), std::string::npos) << problem.describe();
  EXPECT_NE(problem.message.find("proportionate"), std::string::npos) << problem.describe();
  EXPECT_EQ(problem.where.find("inflated byte " + std::to_string(cap) + ", compressed byte "), 0u)
      << problem.describe();
  EXPECT_LE(result.summary.bytes_inflated, cap + (8u << 20));
  EXPECT_EQ(result.summary.damaged, 1u);
  // Given explicitly, the cap is what the user said, whatever the file's size.
  options.max_inflated_bytes = std::uint64_t{1} << 40;
  EXPECT_EQ(options.inflated_cap(bomb.size()), std::uint64_t{1} << 40);
}

} // namespace
} // namespace rg::trail
