#pragma once
// Names what the command line got wrong before CLI11 parses it: an unknown subcommand (`rootguard scn`)
// or an unknown option (`--snaphot`), each with the nearest known name. CLI11 alone answers "A subcommand
// is required" or "--snapshot is required", which sends the user looking in the wrong place.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::cli {

// The candidate within a small edit distance of `word` (at most 2, and less than half its length), if any.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// A usage message for the first unknown subcommand or option in argv, or nothing when every word is
// known (CLI11 then parses as usual).
std::optional<std::string> unknown_word_message(const CLI::App& app, const std::vector<std::string>& args);

} // namespace rg::cli
