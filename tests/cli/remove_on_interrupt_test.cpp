// `scan --live`'s temporary snapshot does not outlive Ctrl-C: a child process holds a RemoveOnInterrupt
// on a folder with files (and a worker thread started after the guard, as the collector's are), is sent
// SIGINT or SIGTERM, and must end with 128 + the signal and the folder gone. Without a signal the guard
// leaves the folder alone (its owner removes it).
#include "cli/remove_on_interrupt.hpp"

#include <array>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

fs::path make_folder(const std::string& tag) {
  fs::path folder = fs::temp_directory_path() / fmt::format("rg-interrupt-{}-{}", tag, ::getpid());
  fs::remove_all(folder);
  fs::create_directories(folder / "accounts/111122223333/iam");
  std::ofstream(folder / "accounts/111122223333/iam/GetCredentialReport.json") << "{}";
  return folder;
}

int status_after_signal(const fs::path& folder, int signal) {
  std::array<int, 2> ready{};
  EXPECT_EQ(::pipe(ready.data()), 0);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(ready[0]);
    const rg::cli::RemoveOnInterrupt guard(folder);
    std::thread worker([] { std::this_thread::sleep_for(std::chrono::seconds(30)); });
    (void)::write(ready[1], "r", 1);
    worker.join(); // the signal ends the process before this returns
    ::_exit(0);
  }
  ::close(ready[1]);
  char byte = 0;
  EXPECT_EQ(::read(ready[0], &byte, 1), 1);
  ::close(ready[0]);
  ::kill(child, signal);
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

TEST(RemoveOnInterrupt, CtrlCRemovesTheFolderAndEndsWith130) {
  const auto folder = make_folder("int");
  const int status = status_after_signal(folder, SIGINT);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGINT);
  EXPECT_FALSE(fs::exists(folder));
}

TEST(RemoveOnInterrupt, SigtermRemovesTheFolderToo) {
  const auto folder = make_folder("term");
  const int status = status_after_signal(folder, SIGTERM);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGTERM);
  EXPECT_FALSE(fs::exists(folder));
}

TEST(RemoveOnInterrupt, WithoutASignalTheFolderStaysAndTheMaskIsRestored) {
  const auto folder = make_folder("none");
  sigset_t before;
  pthread_sigmask(SIG_SETMASK, nullptr, &before);
  { const rg::cli::RemoveOnInterrupt guard(folder); }
  sigset_t after;
  pthread_sigmask(SIG_SETMASK, nullptr, &after);
  EXPECT_EQ(sigismember(&before, SIGINT), sigismember(&after, SIGINT));
  EXPECT_TRUE(fs::exists(folder / "accounts/111122223333/iam/GetCredentialReport.json"));
  fs::remove_all(folder);
}

} // namespace
