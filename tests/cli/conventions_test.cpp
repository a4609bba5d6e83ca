// The conventions every subcommand keeps: --version with the commit and build flags, --quiet, --no-color
// with NO_COLOR and TERM=dumb, and the path of each file written noted on stderr.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <regex>
#include <string>
#include <unistd.h>
#include <vector>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExample = "examples/example-org";

fs::path fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

bool has_colour(const std::string& text) {
  return text.find("\x1b[") != std::string::npos;
}

// `rootguard ARGS` on a pseudo-terminal (script(1)), so that --color=auto sees a terminal on stdout.
std::string on_terminal(const std::string& args, const std::vector<std::string>& env) {
  const auto result =
      run_program("/usr/bin/script", {"-qec", std::string(RG_BINARY) + " " + args, "/dev/null"}, env);
  return result.out;
}

TEST(Conventions, VersionNamesTheCommitAndTheBuild) {
  const auto result = run_rootguard({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  const std::regex expected("rootguard [0-9]+\\.[0-9]+\\.[0-9]+\n"
                            "commit: ([0-9a-f]{7,40}|unknown)\n"
                            "build: [A-Za-z]+, [A-Za-z]+ [0-9.]+, sanitizer: [a-z,-]+\n");
  EXPECT_TRUE(std::regex_match(result.out, expected)) << result.out;
}

TEST(Conventions, QuietSilencesInformationButNotErrors) {
  const auto dir = fresh_dir("rootguard-quiet");
  const auto loud = run_rootguard({"fix", "--snapshot", kExample, "--output-dir", (dir / "a").string()});
  EXPECT_NE(loud.err.find("written to"), std::string::npos) << loud.err;
  EXPECT_NE(loud.err.find("rootguard: wrote " + (dir / "a").string() + "\n"), std::string::npos) << loud.err;
  // After the subcommand or before it, the same.
  for (const auto& args :
       {std::vector<std::string>{"fix", "-q", "--snapshot", kExample, "--output-dir"},
        std::vector<std::string>{"--quiet", "fix", "--snapshot", kExample, "--output-dir"}}) {
    auto with_dir = args;
    with_dir.push_back((dir / "b").string());
    const auto quiet = run_rootguard(with_dir);
    EXPECT_EQ(quiet.exit_code, loud.exit_code);
    // Only the reason for the non-zero exit is left: the example holds unreadable inputs on purpose.
    EXPECT_EQ(quiet.err.find("written to"), std::string::npos) << quiet.err;
    EXPECT_EQ(quiet.err.find("rootguard: wrote"), std::string::npos) << quiet.err;
    EXPECT_EQ(quiet.exit_code == 1, quiet.err.find("rootguard: exit 1: ") == 0) << quiet.err;
    EXPECT_TRUE(fs::exists(dir / "b" / "fix.sh"));
  }
  const auto error = run_rootguard({"scan", "--quiet", "--snapshot", "README.md"});
  EXPECT_EQ(error.exit_code, 1);
  EXPECT_NE(error.err.find("is not a folder"), std::string::npos) << error.err;
  fs::remove_all(dir);
}

TEST(Conventions, WrittenFilesAreNamedOnStderrInTheChosenLanguage) {
  const auto dir = fresh_dir("rootguard-written");
  fs::create_directories(dir);
  const auto file = (dir / "scan.json").string();
  const auto scan = run_rootguard({"scan", "--snapshot", kExample, "--format", "json", "--output", file});
  EXPECT_EQ(scan.exit_code, 3);
  EXPECT_TRUE(scan.out.empty());
  EXPECT_NE(scan.err.find("rootguard: wrote " + file + "\n"), std::string::npos) << scan.err;
  const auto ja = run_rootguard({"controls", "list", "--lang", "ja", "--output", file});
  EXPECT_NE(ja.err.find("rootguard: " + file + " を書き込みました\n"), std::string::npos) << ja.err;
  const auto several = run_rootguard({"scan", "--snapshot", kExample, "--format", "json", "--format", "sarif",
                                      "--output-dir", (dir / "out").string()});
  EXPECT_NE(several.err.find("rootguard: wrote " + (dir / "out" / "scan.json").string() + "\n"),
            std::string::npos)
      << several.err;
  EXPECT_NE(several.err.find("rootguard: wrote " + (dir / "out" / "scan.sarif").string()), std::string::npos)
      << several.err;
  const auto trail = run_rootguard({"trail", "--format", "json", "--format", "table", "--output-dir",
                                    (dir / "trail").string(), "tests/cli/data/trail"});
  EXPECT_NE(trail.err.find("rootguard: wrote " + (dir / "trail" / "trail.json").string() + "\n"),
            std::string::npos)
      << trail.err;
  const auto quiet =
      run_rootguard({"scan", "-q", "--snapshot", kExample, "--format", "json", "--output", file});
  EXPECT_EQ(quiet.err, "");
  fs::remove_all(dir);
}

TEST(Conventions, ColourOnATerminalUnlessNoColorNoColorEnvOrDumbTerminal) {
  if (!fs::exists("/usr/bin/script")) {
    GTEST_SKIP() << "script(1) not installed";
  }
  const std::string scan = "scan --snapshot " + kExample;
  EXPECT_TRUE(has_colour(on_terminal(scan, {"TERM=xterm"}))) << "the terminal gets colour";
  EXPECT_FALSE(has_colour(on_terminal(scan + " --no-color", {"TERM=xterm"})));
  EXPECT_FALSE(has_colour(on_terminal("--no-color " + scan, {"TERM=xterm"})));
  EXPECT_FALSE(has_colour(on_terminal(scan, {"TERM=xterm", "NO_COLOR=1"})));
  EXPECT_TRUE(has_colour(on_terminal(scan, {"TERM=xterm", "NO_COLOR="}))) << "an empty NO_COLOR is unset";
  EXPECT_FALSE(has_colour(on_terminal(scan, {"TERM=dumb"})));
  EXPECT_FALSE(has_colour(on_terminal("trail tests/cli/data/trail", {"TERM=dumb"})));
  // An explicit --color=always overrides the environment (no-color.org), --no-color overrides both.
  EXPECT_TRUE(has_colour(on_terminal(scan + " --color always", {"TERM=xterm", "NO_COLOR=1"})));
  EXPECT_FALSE(has_colour(on_terminal(scan + " --color always --no-color", {"TERM=xterm"})));
}

} // namespace
} // namespace rg::testing
