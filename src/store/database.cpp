#include "store/database.hpp"

#include "store/schema.hpp"
#include "util/fatal_error.hpp"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace rg::store {
namespace {

// Milliseconds a writer waits for another process's transaction before giving up.
constexpr int kBusyTimeoutMs = 60000;

[[noreturn]] void refuse(const std::string& name, std::string_view why) {
  throw FatalError(ExitCode::kError, fmt::format("--store {}: {}", name, why));
}

// Opens (or creates, mode 0600) the file without following a symlink at the last component and checks
// that it is a regular file; returns the descriptor, which the caller keeps until SQLite has opened the
// same file.
int open_checked(const std::filesystem::path& path, OpenMode mode, const std::string& name) {
  // O_NONBLOCK: a FIFO must not hang the open.
  int flags = (mode == OpenMode::kReadOnly ? O_RDONLY : O_RDWR) | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
  if (mode == OpenMode::kCreate) {
    flags |= O_CREAT;
  }
  const int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0) {
    const int error = errno;
    if (error == ELOOP) {
      refuse(name, "is a symbolic link; give the store file itself");
    }
    if (error == EISDIR) {
      refuse(name, "is not a regular file (a folder)");
    }
    if (error == ENOENT && mode != OpenMode::kCreate) {
      refuse(name, "no such store (scan or trail with --store creates it)");
    }
    refuse(name, std::generic_category().message(error));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    refuse(name, "is not a regular file");
  }
  return fd;
}

// Switching a new file to WAL needs an exclusive lock, and SQLite returns SQLITE_BUSY for it without
// calling the busy handler: a second process opening a new store at the same moment retries here.
void set_wal(sqlite3* db, const std::string& name) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
      rc = sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
      return;
    }
    const int code = sqlite3_errcode(db);
    if (code == SQLITE_NOTADB) {
      refuse(name, "is not a SQLite database (not a rootguard store)");
    }
    if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline) {
      refuse(name, fmt::format("cannot switch to WAL mode: {}", sqlite3_errmsg(db)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

} // namespace

Database::Database(const std::filesystem::path& path, OpenMode mode) : name_(path.string()) {
  const int fd = open_checked(path, mode, name_);
  struct stat opened {};
  ::fstat(fd, &opened);
  const bool read_only = mode == OpenMode::kReadOnly;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db_, (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW,
      nullptr);
  struct stat now {};
  const bool same =
      ::lstat(path.c_str(), &now) == 0 && now.st_dev == opened.st_dev && now.st_ino == opened.st_ino;
  ::close(fd);
  if (rc != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    refuse(name_, message);
  }
  if (!same) {
    sqlite3_close(db_);
    db_ = nullptr;
    refuse(name_, "was replaced while it was being opened");
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    if (read_only) {
      // A reader changes nothing, not even the journal mode: the writers (scan, trail) set WAL. query_only
      // makes SQLite refuse any write on this connection too, should a statement ever try one.
      exec("PRAGMA query_only=ON");
      check_schema_read_only(*this);
      return;
    }
    set_wal(db_, name_);
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
    ensure_schema(*this);
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  sqlite3_close(db_);
}

void Database::fail(std::string_view what) const {
  const int code = sqlite3_errcode(db_);
  if (code == SQLITE_NOTADB) {
    refuse(name_, "is not a SQLite database (not a rootguard store)");
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    refuse(name_,
           fmt::format("still locked by another process after {} s ({})", kBusyTimeoutMs / 1000, what));
  }
  refuse(name_, fmt::format("{}: {}", what, sqlite3_errmsg(db_)));
}

void Database::exec(const std::string& sql) const {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    fail(sql.substr(0, sql.find_first_of("(\n")));
  }
}

void Database::rollback() const noexcept {
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Statement::Statement(const Database& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    db.fail(sql.substr(0, sql.find_first_of("(\n")));
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK) {
    db_.fail("bind");
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) {
    db_.fail("bind");
  }
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  db_.fail(sqlite3_sql(stmt_) != nullptr ? std::string_view(sqlite3_sql(stmt_)).substr(0, 40) : "step");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (data == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

} // namespace rg::store
