// rootguard diff --store PATH [RUN_A] [RUN_B]: what changed between two recorded runs (default: the last
// run and the one of the same command before it). Exit code 3 when unmuted FAILs appeared in RUN_B, 0
// otherwise (decision 0019).
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "store/database.hpp"
#include "store/diff.hpp"
#include "store/read_runs.hpp"
#include "store/render.hpp"

#include <fmt/format.h>
#include <memory>

namespace rg::cli {
namespace {

struct DiffArguments {
  std::string store;
  std::vector<std::int64_t> runs;
  std::string format = "table";
  OutputOptions output;
};

store::RunRecord run_or_fail(const store::Database& db, std::int64_t id) {
  auto run = store::find_run(db, id);
  if (!run) {
    throw FatalError(ExitCode::kUsage,
                     fmt::format("--store {}: no run {} (rootguard history lists the runs)", db.name(), id));
  }
  return *run;
}

ExitCode run(const DiffArguments& args) {
  const store::Database db(args.store, store::OpenMode::kExisting);
  std::int64_t a = 0;
  std::int64_t b = 0;
  if (args.runs.size() == 2) {
    a = args.runs[0];
    b = args.runs[1];
  } else {
    // One id: that run and the run of the same command recorded before it; none: the last run and the
    // one before it of the same command (a scan compared with a trail run would say everything changed).
    const auto runs = store::list_runs(db);
    if (runs.empty()) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("--store {}: no runs recorded; diff needs two", db.name()));
    }
    const auto later = args.runs.empty() ? runs.back().run : run_or_fail(db, args.runs[0]);
    b = later.id;
    for (const auto& summary : runs) {
      if (summary.run.id < b && summary.run.command == later.command) {
        a = summary.run.id;
      }
    }
    if (a == 0) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("--store {}: run {} is the first {} run; diff needs two (give both ids)",
                                   db.name(), b, later.command));
    }
  }
  const auto diff = store::compute_diff(run_or_fail(db, a), store::run_findings(db, a), run_or_fail(db, b),
                                        store::run_findings(db, b));
  const auto lang = args.output.resolved_lang();
  if (args.format == "json") {
    args.output.emit(store::render_diff_json(diff));
  } else if (args.format == "markdown") {
    args.output.emit(store::render_diff_markdown(diff, lang));
  } else {
    args.output.emit(store::render_diff_table(diff, lang));
  }
  return diff.new_fails > 0 ? ExitCode::kFailures : ExitCode::kOk;
}

} // namespace

void add_diff_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<DiffArguments>();
  auto* command = app.add_subcommand("diff", "What changed between two runs of a --store (default: the last "
                                             "two of one command); exit 3 on new FAILs");
  command
      ->add_option(
          "runs", args->runs,
          "RUN_A RUN_B: run ids from history (one id: that run and the one of its command before it)")
      ->expected(0, 2)
      ->check(CLI::PositiveNumber);
  command->add_option("--store", args->store, "The SQLite store scan/trail --store wrote")->required();
  command->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "markdown"}));
  args->output.add_to(*command);
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
