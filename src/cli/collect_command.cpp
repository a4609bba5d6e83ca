// rootguard collect --output DIR: a snapshot folder collected with rootguard's own AWS client
// (read-only calls; the usual --profile / --region / environment setup): the caller's account, or with
// --org --role-name NAME the whole organization.
#include "cli/collect_options.hpp"
#include "cli/command.hpp"

#include <memory>

namespace rg::cli {
namespace {

struct CollectCommand {
  std::string output;
  CollectArguments collect;
};

} // namespace

void add_collect_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<CollectCommand>();
  auto* command = app.add_subcommand(
      "collect",
      "Collect a snapshot of the caller's account, or with --org of the organization, from AWS (read-only)");
  command->add_option("-o,--output", args->output, "Snapshot folder to write")->required();
  args->collect.add_to(*command, "--region");
  command->callback([args, &action] {
    action = [args] {
      // An organization with an account left out is an incomplete collection: exit 1, as a scan with
      // unreadable input does (docs/decisions/0002).
      return collect_snapshot(args->collect, args->output) ? ExitCode::kOk : ExitCode::kError;
    };
  });
}

} // namespace rg::cli
