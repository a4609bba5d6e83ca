#pragma once
// While alive, Ctrl-C (SIGINT), SIGTERM or SIGHUP removes one folder and ends the process with the
// shell's status for the signal (128 + n). For `scan --live`: its temporary snapshot holds the credential
// reports of every account and must not outlive an interrupted run. The signals are taken by a thread of
// this guard (sigtimedwait), not by an async handler, so the removal runs in ordinary code. Construct it
// before any other thread starts: threads inherit the blocked signal mask it sets.
#include <atomic>
#include <csignal>
#include <filesystem>
#include <thread>

namespace rg::cli {

class RemoveOnInterrupt {
public:
  explicit RemoveOnInterrupt(std::filesystem::path folder);
  ~RemoveOnInterrupt();
  RemoveOnInterrupt(const RemoveOnInterrupt&) = delete;
  RemoveOnInterrupt& operator=(const RemoveOnInterrupt&) = delete;

private:
  std::filesystem::path folder_;
  sigset_t signals_{};
  sigset_t previous_mask_{};
  std::atomic<bool> stop_ = false;
  std::thread watcher_;
};

} // namespace rg::cli
