#pragma once
// Each subcommand file adds its options to the app and sets `action` when it is chosen; main() runs it.
#include "util/fatal_error.hpp"

#include <CLI/CLI.hpp>
#include <functional>

namespace rg::cli {

using Action = std::function<ExitCode()>;

void add_scan_command(CLI::App& app, Action& action);
void add_controls_command(CLI::App& app, Action& action);
void add_policy_command(CLI::App& app, Action& action);
void add_trail_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action);
void add_fix_command(CLI::App& app, Action& action);
void add_collect_command(CLI::App& app, Action& action);
void add_snapshot_command(CLI::App& app, Action& action);
void add_history_command(CLI::App& app, Action& action);
void add_diff_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);

} // namespace rg::cli
