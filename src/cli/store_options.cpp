#include "cli/store_options.hpp"

#include "store/database.hpp"
#include "store/from_report.hpp"
#include "store/write_run.hpp"
#include "util/time.hpp"

#include <chrono>
#include <fmt/format.h>

namespace rg::cli {

StoreArguments::StoreArguments() = default;
StoreArguments::~StoreArguments() = default;

void StoreArguments::add_to(CLI::App& command) {
  command.add_option("--store", path,
                     "Record this run and its findings in a SQLite store (created with mode 0600; see "
                     "docs/store.md); read it back with history and diff");
  command.add_option("--store-time", started_at,
                     "With --store: record the run as started at this time (ISO 8601; default: now), to "
                     "import an older run or make a reproducible store");
}

void StoreArguments::open() const {
  started_at_ = format_iso8601(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (!started_at.empty()) {
    const auto given = parse_iso8601(started_at);
    if (!given || path.empty()) {
      throw FatalError(ExitCode::kUsage,
                       given ? std::string("--store-time needs --store")
                             : fmt::format("--store-time: not an ISO 8601 time: {}", started_at));
    }
    started_at_ = format_iso8601(*given);
  }
  if (!path.empty()) {
    db_ = std::make_unique<store::Database>(path, store::OpenMode::kCreate);
  }
}

ExitCode StoreArguments::record(const report::Report& report, ExitCode exit_code) const {
  if (db_) {
    store::write_run(*db_, store::run_record(report, started_at_, static_cast<int>(exit_code)),
                     store::finding_records(report));
  }
  return exit_code;
}

ExitCode StoreArguments::record(const report::TrailReport& report, ExitCode exit_code) const {
  if (db_) {
    store::write_run(*db_, store::run_record(report, started_at_, static_cast<int>(exit_code)),
                     store::finding_records(report));
  }
  return exit_code;
}

} // namespace rg::cli
