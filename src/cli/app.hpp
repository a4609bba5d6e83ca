#pragma once
// The whole command tree main() parses: every subcommand, the version flag and the global flags. A
// function of its own so that tests walk the very tree the binary prints --help from.
#include "cli/command.hpp"

#include <CLI/CLI.hpp>

namespace rg::cli {

// rootguard's App description (the first line of `rootguard --help`).
inline constexpr const char* kAppDescription = "rootguard: find, explain and fix AWS root-user risk";

// Adds to `app` (constructed with kAppDescription) every subcommand, each setting `action` when chosen,
// then --version and the flags every subcommand honours.
void add_all_commands(CLI::App& app, Action& action);

} // namespace rg::cli
