#include "trail/scanner.hpp"
#include "trail/trail_fixtures.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <sys/stat.h>

namespace rg::trail {
namespace {

using testing::gzip;
using testing::layout_path;
using testing::record;
using testing::records_document;
using testing::RecordSpec;
using testing::TempDir;
using testing::write_bytes;

// Matches every record whose userIdentity.type is Root: enough to see what the reader delivers.
class RootMatcher final : public EventMatcher {
public:
  void match(const EventView& event, std::vector<std::string_view>& ids) const override {
    if (event.user.type == "Root") {
      ids.push_back("root");
    }
  }
};

RecordSpec root_event(std::string id, std::string time = "2026-11-20T10:00:00Z") {
  RecordSpec spec;
  spec.event_id = std::move(id);
  spec.event_time = std::move(time);
  spec.user_type = "Root";
  spec.event_name = "ListBuckets";
  spec.event_source = "s3.amazonaws.com";
  return spec;
}

std::vector<std::string> ids_of(const TrailScanResult& result) {
  std::vector<std::string> ids;
  for (const auto& event : result.events) {
    ids.emplace_back(event.event_id);
  }
  return ids;
}

class ScannerTest : public ::testing::TestWithParam<bool> {
protected:
  // Every case runs twice: whole-file fast path, and the streaming path (forced by a tiny limit).
  TrailScanOptions options() const {
    TrailScanOptions o;
    o.paths = {dir_.path()};
    o.threads = 2;
    if (GetParam()) {
      o.whole_file_limit = 64;
      o.stream_window = 256;
    }
    return o;
  }
  TempDir dir_{"scanner"};
  RootMatcher matcher_;
};

TEST_P(ScannerTest, ReadsLayoutFilesAndSkipsDigests) {
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/20", "a.json.gz"),
              gzip(records_document({record(root_event("r1")), record(RecordSpec{})})));
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/21", "b.json"),
              records_document({record(root_event("r2", "2026-11-21T01:00:00Z"))}));
  write_bytes(dir_.path() / "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz",
              gzip(R"({"digestStartTime":"x"})"));
  write_bytes(dir_.path() / "notes.txt", "not a trail file");
  const TrailScanResult result = scan_files(options(), matcher_);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"r1", "r2"}));
  EXPECT_EQ(result.summary.files, 2u);
  EXPECT_EQ(result.summary.events, 3u);
  EXPECT_EQ(result.summary.skipped_digest, 1u);
  EXPECT_EQ(result.summary.skipped_other, 1u);
  EXPECT_EQ(result.summary.matched, 2u);
  EXPECT_TRUE(result.summary.errors.empty());
  EXPECT_EQ(result.events[0].account_id, "111122223333");
  EXPECT_EQ(result.events[0].region, "us-east-1");
  EXPECT_EQ(result.events[0].source_ip, "198.51.100.7");
}

TEST_P(ScannerTest, ReadsEveryMemberOfAMultiMemberGzip) {
  const std::string doc = records_document({record(root_event("m1")), record(root_event("m2"))});
  // Split the document anywhere: gzip members are just concatenated byte streams.
  const std::string bytes = gzip(doc.substr(0, 40)) + gzip(doc.substr(40, 60)) + gzip(doc.substr(100));
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/20", "multi.json.gz"), bytes);
  const TrailScanResult result = scan_files(options(), matcher_);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"m1", "m2"}));
  EXPECT_TRUE(result.summary.errors.empty()) << result.summary.errors[0].describe();
}

TEST_P(ScannerTest, SinceUntilPruneByKeyThenFilterByEventTime) {
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/01", "old.json"),
              records_document({record(root_event("old", "2026-11-01T05:00:00Z"))}));
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/10", "edge.json"),
              records_document({record(root_event("before", "2026-11-09T23:59:00Z")),
                                record(root_event("inside", "2026-11-10T00:05:00Z"))}));
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/30", "late.json"),
              records_document({record(root_event("late", "2026-11-30T05:00:00Z"))}));
  TrailScanOptions o = options();
  o.since = *parse_iso8601("2026-11-10T00:00:00Z");
  o.until = *parse_iso8601("2026-11-20T00:00:00Z");
  const TrailScanResult result = scan_files(o, matcher_);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"inside"}));
  EXPECT_EQ(result.summary.pruned, 2u);
  EXPECT_EQ(result.summary.files, 1u);
  EXPECT_EQ(result.summary.events, 2u);
  EXPECT_EQ(result.summary.candidates, 1u);
}

TEST_P(ScannerTest, AccountAndRegionFilters) {
  RecordSpec other = root_event("other-account");
  other.account = "999988887777";
  RecordSpec west = root_event("west");
  west.region = "eu-west-1";
  // Files outside the layout cannot be pruned by key: the per-event filter does the work.
  write_bytes(dir_.path() / "mixed.json",
              records_document({record(root_event("keep")), record(other), record(west)}));
  TrailScanOptions o = options();
  o.accounts = {"111122223333"};
  o.regions = {"us-east-1"};
  EXPECT_EQ(ids_of(scan_files(o, matcher_)), (std::vector<std::string>{"keep"}));
}

TEST_P(ScannerTest, ReadsLookupEventsOutput) {
  std::string inner = record(root_event("lookup-1"));
  std::string escaped;
  for (const char c : inner) {
    if (c == '"' || c == '\\') {
      escaped += '\\';
    }
    escaped += c;
  }
  write_bytes(dir_.path() / "lookup.json",
              R"({"Events":[{"EventId":"lookup-1","EventName":"ListBuckets","CloudTrailEvent":")" + escaped +
                  R"("}],"NextToken":"abc"})");
  TrailScanOptions o = options();
  o.whole_file_limit = 32u << 20; // lookup-events output is read whole (it is never large)
  const TrailScanResult result = scan_files(o, matcher_);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"lookup-1"}));
  EXPECT_TRUE(result.summary.errors.empty());
}

TEST_P(ScannerTest, SameEventFromTwoTrailsIsReportedOnce) {
  const std::string doc = records_document({record(root_event("dup"))});
  write_bytes(dir_.path() / "AWSLogs/o-abc1234567/111122223333/CloudTrail/us-east-1/2026/11/20/org.json",
              doc);
  write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/20", "acct.json"), doc);
  const TrailScanResult result = scan_files(options(), matcher_);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"dup"}));
  EXPECT_EQ(result.summary.duplicates, 1u);
}

TEST_P(ScannerTest, TypeChangingFieldsAreNotErrors) {
  RecordSpec a = root_event("as-string");
  a.extra = R"("requestParameters":"a string","responseElements":null,"additionalEventData":[1,2])";
  RecordSpec b = root_event("as-object");
  b.extra =
      R"("requestParameters":{"bucketName":"x","nested":{"k":[1,{"z":null}]}},"responseElements":{"ok":true})";
  RecordSpec c = root_event("as-null");
  c.extra = R"("requestParameters":null,"resources":[{"ARN":"arn:aws:s3:::x"}])";
  write_bytes(dir_.path() / "types.json", records_document({record(a), record(b), record(c)}));
  const TrailScanResult result = scan_files(options(), matcher_);
  EXPECT_EQ(result.summary.events, 3u);
  EXPECT_EQ(result.events.size(), 3u);
  EXPECT_TRUE(result.summary.errors.empty());
}

TEST_P(ScannerTest, MissingPathIsAProblemAndTheRunGoesOn) {
  write_bytes(dir_.path() / "ok.json", records_document({record(root_event("fine"))}));
  TrailScanOptions o = options();
  o.paths.push_back(dir_.path() / "does-not-exist");
  const TrailScanResult result = scan_files(o, matcher_);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"fine"}));
  ASSERT_EQ(result.summary.errors.size(), 1u);
  EXPECT_EQ(result.summary.errors[0].kind, ProblemKind::kAbsent);
}

// Issue 10: log files that could not be reached are named and counted, never skipped as if absent.
TEST_P(ScannerTest, UnreachableEntriesAreUnreadableNotSkipped) {
  write_bytes(dir_.path() / "ok.json", records_document({record(root_event("fine"))}));
  std::filesystem::create_directories(dir_.path() / "elsewhere");
  write_bytes(dir_.path() / "elsewhere/hidden.json", records_document({record(root_event("hidden"))}));
  std::filesystem::create_directory_symlink(dir_.path() / "elsewhere", dir_.path() / "linked-folder");
  std::filesystem::create_symlink(dir_.path() / "loop-a.json", dir_.path() / "loop-b.json");
  std::filesystem::create_symlink(dir_.path() / "loop-b.json", dir_.path() / "loop-a.json");
  ASSERT_EQ(::mkfifo((dir_.path() / "fifo.json").c_str(), 0600), 0);
  TrailScanOptions o = options();
  o.paths = {dir_.path() / "ok.json", dir_.path() / "linked-folder", dir_.path() / "loop-a.json",
             dir_.path() / "ok.json" / "inside-a-file"};
  // The folder itself: the symlinked folder, the two loop links and the FIFO are four problems.
  o.paths.push_back(dir_.path());
  const TrailScanResult result = scan_files(o, matcher_);
  std::vector<std::string> unreadable;
  for (const auto& problem : result.summary.errors) {
    EXPECT_EQ(problem.kind, ProblemKind::kUnreadable) << problem.describe();
    unreadable.push_back(std::filesystem::path(problem.file).filename().string());
  }
  std::sort(unreadable.begin(), unreadable.end());
  EXPECT_EQ(unreadable, (std::vector<std::string>{"fifo.json", "inside-a-file", "linked-folder",
                                                  "loop-a.json", "loop-a.json", "loop-b.json"}));
  // The symlinked folder named on the command line is followed (the user chose it); found in the walk it is
  // not.
  const auto ids = ids_of(result);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "fine"), 1);
}

// Escapes, brackets and quotes inside strings, cut at every kind of window boundary.
TEST(StreamSplitter, StringsWithEscapesAndBracketsAcrossWindowBoundaries) {
  TempDir dir("splitter");
  RecordSpec tricky = root_event("tricky");
  tricky.extra = R"("requestParameters":{"policy":"{\"Statement\":[{\"Effect\":\"Deny\"}]} \\ ]} \\\" {["},)"
                 R"("errorMessage":"ends with a backslash \\")";
  const std::string doc = records_document({record(tricky), record(root_event("after"))});
  write_bytes(dir.path() / "tricky.json", doc);
  for (const std::size_t window : {7u, 16u, 33u, 64u, 101u, 4096u}) {
    TrailScanOptions o;
    o.paths = {dir.path()};
    o.whole_file_limit = 8;
    o.stream_window = window;
    const TrailScanResult result = scan_files(o, RootMatcher{});
    EXPECT_EQ(ids_of(result), (std::vector<std::string>{"after", "tricky"})) << window;
    EXPECT_TRUE(result.summary.errors.empty()) << window << ": " << result.summary.errors[0].describe();
  }
}

INSTANTIATE_TEST_SUITE_P(WholeAndStreamed, ScannerTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& param_info) {
                           return param_info.param ? "Streamed" : "Whole";
                         });

} // namespace
} // namespace rg::trail
