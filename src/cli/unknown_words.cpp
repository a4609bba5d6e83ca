#include "cli/unknown_words.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <numeric>

namespace rg::cli {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Every subcommand (hidden ones are accepted), or only those --help shows (suggested and listed).
std::vector<std::string> subcommand_names(const CLI::App& app, bool shown_only = false) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (!shown_only || !sub->get_group().empty()) {
      names.push_back(sub->get_name());
    }
  }
  return names;
}

// Long option names ("--snapshot") of `app` and the commands above it.
std::vector<std::string> long_options(const CLI::App* app) {
  std::vector<std::string> names{"--help"};
  for (; app != nullptr; app = app->get_parent()) {
    for (const auto* option : app->get_options()) {
      for (const auto& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
    }
  }
  return names;
}

} // namespace

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 3;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance && distance * 2 < std::max(word.size(), candidate.size())) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<std::string> unknown_word_message(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* current = &app;
  std::string path = "rootguard";
  std::size_t at = 0;
  // Walk down the subcommands named first (`policy check`): the options belong to the deepest. A flag of
  // the command reached so far may come before the next subcommand (`rootguard --quiet scan`).
  while (at < args.size()) {
    if (args[at].starts_with('-')) {
      const auto* option = current->get_option_no_throw(args[at]);
      if (args[at] != "--" && option != nullptr && option->get_expected_max() == 0) {
        ++at;
        continue;
      }
      break;
    }
    const auto names = subcommand_names(*current);
    if (names.empty()) {
      break; // a command without subcommands: the rest are its arguments
    }
    const auto found = std::find(names.begin(), names.end(), args[at]);
    if (found == names.end()) {
      const auto shown = subcommand_names(*current, true);
      const auto guess = nearest(args[at], shown);
      return fmt::format("{}: unknown command '{}'{}; commands: {}", path, args[at],
                         guess ? fmt::format(" (did you mean '{}'?)", *guess) : std::string(),
                         fmt::join(shown, ", "));
    }
    current = current->get_subcommand(args[at]);
    path += " " + args[at];
    ++at;
  }
  const auto options = long_options(current);
  for (; at < args.size(); ++at) {
    const std::string& word = args[at];
    if (word == "--") {
      break; // what follows is positional, whatever it looks like
    }
    if (!word.starts_with("--") || word.size() == 2) {
      continue;
    }
    const std::string name = word.substr(0, word.find('='));
    if (std::find(options.begin(), options.end(), name) != options.end()) {
      continue;
    }
    const auto guess = nearest(name, options);
    return fmt::format("{}: unknown option {}{}; see {} --help", path, name,
                       guess ? fmt::format(" (did you mean {}?)", *guess) : std::string(), path);
  }
  return std::nullopt;
}

} // namespace rg::cli
