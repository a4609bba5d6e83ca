#include "cli/remove_on_interrupt.hpp"

#include <pthread.h>
#include <unistd.h>

namespace rg::cli {

RemoveOnInterrupt::RemoveOnInterrupt(std::filesystem::path folder) : folder_(std::move(folder)) {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
  watcher_ = std::thread([this] {
    const timespec tick{0, 100'000'000}; // 100 ms: how long the destructor may wait for the thread
    while (!stop_.load()) {
      const int signal = sigtimedwait(&signals_, nullptr, &tick);
      if (signal > 0) {
        // remove_all does not follow links: nothing outside the folder goes. Twice: a worker thread
        // may have created a file in it between the first pass and now.
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
        std::filesystem::remove_all(folder_, ignored);
        ::_exit(128 + signal);
      }
    }
  });
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  stop_ = true;
  watcher_.join();
  // A signal that arrived after the last wait is pending: unblocking delivers it with its default
  // action (the process ends), which is right once the owner has removed the folder itself.
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

} // namespace rg::cli
