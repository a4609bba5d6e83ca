#pragma once
// --mutelist FILE and --mutelist-date, shared by scan and trail.
#include "mutelist/mutelist.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace rg::cli {

struct MutelistArguments {
  std::string file;
  std::string date; // "" = today (UTC)

  void add_to(CLI::App& command);
  // The day expiry is judged on: --mutelist-date, else today's UTC date from the system clock (the one
  // place the mutelist reads a clock, so tests inject the day).
  mutelist::Date resolved_date() const;
};

} // namespace rg::cli
