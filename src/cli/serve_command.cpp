// rootguard serve --store PATH: the dashboard over a store, on 127.0.0.1 only, behind a random token
// (decision 0021). Runs until Ctrl-C or SIGTERM.
#include "cli/command.hpp"
#include "cli/conventions.hpp"
#include "dashboard/dashboard.hpp"
#include "dashboard/server.hpp"
#include "dashboard/token.hpp"
#include "store/database.hpp"
#include "util/terminal_text.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <pthread.h>
#include <thread>

namespace rg::cli {
namespace {

struct ServeArguments {
  std::string store;
  int port = 0;     // the system chooses: nothing to collide with, and the URL is printed anyway
  std::string lang; // "" = from LANG
};

// SIGINT and SIGTERM blocked in this thread and every thread started after it (httplib's workers), and
// taken by sigtimedwait on one thread of ours: no handler runs at an arbitrary point, and stopping the server
// happens in ordinary code.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

ExitCode run(const ServeArguments& args) {
  Lang lang = lang_from_environment();
  if (!args.lang.empty()) {
    parse_lang(args.lang, lang);
  }
  const store::Database db(args.store, store::OpenMode::kReadOnly);
  const sigset_t signals = stop_signals();
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  dashboard::Server server(args.port);
  const auto token = dashboard::new_token();
  const dashboard::Dashboard app(db, token, server.port(), lang);
  // The one line that holds the token, on stdout (a script reads it); everything else goes to stderr. A
  // signal that arrives meanwhile stays pending (blocked) and is taken by the waiter below.
  fmt::print("http://127.0.0.1:{}/?token={}\n", server.port(), token);
  if (std::fflush(stdout) != 0) {
    throw FatalError(ExitCode::kError, "serve: cannot write the dashboard's URL to standard output");
  }
  note(fmt::format("rootguard serve: {} read-only; Ctrl-C stops", terminal_safe(db.name())));
  std::atomic<bool> done{false};
  std::thread waiter([&server, &signals, &done] {
    // Polls `done` between waits, so the thread also ends when serve() returns without a signal.
    while (!done) {
      const timespec interval{0, 200'000'000};
      if (sigtimedwait(&signals, nullptr, &interval) > 0) {
        server.stop();
        return;
      }
    }
  });
  bool served = false;
  try {
    served = server.serve(app);
  } catch (...) {
    done = true;
    waiter.join();
    throw;
  }
  done = true;
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (!served) {
    throw FatalError(ExitCode::kError, fmt::format("serve: listening on 127.0.0.1:{} failed", server.port()));
  }
  note("rootguard serve: stopped");
  return ExitCode::kOk;
}

} // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ServeArguments>();
  auto* command = app.add_subcommand("serve", "Browse a --store in a local dashboard (127.0.0.1 only)");
  command->add_option("--store", args->store, "The SQLite store scan/trail --store wrote (opened read-only)")
      ->required();
  command->add_option("--port", args->port, "Port on 127.0.0.1; 0 lets the system choose a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  command->add_option("--lang", args->lang, "Language of the dashboard (default: from LANG)")
      ->check(CLI::IsMember({"en", "ja"}));
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
