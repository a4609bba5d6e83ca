#include "cli/mutelist_options.hpp"

#include "util/fatal_error.hpp"

#include <chrono>
#include <fmt/format.h>

namespace rg::cli {

void MutelistArguments::add_to(CLI::App& command) {
  command.add_option("--mutelist", file,
                     "Accepted exceptions (YAML, see docs/mutelist.md): matching findings are marked muted "
                     "and do not count for exit code 3");
  command.add_option("--mutelist-date", date,
                     "Judge mutelist expiry on this day (YYYY-MM-DD; default: today, UTC)");
}

mutelist::Date MutelistArguments::resolved_date() const {
  if (date.empty()) {
    return mutelist::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  }
  if (file.empty()) {
    throw FatalError(ExitCode::kUsage, "--mutelist-date needs --mutelist");
  }
  const auto parsed = mutelist::parse_date(date);
  if (!parsed) {
    throw FatalError(ExitCode::kUsage, fmt::format("--mutelist-date: not a date as YYYY-MM-DD: {}", date));
  }
  return *parsed;
}

} // namespace rg::cli
