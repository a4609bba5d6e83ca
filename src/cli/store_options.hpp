#pragma once
// --store PATH on scan and trail: the store is opened (created, migrated) before the run, so a bad path
// fails before minutes of work, and the run is recorded after its report is made, with its exit code.
#include "report/report.hpp"
#include "report/trail_report.hpp"
#include "util/fatal_error.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace rg::store {
class Database;
}

namespace rg::cli {

class StoreArguments {
public:
  StoreArguments();
  ~StoreArguments();
  StoreArguments(const StoreArguments&) = delete;
  StoreArguments& operator=(const StoreArguments&) = delete;

  void add_to(CLI::App& command);
  // Opens the store when --store was given, and notes the run's start time.
  void open() const;
  // Record the run (no-op without --store); returns exit_code.
  ExitCode record(const report::Report& report, ExitCode exit_code) const;
  ExitCode record(const report::TrailReport& report, ExitCode exit_code) const;

  std::string path;
  std::string started_at; // --store-time: "" = now

private:
  mutable std::unique_ptr<store::Database> db_;
  mutable std::string started_at_;
};

} // namespace rg::cli
