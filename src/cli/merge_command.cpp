// rootguard merge PART...: the report of a sharded trail run (trail --shard I/N --part-output FILE), the
// same in every format, and with the same exit code, as the unsharded run's (decision 0024).
#include "cli/command.hpp"
#include "cli/mutelist_options.hpp"
#include "cli/output_options.hpp"
#include "cli/store_options.hpp"
#include "cli/trail_render.hpp"
#include "pipeline/run_trail_scan.hpp"
#include "pipeline/trail_part.hpp"
#include "version.hpp"

#include <memory>
#include <string>
#include <vector>

namespace rg::cli {
namespace {

struct MergeArguments {
  std::vector<std::string> parts;
  OutputOptions output;
  MutelistArguments mutelist;
  StoreArguments store;
};

ExitCode run(const MergeArguments& args) {
  const std::vector<std::filesystem::path> parts(args.parts.begin(), args.parts.end());
  args.store.open(); // a bad --store fails before the parts are read
  auto report = pipeline::merge_trail_parts(parts, kVersion);
  // The mutelist applies to the merged events, as trail applies it to its own (a shard takes none).
  pipeline::apply_trail_mutelist(args.mutelist.file, args.mutelist.resolved_date(), report);
  require_files_read(report, report.run.paths);
  emit_trail_report(report, args.output);
  return args.store.record(report, trail_exit_code(report));
}

} // namespace

void add_merge_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<MergeArguments>();
  auto* command = app.add_subcommand(
      "merge",
      "Combine the partial results of a sharded trail run (trail --shard I/N --part-output) into its "
      "report");
  command->add_option("parts", args->parts, "The part files, one per shard (0 to N-1), in any order")
      ->required();
  args->output.add_to(*command);
  args->output.add_report_formats_to(*command);
  args->mutelist.add_to(*command);
  args->store.add_to(*command);
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
