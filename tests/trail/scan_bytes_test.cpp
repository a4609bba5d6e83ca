// FileScanner::scan_bytes (an S3 object in memory) reads every file exactly as FileScanner::scan reads it
// from disk: the same events, damage and problems, through the whole-file and the streamed paths.
#include "trail/file_scanner.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <vector>

namespace rg::trail {
namespace {

namespace fs = std::filesystem;

class RecordingSink final : public EventSink {
public:
  void on_event(const EventView& event) override {
    ids.emplace_back(event.event_id);
    ids.back() += '|';
    ids.back() += event.event_name;
  }
  void checkpoint() override { kept = ids.size(); }
  void rewind() override { ids.resize(kept); }
  std::vector<std::string> ids;
  std::size_t kept = 0;
};

std::vector<std::string> described(const FileOutcome& outcome) {
  std::vector<std::string> out;
  for (const auto& problem : outcome.problems) {
    out.push_back(problem.describe());
  }
  return out;
}

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  for (const char* folder : {"../corpus/trail-damage", "../corpus/trail"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(RG_TEST_DATA_DIR) / folder)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class ScanBytesTest : public ::testing::TestWithParam<bool> {
protected:
  TrailScanOptions options() const {
    TrailScanOptions out;
    out.hash_inflated = true;
    if (GetParam()) { // force the streamed reader with a small window
      out.whole_file_limit = 64;
      out.stream_window = 200;
    }
    return out;
  }
};

TEST_P(ScanBytesTest, SameAsFromDisk) {
  const auto files = corpus_files();
  ASSERT_GT(files.size(), 10U);
  const TrailScanOptions opts = options();
  FileScanner from_disk(opts);
  FileScanner from_memory(opts);
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const TrailFile file{path.string(), parse_key(path.generic_string()), bytes.size()};
    RecordingSink disk_sink;
    RecordingSink memory_sink;
    const FileOutcome disk = from_disk.scan(file, disk_sink);
    const FileOutcome memory = from_memory.scan_bytes(file, bytes, memory_sink);
    EXPECT_EQ(memory_sink.ids, disk_sink.ids);
    EXPECT_EQ(memory.events, disk.events);
    EXPECT_EQ(memory.bytes_inflated, disk.bytes_inflated);
    EXPECT_EQ(memory.streamed, disk.streamed);
    EXPECT_EQ(memory.damaged, disk.damaged);
    EXPECT_EQ(memory.inflated_sha256, disk.inflated_sha256);
    EXPECT_EQ(described(memory), described(disk));
  }
}

TEST_P(ScanBytesTest, EmptyAndNotGzipObjectsAreNamed) {
  const TrailScanOptions opts = options();
  FileScanner scanner(opts);
  RecordingSink sink;
  const TrailFile empty{"s3://b/AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/x.json.gz", {}, 0};
  const auto none = scanner.scan_bytes(empty, {}, sink);
  ASSERT_EQ(none.problems.size(), 1U);
  EXPECT_EQ(none.problems[0].file, empty.path);
  EXPECT_EQ(none.problems[0].message, "empty file"); // as on disk: the same report either way
  const std::string text = R"({"Records":[]})";
  const auto plain = scanner.scan_bytes(empty, text, sink);
  ASSERT_EQ(plain.problems.size(), 1U);
  EXPECT_NE(plain.problems[0].message.find("not gzip"), std::string::npos);
  EXPECT_TRUE(sink.ids.empty());
}

INSTANTIATE_TEST_SUITE_P(Paths, ScanBytesTest, ::testing::Values(false, true),
                         [](const auto& param_info) { return param_info.param ? "Streamed" : "Whole"; });

} // namespace
} // namespace rg::trail
