// Issue 15's conventions for inputs and machine output: several files for `policy check` (one
// unreadable file named and counted, the others still checked), '-' for standard input, and --format jsonl
// saying exactly what --format json says, one record per line.
#include "cli/run_binary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rg::testing {
namespace {

TEST(PolicyCheckFiles, SeveralFilesGiveAnArrayInTheOrderGiven) {
  const auto result =
      run_rootguard({"policy", "check", "examples/policies/deny-root-user.json",
                     "examples/policies/seed-article-scp.json", "--type", "scp", "--format", "json"});
  EXPECT_EQ(result.exit_code, 3) << result.err; // the seed article's SCP is invalid
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 2U);
  EXPECT_EQ(doc[0]["file"], "examples/policies/deny-root-user.json");
  EXPECT_EQ(doc[0]["denies_root"]["scope"], "all");
  EXPECT_EQ(doc[1]["file"], "examples/policies/seed-article-scp.json");
  EXPECT_EQ(doc[1]["valid"], false);
}

TEST(PolicyCheckFiles, AnUnreadableFileIsNamedCountedAndTheOthersChecked) {
  const auto result = run_rootguard({"policy", "check", "examples/policies/deny-root-user.json",
                                     "examples/policies/no-such-policy.json", "--type", "scp"});
  EXPECT_EQ(result.exit_code, 1) << result.err; // the valid one passes; the run is still incomplete
  EXPECT_NE(result.err.find("no-such-policy.json"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("deny-root-user.json"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Files that could not be read: 1 of 2"), std::string::npos) << result.out;
}

TEST(PolicyCheckFiles, AnUnreadableFileIsAnEntryInTheJson) {
  const auto result = run_rootguard({"policy", "check", "examples/policies/deny-root-user.json", "examples",
                                     "--type", "scp", "--format", "json"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_EQ(doc.size(), 2U);
  EXPECT_EQ(doc[1]["file"], "examples");
  EXPECT_EQ(doc[1]["readable"], false);
  EXPECT_NE(doc[1]["error"].get<std::string>().find("not a regular file"), std::string::npos) << doc[1];
}

TEST(PolicyCheckFiles, AFolderAloneIsAnErrorNotACrash) {
  const auto result = run_rootguard({"policy", "check", "examples/policies", "--type", "scp"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("not a regular file"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(PolicyCheckFiles, StandardInputOnlyOnce) {
  const auto result = run_rootguard({"policy", "check", "-", "-", "--type", "scp"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("only once"), std::string::npos) << result.err;
}

TEST(JsonLines, EveryFindingIsTheJsonDocumentsFindingWithItsRun) {
  const std::vector<std::string> scan{"scan", "--snapshot", "examples/example-org", "--lang", "en"};
  auto json_args = scan;
  json_args.insert(json_args.end(), {"--format", "json"});
  auto lines_args = scan;
  lines_args.insert(lines_args.end(), {"--format", "jsonl"});
  const auto json = run_rootguard(json_args);
  const auto lines = run_rootguard(lines_args);
  ASSERT_EQ(json.exit_code, 3);
  ASSERT_EQ(lines.exit_code, 3);
  const auto doc = nlohmann::json::parse(json.out);
  std::istringstream in(lines.out);
  std::string line;
  size_t findings = 0;
  size_t problems = 0;
  bool summary_seen = false;
  while (std::getline(in, line)) {
    ASSERT_FALSE(summary_seen) << "the summary must be the last record";
    auto record = nlohmann::json::parse(line);
    EXPECT_EQ(record["run"]["snapshot"], doc["run"]["snapshot"]);
    const std::string type = record["type"];
    record.erase("type");
    record.erase("run");
    if (type == "finding") {
      ASSERT_LT(findings, doc["findings"].size());
      EXPECT_EQ(record, doc["findings"][findings]);
      ++findings;
    } else if (type == "problem") {
      // The example organization has two unreadable files on purpose: each is a record of its own.
      ASSERT_LT(problems, doc["problems"].size());
      EXPECT_EQ(record, doc["problems"][problems]);
      ++problems;
    } else if (type == "summary") {
      EXPECT_EQ(record, doc["summary"]);
      summary_seen = true;
    } else {
      ADD_FAILURE() << "unexpected record type " << type;
    }
  }
  EXPECT_EQ(findings, doc["findings"].size());
  EXPECT_EQ(problems, doc["problems"].size());
  EXPECT_EQ(problems, 2U);
  EXPECT_TRUE(summary_seen);
}

} // namespace
} // namespace rg::testing
