// rootguard: dispatch, the one top-level catch, and exit codes (0 ok, 1 error, 2 usage, 3 failures found).
#include "cli/command.hpp"
#include "cli/completion.hpp"
#include "cli/conventions.hpp"
#include "cli/unknown_words.hpp"
#include "i18n/messages.hpp"
#include "util/terminal_text.hpp"
#include "version.hpp"

#include <cstdio>
#include <exception>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

int run(int argc, char** argv) {
  using rg::ExitCode;
  CLI::App app{"rootguard: find, explain and fix AWS root-user risk"};
  // Name, version, commit ("unknown" when built outside git) and how it was built: what a bug report needs.
  app.set_version_flag("--version", fmt::format("rootguard {}\ncommit: {}\nbuild: {}, {}, sanitizer: {}",
                                                rg::cli::kVersion, rg::cli::kGitCommit, rg::cli::kBuildType,
                                                rg::cli::kCompiler, rg::cli::kSanitizer));
  app.require_subcommand(1);
  rg::cli::Action action;
  rg::cli::add_scan_command(app, action);
  rg::cli::add_controls_command(app, action);
  rg::cli::add_policy_command(app, action);
  rg::cli::add_trail_command(app, action);
  rg::cli::add_merge_command(app, action);
  rg::cli::add_fix_command(app, action);
  rg::cli::add_collect_command(app, action);
  rg::cli::add_snapshot_command(app, action);
  rg::cli::add_history_command(app, action);
  rg::cli::add_diff_command(app, action);
  rg::cli::add_serve_command(app, action);
  rg::cli::add_completion_commands(app, action);
  rg::cli::add_global_flags(app); // last: every subcommand gets --quiet and --no-color
  const rg::Lang lang = rg::cli::message_lang(argc, argv);
  // CLI11's own usage errors in the chosen language too (its English text is the catalog's key).
  app.failure_message([lang](const CLI::App* /*unused*/, const CLI::Error& e) {
    return fmt::format("{}\n{}\n", rg::terminal_safe(rg::localize_message(e.what(), lang)),
                       lang == rg::Lang::kJa ? "詳しくは --help を付けて実行してください。"
                                             : "Run with --help for more information.");
  });
  // Unknown commands and options are named, with the nearest known one, before CLI11 would report a
  // missing required option instead.
  if (const auto message =
          rg::cli::unknown_word_message(app, std::vector<std::string>(argv + 1, argv + argc))) {
    fmt::print(stderr, "{}\n", rg::terminal_safe(rg::localize_message(*message, lang)));
    return static_cast<int>(ExitCode::kUsage);
  }
  try {
    app.parse(argc, argv);
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
