#include "aws/rate_limiter.hpp"

#include <fmt/format.h>

namespace rg::aws {

std::map<std::string, std::chrono::milliseconds, std::less<>> RateLimiter::documented_caps() {
  return {{"cloudtrail.LookupEvents", std::chrono::milliseconds(500)}};
}

RateLimiter::RateLimiter(std::map<std::string, std::chrono::milliseconds, std::less<>> caps)
    : caps_(std::move(caps)) {}

void RateLimiter::acquire(std::string_view service, std::string_view operation, std::string_view scope,
                          const std::function<void(std::chrono::milliseconds)>& sleep) {
  const auto cap = caps_.find(fmt::format("{}.{}", service, operation));
  if (cap == caps_.end()) {
    return;
  }
  Clock::duration wait{};
  {
    // Reserve the slot under the lock, sleep outside it: callers queue in order without holding it.
    const std::lock_guard lock(mutex_);
    const std::string key = fmt::format("{}.{}/{}", service, operation, scope);
    const auto now = Clock::now();
    auto& next = next_[key];
    const auto slot = std::max(now, next);
    next = slot + cap->second;
    wait = slot - now;
  }
  if (wait > Clock::duration::zero()) {
    sleep(std::chrono::ceil<std::chrono::milliseconds>(wait));
  }
}

} // namespace rg::aws
