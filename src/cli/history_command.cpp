// rootguard history --store PATH: the runs a store recorded, with their counts.
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "store/database.hpp"
#include "store/read_runs.hpp"
#include "store/render.hpp"

#include <memory>

namespace rg::cli {
namespace {

struct HistoryArguments {
  std::string store;
  std::string format = "table";
  OutputOptions output;
};

ExitCode run(const HistoryArguments& args) {
  const store::Database db(args.store, store::OpenMode::kExisting);
  const auto runs = store::list_runs(db);
  args.output.emit(args.format == "json" ? store::render_history_json(runs)
                                         : store::render_history_table(runs, args.output.resolved_lang()));
  return ExitCode::kOk;
}

} // namespace

void add_history_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<HistoryArguments>();
  auto* command = app.add_subcommand("history", "List the runs recorded in a --store, with their counts");
  command->add_option("--store", args->store, "The SQLite store scan/trail --store wrote")->required();
  command->add_option("-f,--format", args->format, "Output format")->check(CLI::IsMember({"table", "json"}));
  args->output.add_to(*command);
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
