#include "cli/output_options.hpp"

#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace rg::cli {

void OutputOptions::add_to(CLI::App& command) {
  command.add_option("--lang", lang, "Language of titles, reasons and remediation (default: from LANG)")
      ->check(CLI::IsMember({"en", "ja"}));
  command.add_option("--color", color, "Colour the terminal output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_option("-o,--output", output, "Write to FILE instead of standard output");
}

Lang OutputOptions::resolved_lang() const {
  Lang result = lang_from_environment();
  if (!lang.empty()) {
    parse_lang(lang, result);
  }
  return result;
}

bool OutputOptions::use_color() const {
  if (color == "always") {
    return true;
  }
  if (color == "never" || !output.empty()) {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && ::isatty(STDOUT_FILENO) == 1;
}

void OutputOptions::emit(const std::string& content) const {
  if (output.empty()) {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() ||
        std::fflush(stdout) != 0) {
      throw FatalError(ExitCode::kError, "cannot write to standard output");
    }
    return;
  }
  write_file_atomically(output, content);
}

} // namespace rg::cli
