// Issue 10: event and snapshot fields never reach the terminal raw. The hostile CloudTrail file carries
// OSC title and clipboard sequences, `\r` + `ESC[2K` and bidi controls (tests/corpus/terminal/README.md).
#include "cli/run_binary.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rg::testing {
namespace {

const std::string kHostile = "tests/corpus/terminal/hostile-user-agent.json";

bool has_raw_control(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7f) {
      return true;
    }
  }
  return text.find("\u202e") != std::string::npos || text.find("\u2066") != std::string::npos;
}

TEST(TerminalSafety, TrailTableShowsHostileFieldsEscaped) {
  for (const auto* lang : {"en", "ja"}) {
    const auto result = run_rootguard({"trail", kHostile, "--lang", lang});
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_FALSE(has_raw_control(result.out)) << result.out;
    EXPECT_NE(result.out.find("\\x1b]0;pwned title\\x07"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("203.0.113.7\\r\\x1b[2Kfake line"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\\u202e"), std::string::npos) << result.out; // the list cuts long agents
    EXPECT_FALSE(has_raw_control(result.err)) << result.err;
  }
}

TEST(TerminalSafety, JsonKeepsTheValuesIntact) {
  const auto result = run_rootguard({"trail", kHostile, "--format", "json"});
  ASSERT_EQ(result.exit_code, 3) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_EQ(doc["events"].size(), 1U);
  EXPECT_EQ(doc["events"][0]["source_ip"], "203.0.113.7\r\x1b[2Kfake line");
}

TEST(TerminalSafety, PolicyCheckTextEscapesSidsAndPaths) {
  const auto file = std::filesystem::temp_directory_path() / "rg_hostile_sid.json";
  std::ofstream(file) << R"({"Version":"2012-10-17","Statement":[{"Sid":"Deny\u001b]0;x\u0007Root",
      "Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})";
  const auto result = run_rootguard({"policy", "check", file.string(), "--type", "scp"});
  std::filesystem::remove(file);
  EXPECT_NE(result.out.find("Deny\\x1b]0;x\\x07Root"), std::string::npos) << result.out;
  EXPECT_FALSE(has_raw_control(result.out)) << result.out;
}

} // namespace
} // namespace rg::testing
