// Issue 10: a symlink planted inside the `fix` output folder (here accounts/, where the per-account
// Terraform modules go) must not carry the writes outside it.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;

TEST(FixOutputFolder, APlantedAccountsLinkIsRefusedAndNothingLandsOutside) {
  const auto root = fs::temp_directory_path() / ("rg-fix-planted-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "out");
  fs::create_directories(root / "outside");
  fs::create_directory_symlink(root / "outside", root / "out" / "accounts");
  const auto result = run_rootguard(
      {"fix", "--snapshot", "examples/example-org", "--output-dir", (root / "out").string(), "--lang", "en"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("a symlink"), std::string::npos) << result.err;
  EXPECT_TRUE(fs::is_empty(root / "outside"));
  fs::remove_all(root);
}

} // namespace
} // namespace rg::testing
