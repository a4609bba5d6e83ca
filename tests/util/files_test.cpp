#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

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

TEST_F(FilesTest, OutputFileInPiecesLandsWholeOnCommit) {
  const auto path = dir_ / "report.json";
  write_file_atomically(path, "old");
  {
    OutputFile file(path);
    std::string expected;
    for (int i = 0; i < 100'000; ++i) { // past the 1 MiB buffer several times
      const std::string piece = "piece " + std::to_string(i) + "\n";
      file.write(piece);
      expected += piece;
    }
    EXPECT_EQ(*read_file(path), "old"); // nothing visible until commit
    file.commit();
    EXPECT_EQ(*read_file(path), expected);
  }
  // Never committed (an exception while rendering): the old file stays and no temp file is left.
  {
    OutputFile file(path);
    file.write("half a report");
  }
  EXPECT_EQ(read_file(path)->substr(0, 8), "piece 0\n");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 1U);
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

// Issue 10: what is named like an input but is not a regular file is unreadable, named, never hangs.
TEST_F(FilesTest, DirectoryFifoLoopAndOversizeAreUnreadableNotAbsent) {
  fs::create_directories(dir_ / "GetAccountSummary.json");
  ASSERT_EQ(::mkfifo((dir_ / "fifo.json").c_str(), 0600), 0);
  fs::create_symlink(dir_ / "loop-b.json", dir_ / "loop-a.json");
  fs::create_symlink(dir_ / "loop-a.json", dir_ / "loop-b.json");
  {
    // 100 GB of holes: the cap refuses it before a byte is allocated.
    std::ofstream(dir_ / "sparse.json") << "";
    fs::resize_file(dir_ / "sparse.json", std::uintmax_t{100} << 30);
  }
  std::ofstream(dir_ / "a-file") << "x";
  for (const auto* name :
       {"GetAccountSummary.json", "fifo.json", "loop-a.json", "sparse.json", "a-file/x.json"}) {
    const auto result = read_file(dir_ / name);
    ASSERT_FALSE(result) << name;
    EXPECT_EQ(result.error().kind, ProblemKind::kUnreadable) << name << ": " << result.error().message;
  }
  EXPECT_NE(read_file(dir_ / "loop-a.json").error().message.find("symbolic links"), std::string::npos);
  EXPECT_NE(read_file(dir_ / "fifo.json").error().message.find("FIFO"), std::string::npos);
  EXPECT_NE(read_file(dir_ / "sparse.json").error().message.find("limit"), std::string::npos);
}

TEST_F(FilesTest, ConfinedReadsRefuseLinksOutOfTheFolder) {
  fs::create_directories(dir_ / "snapshot");
  std::ofstream(dir_ / "secret") << "aws_secret_access_key = wJalrXUtnFEMI";
  std::ofstream(dir_ / "snapshot" / "inside.json") << "{}";
  fs::create_symlink(dir_ / "secret", dir_ / "snapshot" / "link.json");
  fs::create_symlink(dir_ / "snapshot" / "inside.json", dir_ / "snapshot" / "internal-link.json");
  const ConfinedReads confined(dir_ / "snapshot");
  const auto outside = read_file(dir_ / "snapshot" / "link.json");
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().kind, ProblemKind::kUnreadable);
  EXPECT_EQ(outside.error().message.find("wJalr"), std::string::npos);
  EXPECT_TRUE(read_file(dir_ / "snapshot" / "internal-link.json")) << "links inside the folder are fine";
}

TEST_F(FilesTest, UnlistableFolderIsUnreadableAndAbsentFolderIsAbsent) {
  EXPECT_EQ(list_folder(dir_ / "missing").error().kind, ProblemKind::kAbsent);
  std::ofstream(dir_ / "regions") << "not a folder";
  EXPECT_EQ(list_folder(dir_ / "regions").error().kind, ProblemKind::kUnreadable);
  fs::create_symlink(dir_ / "l2", dir_ / "l1");
  fs::create_symlink(dir_ / "l1", dir_ / "l2");
  EXPECT_EQ(list_folder(dir_ / "l1").error().kind, ProblemKind::kUnreadable);
}

TEST_F(FilesTest, WritingToADeviceOrFifoWritesInPlaceAndNeverReplacesIt) {
  write_file_atomically("/dev/null", "report");
  struct stat info {};
  ASSERT_EQ(::stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode)) << "/dev/null must stay a device";
  const auto fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { std::ifstream(fifo) >> received; });
  write_file_atomically(fifo, "through-the-pipe");
  reader.join();
  EXPECT_EQ(received, "through-the-pipe");
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  fs::create_directories(dir_ / "a-folder");
  EXPECT_THROW(write_file_atomically(dir_ / "a-folder", "x"), FatalError);
}

TEST_F(FilesTest, SubfoldersRefuseAPlantedLinkOrFileAndOddNames) {
  fs::create_directories(dir_ / "out" / "real");
  create_subfolders_or_fail(dir_ / "out", fs::path("real") / "a" / "b");
  EXPECT_TRUE(fs::is_directory(dir_ / "out" / "real" / "a" / "b"));
  fs::create_directories(dir_ / "elsewhere");
  fs::create_directory_symlink(dir_ / "elsewhere", dir_ / "out" / "linked");
  EXPECT_THROW(create_subfolders_or_fail(dir_ / "out", fs::path("linked") / "x"), FatalError);
  EXPECT_TRUE(fs::is_empty(dir_ / "elsewhere"));
  write_file_atomically(dir_ / "out" / "file", "x");
  EXPECT_THROW(create_subfolders_or_fail(dir_ / "out", fs::path("file") / "x"), FatalError);
  EXPECT_THROW(create_subfolders_or_fail(dir_ / "out", fs::path("..") / "escaped"), FatalError);
  EXPECT_THROW(create_subfolders_or_fail(dir_ / "out", fs::path("/abs")), FatalError);
  EXPECT_FALSE(fs::exists(dir_ / "escaped"));
}

TEST_F(FilesTest, UnwritableDirectoryIsFatal) {
  EXPECT_THROW(write_file_atomically(dir_ / "no" / "such" / "dir.txt", "x"), FatalError);
}

} // namespace
} // namespace rg
