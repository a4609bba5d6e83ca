// Replays tests/corpus/policy/: every file through every policy type. Nothing may crash or throw, an
// invalid verdict must come with a located error, and expected.txt pins the codes specific files produce.
#include "policy/check.hpp"
#include "policy/check_report.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rg::policy {
namespace {

const std::filesystem::path kCorpus = std::filesystem::path(RG_SOURCE_DIR) / "tests" / "corpus" / "policy";

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PolicyCorpus, EveryFileGivesAVerdictNeverACrash) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    ++files;
    const auto text = slurp(entry.path());
    for (const auto type : {PolicyType::kScp, PolicyType::kIdentity, PolicyType::kResource}) {
      const auto result = check_policy(text, type);
      if (!result.valid) {
        ASSERT_TRUE(has_errors(result.problems)) << entry.path();
        for (const auto& problem : result.problems) {
          EXPECT_FALSE(problem.path.empty()) << entry.path() << " " << problem.code;
          EXPECT_FALSE(problem.message.en.empty()) << problem.code;
          EXPECT_FALSE(problem.message.ja.empty()) << problem.code;
        }
        EXPECT_EQ(result.denies_root.scope, RootScope::kNone);
      }
      EXPECT_FALSE(render_check_json(result, entry.path().filename().string(), Lang::kJa).empty());
      EXPECT_FALSE(render_check_text(result, entry.path().filename().string(), Lang::kEn).empty());
    }
  }
  EXPECT_GE(files, 20u);
}

// expected.txt: "<file> <type> <code> [<path>]" per line; '#' starts a comment.
TEST(PolicyCorpus, ExpectedCodes) {
  std::ifstream manifest(kCorpus / "expected.txt");
  ASSERT_TRUE(manifest) << "missing expected.txt";
  std::string line;
  size_t checked = 0;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::istringstream fields(line);
    std::string file, type_name, code, path;
    fields >> file >> type_name >> code >> path;
    const auto type = parse_policy_type(type_name);
    ASSERT_TRUE(type) << line;
    const auto result = check_policy(slurp(kCorpus / file), *type);
    bool found = false;
    for (const auto& problem : result.problems) {
      found = found || (problem.code == code && (path.empty() || problem.path == path));
    }
    EXPECT_TRUE(found) << line;
    ++checked;
  }
  EXPECT_GE(checked, 15u);
}

} // namespace
} // namespace rg::policy
