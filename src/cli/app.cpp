#include "cli/app.hpp"

#include "cli/completion.hpp"
#include "cli/conventions.hpp"
#include "version.hpp"

#include <fmt/format.h>

namespace rg::cli {

void add_all_commands(CLI::App& app, Action& action) {
  // Name, version, commit ("unknown" when built outside git) and how it was built: what a bug report needs.
  app.set_version_flag("--version", fmt::format("rootguard {}\ncommit: {}\nbuild: {}, {}, sanitizer: {}",
                                                kVersion, kGitCommit, kBuildType, kCompiler, kSanitizer));
  app.require_subcommand(1);
  add_scan_command(app, action);
  add_controls_command(app, action);
  add_policy_command(app, action);
  add_trail_command(app, action);
  add_merge_command(app, action);
  add_fix_command(app, action);
  add_collect_command(app, action);
  add_snapshot_command(app, action);
  add_history_command(app, action);
  add_diff_command(app, action);
  add_serve_command(app, action);
  add_completion_commands(app, action);
  add_global_flags(app); // last: every subcommand gets --quiet and --no-color
}

} // namespace rg::cli
