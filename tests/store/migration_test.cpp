// Schema versions: hand-made version-0 and version-1 stores are migrated with their runs kept; a store
// from a newer rootguard is refused naming both versions; a read-only open (serve) migrates nothing.
#include "store/database.hpp"
#include "store/read_runs.hpp"
#include "store/schema.hpp"
#include "store/write_run.hpp"
#include "store_fixtures.hpp"
#include "util/fatal_error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace rg::store {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

void raw_exec(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(raw);
}

std::vector<std::string> columns(const Database& db, const std::string& table) {
  Statement info(db, "SELECT name FROM pragma_table_info('" + table + "')");
  std::vector<std::string> names;
  while (info.step()) {
    names.push_back(info.text(0));
  }
  return names;
}

TEST(StoreMigration, VersionZeroIsMigrated) {
  const TempDir dir;
  const auto path = dir / "v0.db";
  raw_exec(path, kSchemaVersion0Sql);
  raw_exec(path, "INSERT INTO runs (command, started_at, tool_version, exit_code) "
                 "VALUES ('scan', '2026-01-01T00:00:00Z', '0.0.9', 3);"
                 "INSERT INTO findings (run_id, finding_id, rule_id, account, region, resource, status, "
                 "severity, muted, mute_entry, mute_reason) VALUES (1, 'f1', 'root-mfa', '111111111111', "
                 "'global', 'arn:aws:iam::111111111111:root', 'FAIL', 'critical', 1, 'm.yaml:2', 'why');");
  const Database db(path, OpenMode::kExisting);
  EXPECT_THAT(columns(db, "findings"), ::testing::Contains("mute_expires"));
  Statement version(db, "PRAGMA user_version");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.integer(0), kSchemaVersion);
  const auto runs = list_runs(db);
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_EQ(runs[0].run.tool_version, "0.0.9");
  const auto findings = run_findings(db, 1);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_TRUE(findings[0].muted);
  EXPECT_EQ(findings[0].mute_reason, "why");
  EXPECT_EQ(findings[0].mute_expires, ""); // unknown for runs recorded before version 1
  EXPECT_EQ(runs[0].not_applicable, 0);    // decision 0028: an old store reads with no N/A findings
}

TEST(StoreMigration, MigratedStoreTakesNewRuns) {
  const TempDir dir;
  const auto path = dir / "v0.db";
  raw_exec(path, kSchemaVersion0Sql);
  Database db(path, OpenMode::kCreate);
  const auto id = write_run(db, testing::run(), {testing::muted(testing::finding("f1", "FAIL"))});
  EXPECT_EQ(run_findings(db, id).at(0).mute_expires, "2026-12-31");
}

TEST(StoreMigration, NewerVersionIsRefused) {
  const TempDir dir;
  const auto path = dir / "future.db";
  { const Database db(path, OpenMode::kCreate); }
  raw_exec(path, "PRAGMA user_version = 7");
  try {
    const Database db(path, OpenMode::kExisting);
    FAIL() << "opened a version-7 store";
  } catch (const FatalError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path.string()));
    EXPECT_THAT(e.what(), HasSubstr("newer rootguard"));
    EXPECT_THAT(e.what(), HasSubstr("version 7"));
    EXPECT_THAT(e.what(), HasSubstr("versions 0 to 2"));
  }
}

// Version 1 as rootguard 0.1 wrote it: version 0 plus the mute end date and the application id.
void make_version_1(const std::filesystem::path& path) {
  raw_exec(path, kSchemaVersion0Sql);
  raw_exec(path, "ALTER TABLE findings ADD COLUMN mute_expires TEXT NOT NULL DEFAULT '';"
                 "PRAGMA application_id = 1380406100; PRAGMA user_version = 1;"
                 "INSERT INTO runs (command, started_at, tool_version, exit_code) "
                 "VALUES ('trail', '2026-11-01T00:00:00Z', '0.1.0', 3);"
                 "INSERT INTO findings (run_id, finding_id, rule_id, account, region, resource, status, "
                 "severity, mute_expires) VALUES (1, 'e1', 'root-console-signin-success', '111111111111', "
                 "'us-east-1', 'arn:aws:iam::111111111111:root', 'FAIL', 'high', '');");
}

TEST(StoreMigration, VersionOneGetsEventTimes) {
  const TempDir dir;
  const auto path = dir / "v1.db";
  make_version_1(path);
  Database db(path, OpenMode::kExisting);
  EXPECT_THAT(columns(db, "findings"), ::testing::Contains("event_time"));
  EXPECT_EQ(run_findings(db, 1).at(0).event_time, ""); // recorded before version 2: unknown
  auto event = testing::finding("e2", "FAIL");
  event.event_time = "2026-11-30T23:59:59Z";
  const auto id = write_run(db, testing::run(), {event});
  EXPECT_EQ(run_findings(db, id).at(0).event_time, "2026-11-30T23:59:59Z");
}

TEST(StoreMigration, ReadOnlyOpenRefusesAnOlderStoreAndMigratesNothing) {
  const TempDir dir;
  const auto path = dir / "v1.db";
  make_version_1(path);
  try {
    const Database db(path, OpenMode::kReadOnly);
    FAIL() << "opened a version-1 store read-only";
  } catch (const FatalError& e) {
    EXPECT_THAT(e.what(), HasSubstr("older rootguard"));
    EXPECT_THAT(e.what(), HasSubstr("rootguard history --store"));
  }
  const Database db(path, OpenMode::kExisting); // still version 1: the read-only open wrote nothing
  EXPECT_EQ(run_findings(db, 1).size(), 1U);
}

TEST(StoreMigration, ReadOnlyOpenReadsAndCannotWrite) {
  const TempDir dir;
  const auto path = dir / "current.db";
  {
    Database db(path, OpenMode::kCreate);
    write_run(db, testing::run(), {testing::finding("f1", "FAIL")});
  }
  Database db(path, OpenMode::kReadOnly);
  EXPECT_EQ(list_runs(db).size(), 1U);
  EXPECT_EQ(finding_history(db, "f1").size(), 1U);
  EXPECT_THROW(write_run(db, testing::run(), {testing::finding("f2", "FAIL")}), FatalError);
  EXPECT_EQ(list_runs(db).size(), 1U);
}

TEST(StoreMigration, ReadOnlyOpenOfAMissingStoreIsRefused) {
  const TempDir dir;
  EXPECT_THROW(Database(dir / "missing.db", OpenMode::kReadOnly), FatalError);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
}

} // namespace
} // namespace rg::store
