// Progress of a local scan: reported while files are read and once at the end, counts exact, one call at
// a time whatever the number of threads.
#include "trail/scanner.hpp"
#include "trail/trail_fixtures.hpp"

#include <atomic>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <mutex>
#include <vector>

namespace rg::trail {
namespace {

using testing::gzip;
using testing::layout_path;
using testing::record;
using testing::records_document;
using testing::TempDir;
using testing::write_bytes;

class NoMatcher final : public EventMatcher {
public:
  void match(const EventView& /*event*/, std::vector<std::string_view>& /*ids*/) const override {}
};

TEST(TrailProgress, EveryFileIsCountedAndTheLastReportIsFinished) {
  TempDir dir("progress");
  constexpr int kFiles = 40;
  for (int i = 0; i < kFiles; ++i) {
    write_bytes(
        layout_path(dir.path(), "111122223333", "us-east-1", "2026/11/20", fmt::format("f{}.json.gz", i)),
        gzip(records_document({record({})})));
  }
  std::vector<TrailScanProgress> reports;
  std::atomic<int> inside{0};
  bool overlapped = false;
  TrailScanOptions options;
  options.paths = {dir.path()};
  options.threads = 4;
  options.progress_every_ms = 0; // a report after every file
  options.progress = [&](const TrailScanProgress& p) {
    overlapped = overlapped || inside.fetch_add(1) != 0;
    reports.push_back(p);
    inside.fetch_sub(1);
  };
  const auto result = scan_files(options, NoMatcher{});
  EXPECT_EQ(result.summary.files, static_cast<std::size_t>(kFiles));
  ASSERT_GE(reports.size(), 2U);
  EXPECT_FALSE(overlapped);
  EXPECT_TRUE(reports.back().finished);
  EXPECT_EQ(reports.back().files_done, static_cast<std::size_t>(kFiles));
  for (const auto& r : reports) {
    EXPECT_EQ(r.files_total, static_cast<std::size_t>(kFiles));
    EXPECT_LE(r.files_done, r.files_total);
  }
  for (size_t i = 0; i + 1 < reports.size(); ++i) {
    EXPECT_FALSE(reports[i].finished);
  }
}

TEST(TrailProgress, AQuickScanDrawsNothing) {
  TempDir dir("progress-quick");
  write_bytes(layout_path(dir.path(), "111122223333", "us-east-1", "2026/11/20", "f.json.gz"),
              gzip(records_document({record({})})));
  int calls = 0;
  TrailScanOptions options;
  options.paths = {dir.path()};
  options.progress_every_ms = 60'000; // never due
  options.progress = [&](const TrailScanProgress&) { ++calls; };
  scan_files(options, NoMatcher{});
  EXPECT_EQ(calls, 0);
}

} // namespace
} // namespace rg::trail
