// --mutelist end to end: exit codes (only unmuted FAILs make 3; an incomplete run is never clean), errors
// that name the file and line, and the muted marks in every format of scan and trail.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

namespace rg::testing {
namespace {

using ::testing::HasSubstr;

namespace fs = std::filesystem;

const std::string kExample = "examples/example-org";
const std::string kExampleMutelist = "examples/mutelist.yaml";
const std::string kDate = "2026-12-01"; // the golden day: never the real date

// A mutelist in a fresh temporary file, removed with the fixture.
class MutelistCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rootguard-mutelist-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& text) {
    const auto path = dir_ / "mutelist.yaml";
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  fs::path dir_;
};

RunResult scan(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"scan", "--snapshot", kExample, "--mutelist-date", kDate};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_rootguard(args);
}

TEST_F(MutelistCli, MutedFindingsKeepTheirStatusAndAreMarked) {
  const auto result = scan({"--mutelist", kExampleMutelist, "--format", "json"});
  EXPECT_EQ(result.exit_code, 3) << result.err; // unmuted FAILs remain
  const auto doc = nlohmann::json::parse(result.out);
  size_t muted = 0;
  for (const auto& finding : doc["findings"]) {
    if (finding["muted"].get<bool>()) {
      ++muted;
      EXPECT_TRUE(finding["mute"].is_object());
    } else {
      EXPECT_TRUE(finding["mute"].is_null());
    }
    if (finding["finding_id"] == "ca7efebb20bd748fcc83da6bf753a28a") { // 222 root-hardware-mfa
      EXPECT_EQ(finding["status"], "FAIL");
      EXPECT_TRUE(finding["muted"].get<bool>());
      EXPECT_EQ(finding["mute"]["entry"], "examples/mutelist.yaml:9");
      EXPECT_EQ(finding["mute"]["ticket"], "SEC-1042");
    }
  }
  EXPECT_EQ(muted, 3U);
  EXPECT_EQ(doc["summary"]["muted"], 3);
  EXPECT_EQ(doc["summary"]["fail"], 18);
  EXPECT_EQ(doc["summary"]["fail_unmuted"], 15);
  const auto& review = doc["mutelist"];
  EXPECT_EQ(review["judged_on"], kDate);
  EXPECT_EQ(review["expired"], 1);
  EXPECT_EQ(review["stale"], 2); // the closed account, and the trail detection (no trail in a scan)
  EXPECT_EQ(review["entries"][4]["state"], "expired");
  EXPECT_EQ(review["entries"][5]["state"], "stale");
}

TEST_F(MutelistCli, WithoutAMutelistNothingIsMuted) {
  const auto doc =
      nlohmann::json::parse(run_rootguard({"scan", "--snapshot", kExample, "--format", "json"}).out);
  EXPECT_TRUE(doc["mutelist"].is_null());
  EXPECT_EQ(doc["summary"]["muted"], 0);
  EXPECT_EQ(doc["summary"]["fail_unmuted"], 18);
}

TEST_F(MutelistCli, MutingEveryFailOfAnIncompleteScanIsStillAnError) {
  // The example organization has two unreadable inputs: with every FAIL muted, exit 1, never 0.
  const auto path =
      write("version: 1\nmutes:\n  - control: \"*\"\n    reason: all\n    expires: 2027-01-31\n");
  const auto result = scan({"--mutelist", path, "--format", "json"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["summary"]["fail_unmuted"], 0);
  EXPECT_EQ(doc["summary"]["unreadable"], 2);
}

TEST_F(MutelistCli, TrailWithEveryFindingMutedIsClean) {
  const auto path = write("version: 1\nmutes:\n  - detection: \"root-*\"\n    reason: drill\n"
                          "    expires: 2027-01-31\n");
  const auto result = run_rootguard({"trail", "examples/example-org/cloudtrail", "--format", "json",
                                     "--mutelist", path, "--mutelist-date", kDate});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["summary"]["unmuted_findings"], 0);
  EXPECT_GT(doc["summary"]["muted"].get<int>(), 0);
  for (const auto& event : doc["events"]) {
    EXPECT_EQ(event["muted"].size(), event["detections"].size()) << event.dump();
  }
  // Without the mutelist the same logs fail.
  EXPECT_EQ(run_rootguard({"trail", "examples/example-org/cloudtrail", "--format", "json"}).exit_code, 3);
}

TEST_F(MutelistCli, TrailWithEveryFindingMutedButAnUnreadableFileIsAnError) {
  const auto path = write("version: 1\nmutes:\n  - detection: \"root-*\"\n    reason: drill\n"
                          "    expires: 2027-01-31\n");
  const auto result = run_rootguard(
      {"trail", "tests/cli/data/trail", "--format", "json", "--mutelist", path, "--mutelist-date", kDate});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["summary"]["unmuted_findings"], 0);
  EXPECT_FALSE(doc["summary"]["errors"].empty());
}

TEST_F(MutelistCli, TrailMutesOneDetectionOfAnEvent) {
  const auto path =
      write("version: 1\nmutes:\n  - detection: root-console-signin-success\n    reason: drill\n"
            "    expires: 2027-01-31\n");
  const auto result = run_rootguard(
      {"trail", "tests/cli/data/trail", "--format", "json", "--mutelist", path, "--mutelist-date", kDate});
  EXPECT_EQ(result.exit_code, 3) << result.err; // the other detections of the sign-in still count
  const auto doc = nlohmann::json::parse(result.out);
  bool seen = false;
  for (const auto& event : doc["events"]) {
    if (event["event_id"] == "ev-login") {
      seen = true;
      ASSERT_EQ(event["muted"].size(), 1U);
      EXPECT_EQ(event["muted"][0]["detection"], "root-console-signin-success");
    }
  }
  EXPECT_TRUE(seen);
}

TEST_F(MutelistCli, AMalformedMutelistNamesTheFileAndLine) {
  const auto path =
      write("version: 1\nmutes:\n  - control: root-mfa\n    reason: r\n    expires: 2026-02-30\n");
  const auto result = scan({"--mutelist", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(path + ": line 5, column 14: 'expires' must be a date as YYYY-MM-DD"))
      << result.err;
  const auto trail = run_rootguard({"trail", "tests/cli/data/trail", "--mutelist", path});
  EXPECT_EQ(trail.exit_code, 2);
  EXPECT_THAT(trail.err, HasSubstr(path + ": line 5")) << trail.err;
}

TEST_F(MutelistCli, AMissingMutelistIsAnError) {
  const auto result = scan({"--mutelist", (dir_ / "absent.yaml").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("absent.yaml")) << result.err;
}

TEST_F(MutelistCli, ACriticalFindingMutedForTooLongIsRefused) {
  const auto path = write("version: 1\nmutes:\n  - control: root-hardware-mfa\n    reason: later\n"
                          "    expires: 2030-01-01\n");
  const auto result = scan({"--mutelist", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err,
              HasSubstr(path + ":3: this entry would mute the critical finding root-hardware-mfa"))
      << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(MutelistCli, MutelistDateIsCheckedAndNeedsAMutelist) {
  EXPECT_EQ(scan({}).exit_code, 2); // --mutelist-date without --mutelist
  const auto result = run_rootguard(
      {"scan", "--snapshot", kExample, "--mutelist", kExampleMutelist, "--mutelist-date", "soon"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--mutelist-date: not a date")) << result.err;
}

TEST_F(MutelistCli, HostileValuesAreEscapedInTheTable) {
  const auto path = write("version: 1\nmutes:\n  - control: root-hardware-mfa\n"
                          "    reason: \"\\e[31mred\\e[0m <b>bold</b>\"\n    expires: 2027-01-31\n");
  const auto table = scan({"--mutelist", path, "--color", "never"});
  EXPECT_EQ(table.exit_code, 3) << table.err;
  EXPECT_EQ(table.out.find('\x1b'), std::string::npos);
  const auto html = scan({"--mutelist", path, "--format", "html"});
  EXPECT_EQ(html.out.find("<b>bold</b>"), std::string::npos);
  EXPECT_THAT(html.out, HasSubstr("&lt;b&gt;bold&lt;/b&gt;"));
}

} // namespace
} // namespace rg::testing
