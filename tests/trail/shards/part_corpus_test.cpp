// Replays tests/corpus/trail-part: damaged, truncated and edited part files. Each bad one is refused with a
// FatalError that names the file (and, past the JSON syntax, the place in it), never a crash or another
// exception; the ok- seeds merge.
#include "pipeline/trail_part.hpp"
#include "util/fatal_error.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rg::pipeline {
namespace {

namespace fs = std::filesystem;

// The version the corpus files carry: merge refuses a part written by another rootguard.
constexpr const char* kCorpusVersion = "0.0.0-corpus";

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(RG_SOURCE_DIR) / "tests" / "corpus" / "trail-part")) {
    if (entry.path().filename() != "README.md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(TrailPartCorpus, EveryBadPartIsRefusedNamingTheFile) {
  const auto files = corpus_files();
  ASSERT_GE(files.size(), 20U);
  for (const auto& file : files) {
    const bool ok = file.filename().string().starts_with("ok-");
    try {
      const auto report = merge_trail_parts({file}, kCorpusVersion);
      EXPECT_TRUE(ok) << file << " was merged";
      EXPECT_GT(report.result.summary.files, 0U) << file;
    } catch (const FatalError& error) {
      const std::string message = error.what();
      EXPECT_FALSE(ok) << file << ": " << message;
      EXPECT_NE(message.find(file.string()), std::string::npos) << file << ": " << message;
      EXPECT_TRUE(error.code() == ExitCode::kError || error.code() == ExitCode::kUsage) << message;
      EXPECT_LT(message.size(), 2000U) << file << ": a refusal says what is wrong, not the whole part";
    }
  }
}

} // namespace
} // namespace rg::pipeline
