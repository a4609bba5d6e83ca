// Recording runs and reading them back; opening refuses what is not a store file.
#include "store/database.hpp"
#include "store/read_runs.hpp"
#include "store/schema.hpp"
#include "store/write_run.hpp"
#include "store_fixtures.hpp"
#include "util/fatal_error.hpp"

#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/types.h>

namespace rg::store {
namespace {

using testing::finding;
using ::testing::HasSubstr;
using testing::muted;
using testing::TempDir;

std::string open_error(const std::filesystem::path& path, OpenMode mode = OpenMode::kCreate) {
  try {
    const Database db(path, mode);
  } catch (const FatalError& e) {
    return e.what();
  }
  return "";
}

TEST(Store, RecordsARunAndReadsItBack) {
  const TempDir dir;
  const auto path = dir / "rg.db";
  std::int64_t id = 0;
  {
    Database db(path, OpenMode::kCreate);
    auto run = testing::run();
    run.paths = "a\nb";
    run.collected_at = "2026-11-30T00:00:00Z";
    run.as_of = "2026-11-30T01:00:00Z";
    id = write_run(db, run,
                   {finding("f1", "FAIL", "critical"), muted(finding("f2", "FAIL")), finding("f3", "PASS"),
                    finding("f4", "UNKNOWN"), finding("f5", "NOT_APPLICABLE")});
  }
  const Database db(path, OpenMode::kExisting);
  const auto runs = list_runs(db);
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_EQ(runs[0].run.id, id);
  EXPECT_EQ(runs[0].run.command, "scan");
  EXPECT_EQ(runs[0].run.paths, "a\nb");
  EXPECT_EQ(runs[0].run.collected_at, "2026-11-30T00:00:00Z");
  EXPECT_EQ(runs[0].run.as_of, "2026-11-30T01:00:00Z");
  EXPECT_EQ(runs[0].run.exit_code, 3);
  EXPECT_EQ(runs[0].fail, 2);
  EXPECT_EQ(runs[0].pass, 1);
  EXPECT_EQ(runs[0].unknown, 1);
  EXPECT_EQ(runs[0].not_applicable, 1); // decision 0028: stored as the text NOT_APPLICABLE, no migration
  EXPECT_EQ(runs[0].muted, 1);
  const auto findings = run_findings(db, id);
  ASSERT_EQ(findings.size(), 5U);
  EXPECT_EQ(findings[4].status, "NOT_APPLICABLE");
  EXPECT_EQ(findings[0].finding_id, "f1");
  EXPECT_EQ(findings[0].severity, "critical");
  EXPECT_TRUE(findings[1].muted);
  EXPECT_EQ(findings[1].mute_reason, "accepted until the migration");
  EXPECT_EQ(findings[1].mute_expires, "2026-12-31");
  EXPECT_EQ(findings[1].mute_entry, "mutelist.yaml:3");
  EXPECT_FALSE(find_run(db, id + 1));
}

TEST(Store, NewFileIsPrivateAndInWalMode) {
  const TempDir dir;
  const auto path = dir / "rg.db";
  const auto old_mask = ::umask(0);
  {
    const Database db(path, OpenMode::kCreate);
    Statement mode(db, "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
  }
  ::umask(old_mask);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
}

TEST(Store, RefusesASymlink) {
  const TempDir dir;
  { const Database db(dir / "real.db", OpenMode::kCreate); }
  std::filesystem::create_symlink(dir / "real.db", dir / "link.db");
  EXPECT_THAT(open_error(dir / "link.db"), HasSubstr("symbolic link"));
  std::filesystem::create_symlink(dir / "missing.db", dir / "dangling.db");
  EXPECT_THAT(open_error(dir / "dangling.db"), HasSubstr("symbolic link"));
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST(Store, RefusesANonRegularFile) {
  const TempDir dir;
  std::filesystem::create_directory(dir / "folder");
  EXPECT_THAT(open_error(dir / "folder"), HasSubstr("not a regular file"));
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_THAT(open_error(dir / "fifo"), HasSubstr("not a regular file"));
}

TEST(Store, MissingStoreForReading) {
  const TempDir dir;
  EXPECT_THAT(open_error(dir / "none.db", OpenMode::kExisting), HasSubstr("no such store"));
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST(Store, NotADatabaseNamesTheFile) {
  const TempDir dir;
  const auto path = dir / "notes.txt";
  std::ofstream(path) << "this is not a database, but it is long enough to have a header of sorts..........\n"
                         "......................................................................\n";
  const auto message = open_error(path);
  EXPECT_THAT(message, HasSubstr(path.string()));
  EXPECT_THAT(message, HasSubstr("not a SQLite database"));
}

TEST(Store, ForeignSqliteDatabaseIsRefused) {
  const TempDir dir;
  const auto path = dir / "other.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE notes (text TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_THAT(open_error(path), HasSubstr("not a rootguard store"));
}

} // namespace
} // namespace rg::store
