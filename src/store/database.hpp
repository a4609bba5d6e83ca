#pragma once
// One open store: a SQLite file opened safely (decision 0019). The final path component is never a
// symbolic link and must be a regular file; a new file is created with mode 0600. Opening sets WAL mode
// and a busy timeout so several rootguard processes can write to one store at once, and brings the
// schema to the current version (schema.hpp).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace rg::store {

enum class OpenMode {
  kCreate,   // scan/trail --store: create the file when missing
  kExisting, // history/diff: the store must exist
  kReadOnly  // serve: must exist, opened read-only (SQLITE_OPEN_READONLY and query_only), never migrated
};

class Database {
public:
  // Throws FatalError naming the file: not a regular file, a symlink, not SQLite, newer schema, ...
  Database(const std::filesystem::path& path, OpenMode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& name() const { return name_; }

  // Runs SQL without results; throws FatalError with SQLite's message and the file name.
  void exec(const std::string& sql) const;
  [[noreturn]] void fail(std::string_view what) const;
  // Ends the open transaction without its changes; never throws (used while unwinding).
  void rollback() const noexcept;

private:
  sqlite3* db_ = nullptr;
  std::string name_;
};

// A prepared statement, finalized on scope exit.
class Statement {
public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  // true while a row is available.
  bool step();
  void reset();
  std::string text(int column) const;
  std::int64_t integer(int column) const;

private:
  const Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

} // namespace rg::store
