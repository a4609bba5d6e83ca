#pragma once
// Bytes of S3 objects in memory during a scan: a fetcher takes an object's listed size before its GET and
// the scan worker gives it back once the object is read, so fetched-but-unscanned objects never pass the
// limit whatever the bucket holds. An object larger than the whole limit goes when nothing else is held,
// so it can never wait for ever. Decision 0022.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace rg::trail::s3 {

class MemoryBudget {
public:
  explicit MemoryBudget(std::uint64_t limit) : limit_(limit) {}

  void acquire(std::uint64_t bytes) {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return held_ == 0 || held_ + bytes <= limit_; });
    held_ += bytes;
  }

  void release(std::uint64_t bytes) {
    const std::lock_guard lock(mutex_);
    held_ -= std::min(held_, bytes);
    freed_.notify_all();
  }

  std::uint64_t held() const {
    const std::lock_guard lock(mutex_);
    return held_;
  }

private:
  std::uint64_t limit_;
  std::uint64_t held_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
};

} // namespace rg::trail::s3
