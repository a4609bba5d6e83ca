#pragma once
// Options every reporting subcommand shares: language, colour, destination.
#include "i18n/text.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace rg::cli {

struct OutputOptions {
  std::string lang;           // "" = from LC_ALL / LC_MESSAGES / LANG
  std::string color = "auto"; // auto|always|never
  std::string output;         // "" = stdout

  void add_to(CLI::App& command);
  Lang resolved_lang() const;
  // Colour only for a terminal on stdout, never into a file, and never when NO_COLOR is set.
  bool use_color() const;
  // Writes to --output (atomically, no symlink following) or stdout.
  void emit(const std::string& content) const;
};

} // namespace rg::cli
