#include "store/schema.hpp"

#include "store/database.hpp"
#include "util/fatal_error.hpp"

#include <array>
#include <fmt/format.h>

namespace rg::store {

const char* const kSchemaVersion0Sql = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  snapshot TEXT NOT NULL DEFAULT '',
  paths TEXT NOT NULL DEFAULT '',
  collected_at TEXT NOT NULL DEFAULT '',
  as_of TEXT NOT NULL DEFAULT '',
  partition TEXT NOT NULL DEFAULT 'aws',
  mutelist TEXT NOT NULL DEFAULT '',
  mutelist_date TEXT NOT NULL DEFAULT '',
  exit_code INTEGER NOT NULL
);
CREATE TABLE findings (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  finding_id TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  resource TEXT NOT NULL,
  status TEXT NOT NULL,
  severity TEXT NOT NULL,
  muted INTEGER NOT NULL DEFAULT 0,
  mute_entry TEXT NOT NULL DEFAULT '',
  mute_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, finding_id)
) WITHOUT ROWID;
)sql";

namespace {

// migrations[N] brings version N to N + 1.
constexpr std::array<const char*, kSchemaVersion> kMigrations{
    // 0 -> 1: the mute entry's end date, so `diff` can tell an expired mute from a lifted one.
    R"sql(
ALTER TABLE findings ADD COLUMN mute_expires TEXT NOT NULL DEFAULT '';
PRAGMA application_id = 1380406100;
)sql",
    // 1 -> 2: when a trail finding's event happened, so the dashboard can draw the root-activity timeline
    // (a time is not a value quoted from the account the way a user agent or an address is: decision 0021).
    R"sql(
ALTER TABLE findings ADD COLUMN event_time TEXT NOT NULL DEFAULT '';
)sql",
};
static_assert(kApplicationId == 1380406100);

std::int64_t pragma(const Database& db, const char* name) {
  Statement statement(db, fmt::format("PRAGMA {}", name));
  return statement.step() ? statement.integer(0) : 0;
}

bool has_table(const Database& db, std::string_view table) {
  Statement statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  statement.bind(1, table);
  return statement.step();
}

std::int64_t table_count(const Database& db) {
  Statement statement(db, "SELECT count(*) FROM sqlite_master");
  return statement.step() ? statement.integer(0) : 0;
}

[[noreturn]] void not_ours(const Database& db) {
  throw FatalError(ExitCode::kError,
                   fmt::format("--store {}: is a SQLite database but not a rootguard store", db.name()));
}

// Returns true when the store is at the current version and nothing needs writing.
bool check_version(const Database& db, std::int64_t version) {
  if (version > kSchemaVersion) {
    throw FatalError(ExitCode::kError,
                     fmt::format("--store {}: written by a newer rootguard (store schema version {}; this "
                                 "rootguard reads versions 0 to {}); upgrade rootguard or give another store",
                                 db.name(), version, kSchemaVersion));
  }
  if (version >= 1 && pragma(db, "application_id") != kApplicationId) {
    not_ours(db);
  }
  return version == kSchemaVersion;
}

} // namespace

void ensure_schema(Database& db) {
  if (check_version(db, pragma(db, "user_version"))) {
    return;
  }
  // Another process may be migrating the same file: decide again under the write lock.
  db.exec("BEGIN IMMEDIATE");
  try {
    auto version = pragma(db, "user_version");
    if (!check_version(db, version)) {
      if (version == 0) {
        if (!has_table(db, "runs")) {
          if (table_count(db) > 0) {
            not_ours(db);
          }
          db.exec(kSchemaVersion0Sql); // a new store: built as every older one was, then migrated
        } else if (!has_table(db, "findings")) {
          not_ours(db);
        }
      }
      for (; version < kSchemaVersion; ++version) {
        db.exec(kMigrations.at(static_cast<std::size_t>(version)));
      }
      db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    }
    db.exec("COMMIT");
  } catch (...) {
    db.rollback();
    throw;
  }
}

void check_schema_read_only(const Database& db) {
  const auto version = pragma(db, "user_version");
  if (version == 0 && !has_table(db, "runs")) {
    not_ours(db);
  }
  if (check_version(db, version)) {
    return;
  }
  throw FatalError(ExitCode::kError,
                   fmt::format("--store {}: written by an older rootguard (store schema version {}, this "
                               "rootguard reads version {} read-only); `rootguard history --store {}` "
                               "upgrades it",
                               db.name(), version, kSchemaVersion, db.name()));
}

} // namespace rg::store
