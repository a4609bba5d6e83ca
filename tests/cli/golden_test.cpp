// Golden outputs for the example organization. Regenerate with scripts/update-golden after an intended
// change, and review the diff like code.
#include "cli/run_binary.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(RG_TEST_DATA_DIR) / ".." / "golden" / "example-org";

void expect_golden(const std::string& name, const std::vector<std::string>& args) {
  const auto result = run_rootguard(args);
  EXPECT_EQ(result.exit_code, 3) << result.err; // the example has failures by design
  const auto path = kGolden / name;
  if (std::getenv("RG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << result.out;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run scripts/update-golden)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(result.out, expected.str())
      << "output differs from " << path << " (scripts/update-golden to accept)";
}

TEST(Golden, ScanJsonEnglish) {
  expect_golden("scan.en.json",
                {"scan", "--snapshot", "examples/example-org", "--format", "json", "--lang", "en"});
}

TEST(Golden, ScanJsonJapanese) {
  expect_golden("scan.ja.json",
                {"scan", "--snapshot", "examples/example-org", "--format", "json", "--lang", "ja"});
}

TEST(Golden, ScanTableEnglish) {
  expect_golden("scan.en.txt",
                {"scan", "--snapshot", "examples/example-org", "--lang", "en", "--color", "never"});
}

TEST(Golden, ScanTableJapanese) {
  expect_golden("scan.ja.txt",
                {"scan", "--snapshot", "examples/example-org", "--lang", "ja", "--color", "never"});
}

// One golden per machine format, English, on the example organization.
class GoldenFormat : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenFormat, ScanEnglish) {
  const std::string format = GetParam();
  expect_golden("scan." + format,
                {"scan", "--snapshot", "examples/example-org", "--format", format, "--lang", "en"});
}

TEST_P(GoldenFormat, TrailEnglish) {
  const std::string format = GetParam();
  expect_golden("trail." + format, {"trail", "examples/example-org/cloudtrail", "--format", format, "--lang",
                                    "en", "--threads", "1"});
}

// The same with examples/mutelist.yaml, judged on a fixed day: muted findings in every format.
const std::vector<std::string> kMutelist{"--mutelist", "examples/mutelist.yaml", "--mutelist-date",
                                         "2026-12-01"};

std::vector<std::string> with_mutelist(std::vector<std::string> args) {
  args.insert(args.end(), kMutelist.begin(), kMutelist.end());
  return args;
}

TEST_P(GoldenFormat, MutedScanEnglish) {
  const std::string format = GetParam();
  expect_golden("scan.muted." + format, with_mutelist({"scan", "--snapshot", "examples/example-org",
                                                       "--format", format, "--lang", "en"}));
}

TEST_P(GoldenFormat, MutedTrailEnglish) {
  const std::string format = GetParam();
  expect_golden("trail.muted." + format,
                with_mutelist({"trail", "examples/example-org/cloudtrail", "--format", format, "--lang", "en",
                               "--threads", "1"}));
}

TEST(Golden, MutedScanJsonEnglish) {
  expect_golden("scan.muted.en.json", with_mutelist({"scan", "--snapshot", "examples/example-org", "--format",
                                                     "json", "--lang", "en"}));
}

TEST(Golden, MutedScanTableEnglish) {
  expect_golden("scan.muted.en.txt", with_mutelist({"scan", "--snapshot", "examples/example-org", "--lang",
                                                    "en", "--color", "never"}));
}

TEST(Golden, MutedScanTableJapanese) {
  expect_golden("scan.muted.ja.txt", with_mutelist({"scan", "--snapshot", "examples/example-org", "--lang",
                                                    "ja", "--color", "never"}));
}

TEST(Golden, MutedTrailTableJapanese) {
  expect_golden("trail.muted.ja.txt", with_mutelist({"trail", "examples/example-org/cloudtrail", "--lang",
                                                     "ja", "--color", "never", "--threads", "1"}));
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenFormat,
                         ::testing::Values("asff", "ocsf", "sarif", "csv", "html", "jsonl"));

} // namespace
} // namespace rg::testing
