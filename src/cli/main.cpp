// rootguard: dispatch, the one top-level catch, and exit codes (0 ok, 1 error, 2 usage, 3 failures found).
#include "cli/app.hpp"
#include "cli/conventions.hpp"
#include "cli/help_ja.hpp"
#include "cli/unknown_words.hpp"
#include "i18n/messages.hpp"
#include "util/terminal_text.hpp"

#include <cstdio>
#include <exception>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

int run(int argc, char** argv) {
  using rg::ExitCode;
  CLI::App app{rg::cli::kAppDescription};
  rg::cli::Action action;
  rg::cli::add_all_commands(app, action);
  const rg::Lang lang = rg::cli::message_lang(argc, argv);
  // --help in the chosen language; only when help is asked for, so that `man` and `completion`, which
  // render the same tree, stay English.
  if (rg::cli::asks_for_help(argc, argv)) {
    rg::cli::localize_help(app, lang);
  }
  // CLI11's own usage errors in the chosen language too (its English text is the catalog's key).
  app.failure_message([lang](const CLI::App* /*unused*/, const CLI::Error& e) {
    return fmt::format("{}\n{}\n", rg::terminal_safe(rg::localize_message(e.what(), lang)),
                       lang == rg::Lang::kJa ? "詳しくは --help を付けて実行してください。"
                                             : "Run with --help for more information.");
  });
  // Unknown commands and options are named, with the nearest known one, before CLI11 would report a
  // missing required option instead.
  // With help asked for, --lang has chosen the help's language and is parsed no further (see words_to_parse).
  const std::vector<std::string> words = rg::cli::words_to_parse(argc, argv);
  if (const auto message = rg::cli::unknown_word_message(app, words)) {
    fmt::print(stderr, "{}\n", rg::terminal_safe(rg::localize_message(*message, lang)));
    return static_cast<int>(ExitCode::kUsage);
  }
  try {
    std::vector<const char*> args{argv[0]};
    for (const auto& word : words) {
      args.push_back(word.c_str());
    }
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::kUsage);
  }
  try {
    return static_cast<int>(action ? action() : ExitCode::kUsage);
  } catch (const rg::FatalError& e) {
    fmt::print(stderr, "rootguard: {}\n", rg::terminal_safe(rg::localize_message(e.what(), lang)));
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    fmt::print(stderr, "rootguard: internal error: {}\n", rg::terminal_safe(e.what()));
    return static_cast<int>(ExitCode::kError);
  }
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (...) {
    // Even reporting the error failed (stderr gone, out of memory, CLI11 set-up): the exit code still says
    // so.
    return static_cast<int>(rg::ExitCode::kError);
  }
}
