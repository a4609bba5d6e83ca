#pragma once
// Shell completion (bash, zsh, fish) and the man page, generated from the CLI11 App tree that --help prints:
// every visible subcommand, its options, their descriptions and allowed values (an IsMember check). Adding
// an option adds it here too; nothing is listed by hand, so nothing goes stale.
#include "cli/command.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace rg::cli {

// "bash", "zsh" or "fish"; FatalError(kUsage) for another shell.
std::string render_completion(const CLI::App& app, std::string_view shell);

// The man page in roff (man(7) macros), section 1.
std::string render_man_page(const CLI::App& app);

// The hidden `completion SHELL` and `man` subcommands; `root` is the top-level app they describe.
void add_completion_commands(CLI::App& root, Action& action);

} // namespace rg::cli
