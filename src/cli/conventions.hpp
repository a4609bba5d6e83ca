#pragma once
// What every subcommand honours alike: --quiet (no progress, no informational lines on stderr; errors are
// still printed), --no-color (with NO_COLOR and TERM=dumb), and the path of each file written, on stderr.
#include "i18n/text.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string_view>

namespace rg::cli {

struct GlobalFlags {
  bool quiet = false;
  bool no_color = false;
};

// The one instance main() parses into; a default GlobalFlags in tests that never parse.
GlobalFlags& global_flags();

// Adds --quiet/-q and --no-color to `app` and to every subcommand below it (so `rootguard -q scan` and
// `rootguard scan -q` both work, and each --help lists them). Call after every subcommand is added.
void add_global_flags(CLI::App& app);

// False when --no-color was given, NO_COLOR is set to anything non-empty, or TERM is "dumb".
bool color_allowed_by_environment();

// Columns of the terminal on standard output (COLUMNS when set, else the terminal's own size); 0 when
// standard output is not a terminal, so files and pipes get one line per reason whatever the window.
size_t stdout_terminal_width();

// Progress lines and summaries: printed on stderr unless --quiet. `line` is printed as it is (the caller
// made its values terminal-safe) with a newline.
void note(std::string_view line);

// "rootguard: wrote PATH" (in `lang`) on stderr unless --quiet; the path is made terminal-safe.
void note_written(const std::filesystem::path& path, Lang lang);

// The language of messages printed before or outside a command's own options (usage errors, the one
// top-level catch): the command line's --lang (or --lang=), else LANG and friends, as --lang's default.
Lang message_lang(int argc, const char* const* argv);

} // namespace rg::cli
