#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace rg {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rg_files_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FilesTest, ReadAbsentFileIsAbsentProblem) {
  const auto result = read_file(dir_ / "missing.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kAbsent);
}

TEST_F(FilesTest, WriteThenRead) {
  write_file_atomically(dir_ / "out.txt", "hello");
  const auto result = read_file(dir_ / "out.txt");
  ASSERT_TRUE(result);
  EXPECT_EQ(*result, "hello");
}

TEST_F(FilesTest, WritingOverASymlinkReplacesTheLinkNotItsTarget) {
  const auto target = dir_ / "precious.txt";
  write_file_atomically(target, "keep me");
  fs::create_symlink(target, dir_ / "report.json");
  write_file_atomically(dir_ / "report.json", "report");
  EXPECT_EQ(*read_file(target), "keep me");
  EXPECT_FALSE(fs::is_symlink(dir_ / "report.json"));
  EXPECT_EQ(*read_file(dir_ / "report.json"), "report");
}

TEST_F(FilesTest, UnwritableDirectoryIsFatal) {
  EXPECT_THROW(write_file_atomically(dir_ / "no" / "such" / "dir.txt", "x"), FatalError);
}

} // namespace
} // namespace rg
