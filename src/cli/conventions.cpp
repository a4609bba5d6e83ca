#include "cli/conventions.hpp"

#include "util/terminal_text.hpp"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <span>
#include <string>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

namespace rg::cli {

namespace {

// English, as every description in the tree: --help's catalog (help_catalog_ja.cpp) says them in
// Japanese, and `man` and `completion` render them as they are.
constexpr const char* kQuietHelp =
    "No progress and no informational lines on stderr (errors are still printed)";
constexpr const char* kNoColorHelp = "Never colour the output (as NO_COLOR=1 or TERM=dumb)";
constexpr Text kWrote{"rootguard: wrote {}", "rootguard: {} を書き込みました"};

void add_flags_recursively(CLI::App& app, GlobalFlags& flags) {
  app.add_flag("-q,--quiet", flags.quiet, kQuietHelp);
  app.add_flag("--no-color", flags.no_color, kNoColorHelp);
  for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    add_flags_recursively(*sub, flags);
  }
}

} // namespace

GlobalFlags& global_flags() {
  static GlobalFlags flags;
  return flags;
}

void add_global_flags(CLI::App& app) {
  add_flags_recursively(app, global_flags());
}

bool color_allowed_by_environment() {
  if (global_flags().no_color) {
    return false;
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): only setenv could race with it, and nothing here calls setenv
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): as above
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

size_t stdout_terminal_width() {
  if (::isatty(STDOUT_FILENO) != 1) {
    return 0;
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): as above
  const char* columns = std::getenv("COLUMNS");
  if (columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const unsigned long value = std::strtoul(columns, &end, 10);
    if (*end == '\0' && value > 0 && value < 10000) {
      return value;
    }
  }
  winsize size{};
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): ioctl is the only way to ask a terminal its size
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

void note(std::string_view line) {
  if (!global_flags().quiet) {
    fmt::print(stderr, "{}\n", line);
  }
}

void note_written(const std::filesystem::path& path, Lang lang) {
  note(fmt::format(fmt::runtime(kWrote.get(lang)), terminal_safe(path.string())));
}

Lang message_lang(int argc, const char* const* argv) {
  Lang lang = lang_from_environment();
  const std::span<const char* const> args(argv, static_cast<size_t>(argc));
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg(args[i]);
    if (arg == "--") {
      break; // what follows is operands, not options
    }
    if (arg == "--lang" && i + 1 < args.size()) {
      parse_lang(args[i + 1], lang);
    } else if (arg.starts_with("--lang=")) {
      parse_lang(arg.substr(7), lang);
    }
  }
  return lang;
}

} // namespace rg::cli
