// A file far larger than the whole-file limit is streamed in bounded memory (each ctest case is its own
// process, so ru_maxrss is this test's peak).
#include "trail/scanner.hpp"
#include "trail/trail_fixtures.hpp"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <vector>

namespace rg::trail {
namespace {

class RootMatcher final : public EventMatcher {
public:
  void match(const EventView& event, std::vector<std::string_view>& ids) const override {
    if (event.user.type == "Root") {
      ids.push_back("root");
    }
  }
};

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

TEST(MemoryBound, An80MiBFileIsStreamedInBoundedMemory) {
  testing::TempDir dir("memory");
  // One ~1 MiB run of records compressed once and repeated as gzip members: 80 MiB inflated, little disk.
  std::string chunk;
  size_t per_chunk = 0;
  while (chunk.size() < (1u << 20)) {
    testing::RecordSpec spec;
    // Built without assigning a literal or chaining +: GCC 12 -O3 raises false -Wrestrict on both here.
    spec.event_id = std::to_string(per_chunk);
    spec.event_id.insert(spec.event_id.begin(), 'r');
    spec.user_type = per_chunk % 100 == 0 ? "Root" : "AssumedRole";
    chunk += testing::record(spec);
    chunk += ','; // not record(spec) + ",": GCC 12 -O3 raises a false -Wrestrict
    ++per_chunk;
  }
  const std::string member = testing::gzip(chunk, 1);
  constexpr int kChunks = 80;
  std::string file = testing::gzip(R"({"Records":[)");
  for (int i = 0; i < kChunks; ++i) {
    file += member;
  }
  testing::RecordSpec last;
  last.event_id = "last";
  file += testing::gzip(testing::record(last) + "]}");
  const auto path = dir.path() / "big.json.gz";
  testing::write_bytes(path, file);
  file.clear();
  file.shrink_to_fit();

  const long before = peak_rss_mib();
  TrailScanOptions options;
  options.paths = {path};
  options.whole_file_limit = 4u << 20; // multi-member: the trailer cannot tell, so the whole path tries first
  const TrailScanResult result = scan_files(options, RootMatcher{});
  EXPECT_TRUE(result.summary.errors.empty()) << result.summary.errors[0].describe();
  EXPECT_EQ(result.summary.events, per_chunk * kChunks + 1);
  EXPECT_GT(result.summary.bytes_inflated, 80u << 20);
  // The whole-file attempt (4 MiB), the window (8 MiB), one batch and the parser: well below 80 MiB.
  std::printf("peak RSS %ld MiB -> %ld MiB\n", before, peak_rss_mib());
#if defined(__SANITIZE_ADDRESS__)
  // ASan keeps freed blocks in its quarantine and pads every allocation, so RSS measures ASan there;
  // the bound is checked in the builds users run.
  GTEST_SKIP() << "peak RSS is not meaningful under AddressSanitizer";
#endif
  EXPECT_LT(peak_rss_mib() - before, 48) << "peak RSS grew from " << before << " MiB to " << peak_rss_mib();
}

// Four files, each one record of `record_mib` MiB (a huge string), written as gzip members so that building
// them costs little memory.
std::vector<std::filesystem::path> write_huge_record_files(const std::filesystem::path& dir,
                                                           std::size_t record_mib) {
  const std::string chunk = testing::gzip(std::string(1 << 20, 'a'), 9);
  std::vector<std::filesystem::path> paths;
  for (int f = 0; f < 4; ++f) {
    testing::RecordSpec small;
    small.event_id = std::to_string(f);
    small.event_id.insert(small.event_id.begin(), 's');
    small.user_type = "Root";
    std::string head = R"({"Records":[)"; // appended: chained operator+ raises GCC 12's false -Wrestrict
    head += testing::record(small);
    head +=
        R"(,{"eventVersion":"1.08","userIdentity":{"type":"Root"},"eventName":"X","requestParameters":{"blob":")";
    std::string file = testing::gzip(head);
    for (std::size_t i = 0; i < record_mib; ++i) {
      file += chunk;
    }
    std::string tail = R"("},"eventID":"huge-)";
    tail += std::to_string(f);
    tail += R"("}]})";
    file += testing::gzip(tail);
    std::string name = std::to_string(f);
    name.append(".json.gz");
    paths.push_back(dir / name);
    testing::write_bytes(paths.back(), file);
  }
  return paths;
}

void expect_bounded_on_four_threads(std::size_t record_mib, bool record_kept) {
  testing::TempDir dir("memory_huge");
  const auto paths = write_huge_record_files(dir.path(), record_mib);
  TrailScanOptions options;
  options.paths = {dir.path()};
  options.threads = 4;
  const TrailScanResult result = scan_files(options, RootMatcher{});
  EXPECT_EQ(result.summary.files, 4u);
  EXPECT_EQ(result.events.size(),
            record_kept ? 8u : 4u); // each file's small root record (s0..s3), and the huge ones
  EXPECT_EQ(result.summary.damaged, record_kept ? 0u : 4u); // an oversized record is skipped and reported
  std::printf("peak RSS %ld MiB\n", peak_rss_mib());
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "peak RSS is not meaningful under AddressSanitizer";
#endif
  EXPECT_LT(peak_rss_mib(), 512);
}

// Issue 10: 60 MB records took 438 MB on one thread and 980 MB on four. Past the 16 MiB record limit they
// are reported and skipped without being held.
TEST(MemoryBound, SixtyMegabyteRecordsOnFourThreads) {
  expect_bounded_on_four_threads(60, false);
}

// Records under the limit but past the window are read; one worker at a time may grow its buffers for one.
TEST(MemoryBound, TwelveMegabyteRecordsOnFourThreads) {
  expect_bounded_on_four_threads(12, true);
}

} // namespace
} // namespace rg::trail
