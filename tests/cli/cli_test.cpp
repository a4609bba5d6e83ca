// The built binary end to end: exit codes, filters, output files, language selection.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExample = "examples/example-org";

nlohmann::json scan_json(const std::vector<std::string>& extra, int expected_exit) {
  std::vector<std::string> args{"scan", "--snapshot", kExample, "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_rootguard(args);
  EXPECT_EQ(result.exit_code, expected_exit) << result.err;
  return nlohmann::json::parse(result.out);
}

// Typos are named with the nearest known word, on stderr, exit 2: not "A subcommand is required".
TEST(Cli, UnknownCommandsAndOptionsAreNamedWithTheNearestKnownOne) {
  const auto command = run_rootguard({"scn"});
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_TRUE(command.out.empty());
  EXPECT_NE(command.err.find("unknown command 'scn' (did you mean 'scan'?)"), std::string::npos)
      << command.err;
  EXPECT_EQ(command.err.find("snapshot,"), std::string::npos) << "hidden commands are not listed";
  const auto option = run_rootguard({"scan", "--snaphot", "examples/example-org"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_NE(option.err.find("rootguard scan: unknown option --snaphot (did you mean --snapshot?)"),
            std::string::npos)
      << option.err;
  const auto nested = run_rootguard({"policy", "chek"});
  EXPECT_NE(nested.err.find("rootguard policy: unknown command 'chek' (did you mean 'check'?)"),
            std::string::npos)
      << nested.err;
  const auto far = run_rootguard({"trail", "--colour-scheme=x", "tests/cli/data/trail"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_NE(far.err.find("unknown option --colour-scheme; see rootguard trail --help"), std::string::npos)
      << far.err; // nothing near enough to suggest
  // Known words still parse; a value after "--" is never taken for an option.
  EXPECT_EQ(run_rootguard({"trail", "--threads=1", "--", "tests/cli/data/trail"}).exit_code, 3);
}

TEST(Cli, ASnapshotThatIsAFileSaysItIsNotAFolder) {
  const auto result = run_rootguard({"scan", "--snapshot", "README.md"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--snapshot README.md is not a folder"), std::string::npos) << result.err;
}

TEST(Cli, ExitThreeWhenFailuresAreReported) {
  const auto doc = scan_json({}, 3);
  EXPECT_GT(doc["summary"]["fail"].get<int>(), 0);
  EXPECT_EQ(doc["summary"]["unreadable"].get<int>(), 2);
  for (const auto& finding : doc["findings"]) {
    for (const char* key : {"finding_id", "control_id", "account_id", "status", "severity", "resource",
                            "title", "reason", "remediation"}) {
      EXPECT_TRUE(finding.contains(key)) << key;
    }
    EXPECT_TRUE(finding["remediation"].contains("console"));
    EXPECT_TRUE(finding["remediation"].contains("cli"));
    EXPECT_TRUE(finding["remediation"].contains("terraform"));
  }
}

TEST(Cli, EveryControlShowsEveryStatusInTheExample) {
  const auto doc = scan_json({}, 3);
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& finding : doc["findings"]) {
    seen[finding["control_id"]].insert(finding["status"].get<std::string>());
  }
  ASSERT_EQ(seen.size(), 11U);
  for (const auto& [control, statuses] : seen) {
    if (control == "org-root-access-management") {
      continue; // one organization has one management account: its tests cover the other statuses
    }
    EXPECT_EQ(statuses, (std::set<std::string>{"PASS", "FAIL", "UNKNOWN"})) << control;
  }
}

TEST(Cli, StatusFilterWithoutFailuresExitsOneBecauseAnInputWasUnreadable) {
  const auto doc = scan_json({"--status", "PASS"}, 1);
  for (const auto& finding : doc["findings"]) {
    EXPECT_EQ(finding["status"], "PASS");
  }
}

TEST(Cli, CleanScanExitsZero) {
  const auto result = run_rootguard({"scan", "--snapshot", "tests/cli/data/clean", "--format", "json"});
  EXPECT_EQ(result.exit_code, 0) << result.err << result.out;
}

TEST(Cli, ControlsAndSeverityFilters) {
  const auto doc = scan_json({"--controls", "root-mfa,root-access-keys", "--severity", "critical"}, 3);
  for (const auto& finding : doc["findings"]) {
    const auto id = finding["control_id"].get<std::string>();
    EXPECT_TRUE(id == "root-mfa" || id == "root-access-keys") << id;
    EXPECT_EQ(finding["severity"], "critical");
  }
  const auto high = scan_json({"--severity", "high"}, 3);
  for (const auto& finding : high["findings"]) {
    EXPECT_EQ(finding["severity"], "high");
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_rootguard({"scan"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"scan", "--snapshot", kExample, "--controls", "no-such-control"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"scan", "--snapshot", kExample, "--format", "yaml"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"scan", "--snapshot", kExample, "--status", "MAYBE"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"scan", "--snapshot", kExample, "--as-of", "last tuesday"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"frobnicate"}).exit_code, 2);
}

TEST(Cli, MissingSnapshotExitsOne) {
  const auto result = run_rootguard({"scan", "--snapshot", "no/such/folder"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no/such/folder"), std::string::npos);
}

TEST(Cli, OutputFileIsWrittenAndStdoutStaysEmpty) {
  const auto path = fs::temp_directory_path() / "rg_cli_output.json";
  fs::remove(path);
  const auto result =
      run_rootguard({"scan", "--snapshot", kExample, "--format", "json", "--output", path.string()});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_TRUE(result.out.empty());
  std::ifstream in(path);
  const auto doc = nlohmann::json::parse(in);
  EXPECT_TRUE(doc.contains("findings"));
  fs::remove(path);
}

TEST(Cli, LanguageDefaultsFromLang) {
  const auto ja =
      run_rootguard({"scan", "--snapshot", kExample, "--controls", "root-mfa"}, {"LANG=ja_JP.UTF-8"});
  EXPECT_NE(ja.out.find("ルートユーザーに対して MFA を有効にする必要があります"), std::string::npos)
      << ja.out;
  const auto en = run_rootguard({"scan", "--snapshot", kExample, "--controls", "root-mfa"});
  EXPECT_NE(en.out.find("Root user has MFA enabled"), std::string::npos);
  EXPECT_EQ(en.out.find("\033["), std::string::npos); // not a TTY: no colour
}

TEST(Cli, AsOfMovesTheClock) {
  const auto doc = scan_json({"--controls", "root-recent-use", "--as-of", "2030-01-01T00:00:00Z"}, 1);
  EXPECT_EQ(doc["summary"]["fail"], 0);
  EXPECT_EQ(doc["run"]["as_of"], "2030-01-01T00:00:00Z");
}

TEST(Cli, CloudTrailInTheSnapshotFeedsRecentUse) {
  const auto doc = scan_json({"--controls", "root-recent-use"}, 3);
  bool quoted = false;
  for (const auto& finding : doc["findings"]) {
    if (finding["account_id"] == "222222222222") {
      const auto reason = finding["reason"].get<std::string>();
      quoted = reason.find("CloudTrail: root last used") != std::string::npos &&
               reason.find("203.0.113.24") != std::string::npos;
    }
  }
  EXPECT_TRUE(quoted);
}

TEST(Cli, CloudTrailOptionAddsLogs) {
  const auto result =
      run_rootguard({"scan", "--snapshot", "tests/cli/data/clean", "--format", "json", "--cloudtrail",
                     "examples/example-org/cloudtrail/AWSLogs/o-exampleorg1/222222222222"});
  EXPECT_EQ(result.exit_code, 0) << result.err; // the logs are of another account
  EXPECT_NE(result.out.find("shows no root use in this account"), std::string::npos);
}

TEST(Cli, ControlsListAsJson) {
  const auto result = run_rootguard({"controls", "list", "--format", "json"});
  EXPECT_EQ(result.exit_code, 0);
  const auto list = nlohmann::json::parse(result.out);
  EXPECT_EQ(list.size(), 11U);
}

} // namespace
} // namespace rg::testing
