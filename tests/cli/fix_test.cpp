// rootguard fix: writes its three artefacts, and the generated script passes `bash -n`.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>

extern char** environ;

namespace rg::testing {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// bash -n FILE through posix_spawn with an argv: no shell parses the path.
int bash_syntax_check(const fs::path& script) {
  std::string bash = "/bin/bash";
  std::string flag = "-n";
  std::string file = script.string();
  char* argv[] = {bash.data(), flag.data(), file.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv, environ) != 0) {
    return -1;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(Fix, WritesTerraformScriptAndChecklist) {
  const auto dir = fs::temp_directory_path() / ("rg-fix-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto result = run_rootguard(
      {"fix", "--snapshot", "examples/example-org", "--output-dir", dir.string(), "--lang", "en"});
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1)
      << result.err; // 1: the example has unreadable input
  const auto script = read_all(dir / "fix.sh");
  EXPECT_TRUE(script.starts_with("#!/usr/bin/env bash\n"));
  EXPECT_NE(script.find("set -euo pipefail"), std::string::npos);
  EXPECT_NE(script.find("ACCOUNT_ID='222222222222'"), std::string::npos);
  EXPECT_NE(script.find("export AWS_REGION='us-east-1'"), std::string::npos);
  EXPECT_EQ(bash_syntax_check(dir / "fix.sh"), 0);
  const auto main_tf = read_all(dir / "main.tf");
  EXPECT_NE(main_tf.find("module \"t_222222222222_us_east_1\""), std::string::npos);
  EXPECT_NE(read_all(dir / "targets" / "222222222222-us-east-1" / "main.tf").find("aws_guardduty_detector"),
            std::string::npos);
  // Only failing controls: the management account passes everything.
  EXPECT_EQ(main_tf.find("111111111111"), std::string::npos);
  const auto checklist = read_all(dir / "CHECKLIST.md");
  EXPECT_NE(checklist.find("## Account 444444444444"), std::string::npos);
  EXPECT_NE(checklist.find("root-mfa"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Fix, ChecklistInJapanese) {
  const auto dir = fs::temp_directory_path() / ("rg-fix-test-ja-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  (void)run_rootguard(
      {"fix", "--snapshot", "examples/example-org", "--output-dir", dir.string(), "--lang", "ja"});
  EXPECT_NE(read_all(dir / "CHECKLIST.md").find("アカウント 444444444444"), std::string::npos);
  fs::remove_all(dir);
}

} // namespace
} // namespace rg::testing
