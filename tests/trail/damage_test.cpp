// Issue 10 / decision 0013: a damaged file keeps every intact record, and each damaged place is reported
// with its byte offset. Every case runs through both reading paths.
#include "trail/scanner.hpp"
#include "trail/trail_fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>

namespace rg::trail {
namespace {

namespace fs = std::filesystem;

class AnyMatcher final : public EventMatcher {
public:
  void match(const EventView&, std::vector<std::string_view>& ids) const override { ids.push_back("any"); }
};

std::vector<std::string> ids_of(const TrailScanResult& result) {
  std::vector<std::string> ids;
  for (const auto& event : result.events) {
    ids.emplace_back(event.event_id);
  }
  return ids;
}

class DamageTest : public ::testing::TestWithParam<bool> {
protected:
  TrailScanResult scan(const fs::path& file) const {
    TrailScanOptions options;
    options.paths = {file};
    options.threads = 1;
    if (GetParam()) {
      options.whole_file_limit = 64;
      options.stream_window = 200;
    }
    return scan_files(options, AnyMatcher{});
  }
  static fs::path corpus(const char* name) {
    return fs::path(RG_TEST_DATA_DIR) / "../corpus/trail-damage" / name;
  }
  // Where `needle` starts in the (uncompressed) corpus file: the offset the report must give.
  static std::string offset_of(const char* name, const std::string& needle) {
    std::ifstream in(corpus(name), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return std::to_string(text.find(needle));
  }
};

// Every problem is located: an inflated byte offset (and the gzip member where the damage is in gzip).
void expect_located(const TrailScanResult& result) {
  ASSERT_FALSE(result.summary.errors.empty());
  for (const auto& problem : result.summary.errors) {
    EXPECT_NE(problem.where.find("inflated byte "), std::string::npos) << problem.describe();
  }
  EXPECT_EQ(result.summary.damaged, result.summary.errors.size());
  EXPECT_EQ(result.summary.files_failed, 1u);
}

TEST_P(DamageTest, AGoodMemberBeforeATruncatedOneKeepsItsRecords) {
  const auto result = scan(corpus("good-member-then-truncated.json.gz"));
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-2", "d-3"}));
  expect_located(result);
  ASSERT_EQ(result.summary.errors.size(), 1u);
  EXPECT_NE(result.summary.errors[0].where.find("gzip member 2"), std::string::npos)
      << result.summary.errors[0].describe();
}

TEST_P(DamageTest, TwoJoinedDocumentsAreBothReadAndReported) {
  const auto result = scan(corpus("two-documents-second-truncated.json.gz"));
  const auto ids = ids_of(result);
  ASSERT_GE(ids.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(ids.begin(), ids.begin() + 3),
            (std::vector<std::string>{"d-1", "d-2", "d-3"}));
  expect_located(result);
  ASSERT_EQ(result.summary.errors.size(), 2u);
  EXPECT_NE(result.summary.errors[0].message.find("second JSON document"), std::string::npos);
  EXPECT_NE(result.summary.errors[1].where.find("gzip member 2"), std::string::npos);
}

TEST_P(DamageTest, TrailingGarbageKeepsTheDocument) {
  const auto result = scan(corpus("trailing-garbage.json"));
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-2", "d-3"}));
  expect_located(result);
  ASSERT_EQ(result.summary.errors.size(), 1u);
  EXPECT_EQ(result.summary.errors[0].where, "inflated byte " + offset_of("trailing-garbage.json", "GARBAGE"));
}

TEST_P(DamageTest, OneBrokenRecordCostsOnlyItself) {
  for (const char* name : {"broken-record-in-middle.json", "broken-record-in-middle.json.gz"}) {
    SCOPED_TRACE(name);
    const auto result = scan(corpus(name));
    EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-3"}));
    EXPECT_EQ(result.summary.events, 2u);
    expect_located(result);
    ASSERT_EQ(result.summary.errors.size(), 1u);
    EXPECT_EQ(
        result.summary.errors[0].where,
        "Records[1], inflated byte " +
            offset_of(
                "broken-record-in-middle.json",
                R"({"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2026-11-20T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion" )"));
  }
}

TEST_P(DamageTest, ALoneSurrogateIsReplacedAndTheRecordKept) {
  const auto result = scan(corpus("lone-surrogate-user-agent.json"));
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-2", "d-3"}));
  EXPECT_TRUE(result.summary.errors.empty()) << result.summary.errors[0].describe();
  ASSERT_EQ(result.events.size(), 3u);
  EXPECT_EQ(result.events[1].user_agent, "evil\xEF\xBF\xBD"
                                         "agent");
  EXPECT_EQ(result.events[1].event_id, "d-2"); // the fields after the repaired one are read too
}

TEST_P(DamageTest, TruncatedJsonKeepsTheCompleteRecords) {
  const auto result = scan(corpus("truncated-json.json.gz"));
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-2"}));
  expect_located(result);
  EXPECT_NE(result.summary.errors[0].message.find("truncated"), std::string::npos);
}

// A corrupt gzip member in the middle of a file (tests/trail/make_gzip_damage.py): reading resumes at the
// next member and keeps its records, from the first that begins after the damage; the damage is reported
// once, with its compressed byte offset and where reading resumed.
TEST_P(DamageTest, ACorruptMiddleMemberKeepsTheMembersAfterIt) {
  const auto result = scan(corpus("corrupt-middle-member.json.gz"));
  // d-3 began in the first member and d-4 in the corrupt one: both are cut by the damage.
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-2", "d-5", "d-6"}));
  EXPECT_EQ(result.summary.events, 4u);
  expect_located(result);
  ASSERT_EQ(result.summary.errors.size(), 1u);
  const Problem& problem = result.summary.errors[0];
  // Member offsets from the generator: 288 bytes of first member, 270 of the corrupt one.
  EXPECT_NE(problem.where.find("gzip member 2 (from compressed byte 288), compressed byte "),
            std::string::npos)
      << problem.describe();
  EXPECT_NE(problem.message.find("corrupt gzip"), std::string::npos) << problem.describe();
  EXPECT_NE(problem.message.find("reading resumes at the next gzip member (compressed byte 558)"),
            std::string::npos)
      << problem.describe();
}

// `cat a.gz b.gz c.gz` with b corrupt: c is a document of its own and is read whole.
TEST_P(DamageTest, ACorruptMemberBetweenTwoDocumentsKeepsBoth) {
  const auto result = scan(corpus("corrupt-member-between-documents.json.gz"));
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"d-1", "d-2", "d-3", "d-7", "d-8", "d-9"}));
  expect_located(result);
  ASSERT_EQ(result.summary.errors.size(), 1u);
  EXPECT_NE(result.summary.errors[0].where.find("gzip member 2"), std::string::npos)
      << result.summary.errors[0].describe();
  EXPECT_NE(result.summary.errors[0].message.find("reading resumes"), std::string::npos)
      << result.summary.errors[0].describe();
}

// lookup-events output cannot be read around damage; its first member is corrupt after one event. The
// problem is the gzip damage and where it is, not that the file does not begin {"Records":[ (it need not).
TEST_P(DamageTest, ALookupEventsFileWithACorruptFirstMemberSaysWhereTheGzipIsCorrupt) {
  const auto result = scan(corpus("lookup-events-first-member-corrupt.json.gz"));
  EXPECT_TRUE(result.events.empty());
  ASSERT_EQ(result.summary.errors.size(), 1u);
  const Problem& problem = result.summary.errors[0];
  EXPECT_NE(problem.message.find("corrupt gzip"), std::string::npos) << problem.describe();
  EXPECT_NE(problem.message.find("lookup-events"), std::string::npos) << problem.describe();
  EXPECT_EQ(problem.message.find("must begin"), std::string::npos) << problem.describe();
  EXPECT_NE(problem.where.find("gzip member 1 (from compressed byte 0), compressed byte "), std::string::npos)
      << problem.describe();
  EXPECT_EQ(result.summary.files_failed, 1u);
}

// The same lookup-events file intact reads whole (the reader's other input shape), so nothing above is a
// limitation of the shape itself.
TEST(DamageLookupEvents, TheIntactFileIsRead) {
  testing::TempDir dir("lookup_events_intact");
  std::string text = R"({"Events":[)";
  for (int i = 1; i <= 3; ++i) {
    testing::RecordSpec spec;
    spec.event_id = "l-" + std::to_string(i);
    std::string escaped;
    for (const char c : testing::record(spec)) {
      if (c == '"') {
        escaped += '\\';
      }
      escaped += c;
    }
    text += (i > 1 ? "," : "") + std::string(R"({"EventId":"l-)") + std::to_string(i) +
            R"(","CloudTrailEvent":")" + escaped + R"("})";
  }
  text += "]}";
  const fs::path file = dir.path() / "lookup.json.gz";
  testing::write_bytes(file, testing::gzip(text.substr(0, 100)) + testing::gzip(text.substr(100)));
  TrailScanOptions options;
  options.paths = {file};
  const TrailScanResult result = scan_files(options, AnyMatcher{});
  EXPECT_TRUE(result.summary.errors.empty()) << result.summary.errors[0].describe();
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"l-1", "l-2", "l-3"}));
}

// A big file cut short: every record inflated before the cut is kept, not the window's worth before it.
TEST(DamageLarge, ATruncatedLargeGzipKeepsEverythingBeforeTheCut) {
  testing::TempDir dir("damage_large");
  std::vector<std::string> records;
  std::size_t bytes = 0;
  for (int i = 0; bytes < (24u << 20); ++i) {
    testing::RecordSpec spec;
    spec.event_id = "big-";
    spec.event_id += std::to_string(i);
    records.push_back(testing::record(spec));
    bytes += records.back().size() + 1;
  }
  const std::string gz = testing::gzip(testing::records_document(records), 1);
  const fs::path file = dir.path() / "cut.json.gz";
  testing::write_bytes(file, gz.substr(0, gz.size() * 9 / 10));
  TrailScanOptions options;
  options.paths = {file};
  options.threads = 1;
  const TrailScanResult result = scan_files(options, AnyMatcher{});
  ASSERT_EQ(result.summary.errors.size(), 1u);
  EXPECT_NE(result.summary.errors[0].message.find("truncated gzip"), std::string::npos);
  // Nine tenths of the compressed bytes hold about nine tenths of the records; allow 2% for uneven
  // compression, far less than the 8 MiB window (a third of the file) that was lost before.
  EXPECT_GT(result.summary.events, records.size() * 88 / 100) << records.size();
  EXPECT_EQ(result.events.size(), result.summary.events);
}

INSTANTIATE_TEST_SUITE_P(WholeAndStreamed, DamageTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& param_info) {
                           return param_info.param ? "Streamed" : "Whole";
                         });

} // namespace
} // namespace rg::trail

namespace rg::trail {
namespace {

// An eventTime that is not a time: kept and flagged, never 1970, never dropped by --since/--until.
TEST(UnknownEventTime, IsKeptFlaggedAndReported) {
  const fs::path file = fs::path(RG_TEST_DATA_DIR) / "../corpus/trail-damage/unparseable-event-time.json";
  for (const bool with_since : {false, true}) {
    SCOPED_TRACE(with_since ? "--since" : "no filter");
    TrailScanOptions options;
    options.paths = {file};
    if (with_since) {
      options.since = *parse_iso8601("2026-11-01T00:00:00Z");
      options.until = *parse_iso8601("2026-11-30T00:00:00Z");
    }
    const TrailScanResult result = scan_files(options, AnyMatcher{});
    // Known times first, unknown ones last (not first, as 1970 would sort).
    EXPECT_EQ(ids_of(result), (std::vector<std::string>{"t-1", "t-2", "t-3"}));
    ASSERT_EQ(result.events.size(), 3u);
    EXPECT_TRUE(result.events[0].time_known);
    EXPECT_FALSE(result.events[1].time_known);
    EXPECT_FALSE(result.events[2].time_known);
    EXPECT_EQ(result.summary.unknown_time, 2u);
    ASSERT_EQ(result.summary.errors.size(), 2u);
    EXPECT_EQ(result.summary.errors[0].file, file.string());
    EXPECT_EQ(result.summary.errors[0].where, "eventID t-2");
    EXPECT_NE(result.summary.errors[0].message.find("\"yesterday\""), std::string::npos);
    EXPECT_EQ(result.summary.errors[1].where, "eventID t-3");
  }
}

} // namespace
} // namespace rg::trail
