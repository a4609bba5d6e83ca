#pragma once
// A per-operation cap on request rate where AWS documents a low one (CloudTrail LookupEvents: 2 per
// second per account and region), shared by the clients of every thread so that concurrency cannot
// exceed it. Throttling answers are still retried; the cap only avoids provoking them.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace rg::aws {

class RateLimiter {
public:
  using Clock = std::chrono::steady_clock;

  // The documented caps: "service.Operation" -> least interval between two requests.
  static std::map<std::string, std::chrono::milliseconds, std::less<>> documented_caps();

  explicit RateLimiter(
      std::map<std::string, std::chrono::milliseconds, std::less<>> caps = documented_caps());

  // Waits (through `sleep`) until a request of `service.operation` in `scope` (account/region) may go.
  void acquire(std::string_view service, std::string_view operation, std::string_view scope,
               const std::function<void(std::chrono::milliseconds)>& sleep);

private:
  std::map<std::string, std::chrono::milliseconds, std::less<>> caps_;
  std::mutex mutex_;
  std::map<std::string, Clock::time_point, std::less<>> next_;
};

} // namespace rg::aws
