// Timestamps in snapshot files as both AWS CLI generations print them (ISO 8601 with any offset, epoch
// seconds as numbers), read through the one timestamp reader; a value that is not a time is a problem
// naming the file and the JSON path, never the epoch.
#include "snapshot/snapshot_loader.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

namespace rg::snapshot {
namespace {

namespace fs = std::filesystem;

// base64 of "user,arn,mfa_active\n<root_account>,arn:aws:iam::111111111111:root,true\n"
constexpr const char* kReportContent =
    "dXNlcixhcm4sbWZhX2FjdGl2ZQo8cm9vdF9hY2NvdW50Pixhcm46YXdzOmlhbTo6MTExMTEx"
    "MTExMTExOnJvb3QsdHJ1ZQo=";
constexpr const char* kReportFile = "accounts/111111111111/iam/GetCredentialReport.json";

class SnapshotTimestamps : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rg_timestamps_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& relative, const std::string& content) {
    const auto path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

  model::Snapshot with_collected_at(const std::string& json_value) {
    write("snapshot.json", R"({"collected_at": )" + json_value + "}");
    return load_snapshot(dir_);
  }

  model::Snapshot with_generated_time(const std::string& json_value) {
    write("snapshot.json", R"({"collected_at": "2026-01-02T00:00:00Z"})");
    write(kReportFile,
          std::string(R"({"Content": ")") + kReportContent + R"(", "GeneratedTime": )" + json_value + "}");
    return load_snapshot(dir_);
  }

  fs::path dir_;
};

const TimePoint kNewYear = *parse_iso8601("2026-01-01T00:00:00Z");

TEST_F(SnapshotTimestamps, CollectedAtInEveryFormTheClisPrint) {
  for (const char* value :
       {R"("2026-01-01T00:00:00Z")", R"("2026-01-01T09:00:00+09:00")", R"("2025-12-31T19:00:00-05:00")",
        R"("2026-01-01T00:00:00.123456+00:00")", "1767225600", "1767225600.0", "1767225600.999"}) {
    const auto snapshot = with_collected_at(value);
    ASSERT_TRUE(snapshot.collected_at) << value;
    EXPECT_EQ(*snapshot.collected_at, kNewYear) << value;
    for (const auto& problem : snapshot.problems) {
      EXPECT_NE(problem.file, "snapshot.json") << value << ": " << problem.message;
    }
  }
}

TEST_F(SnapshotTimestamps, CollectedAtThatIsNoTimeIsAProblemNeverTheEpoch) {
  for (const char* value : {R"("2026-13-45T99:99:99Z")", R"("1767225600")", R"("")", "1e300", "-1e20", "true",
                            "{}", R"("2026-01-01T00:00:00+0900")"}) {
    const auto snapshot = with_collected_at(value);
    EXPECT_FALSE(snapshot.collected_at) << value;
    ASSERT_FALSE(snapshot.problems.empty()) << value;
    EXPECT_EQ(snapshot.problems[0].file, "snapshot.json") << value;
    EXPECT_EQ(snapshot.problems[0].where, "$.collected_at") << value;
  }
}

TEST_F(SnapshotTimestamps, GeneratedTimeInEveryFormTheClisPrint) {
  for (const char* value : {R"("2026-01-01T00:00:00Z")", R"("2026-01-01T09:00:00+09:00")", "1767225600.0"}) {
    const auto snapshot = with_generated_time(value);
    ASSERT_EQ(snapshot.accounts.size(), 1U);
    const auto& report = snapshot.accounts[0].credential_report;
    ASSERT_TRUE(report) << value;
    ASSERT_TRUE(report->generated_time) << value;
    EXPECT_EQ(*report->generated_time, kNewYear) << value;
    EXPECT_TRUE(snapshot.problems.empty()) << value;
  }
}

TEST_F(SnapshotTimestamps, BadGeneratedTimeIsLocatedAndTheRowsAreStillRead) {
  for (const char* value : {R"("last tuesday")", "1e300", "[1]"}) {
    const auto snapshot = with_generated_time(value);
    ASSERT_EQ(snapshot.accounts.size(), 1U);
    const auto& report = snapshot.accounts[0].credential_report;
    ASSERT_TRUE(report) << value;
    EXPECT_FALSE(report->generated_time) << value;
    EXPECT_NE(report->root(), nullptr) << value;
    ASSERT_EQ(snapshot.problems.size(), 1U) << value;
    EXPECT_EQ(snapshot.problems[0].file, kReportFile) << value;
    EXPECT_EQ(snapshot.problems[0].where, "$.GeneratedTime") << value;
  }
}

} // namespace
} // namespace rg::snapshot
