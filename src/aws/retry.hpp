#pragma once
// The AWS SDKs' "standard" retry mode (botocore/retries/standard.py, the SDK reference guide):
// throttling and transient errors are retried up to max_attempts (default 3) with exponential backoff and
// full jitter (random(0,1) * min(20 s, 2^(attempt-1) s)), while a retry quota shared by every call of a
// client (500 tokens, 5 per retry, 10 per retry after a timeout, refunded on success) stops retry storms
// when a service is down.
#include "aws/http.hpp"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace rg::aws {

enum class RetryReason { kNone, kThrottling, kTransient, kTimeout };

// Why an attempt's outcome may be retried: the HTTP status, the AWS error code, or the transport error.
RetryReason classify_retry(const HttpResult& result, std::string_view error_code);

bool is_throttling_code(std::string_view code);

struct RetryConfig {
  int max_attempts = 3;
  std::chrono::milliseconds max_backoff{20'000};
  std::chrono::milliseconds backoff_base{1'000}; // tests shrink it
};

class RetryStrategy {
public:
  explicit RetryStrategy(RetryConfig config, std::uint64_t seed = std::random_device{}());

  // After a failed attempt number `attempt` (1-based): the delay before the next one, or nullopt when
  // the call must give up (not retryable, attempts exhausted, quota empty). Takes quota tokens.
  std::optional<std::chrono::milliseconds> next_delay(RetryReason reason, int attempt);

  // After a successful call: gives back what its retries took, or one token when it needed none.
  void on_success(int attempts_used, bool last_retry_was_timeout);

  int max_attempts() const { return config_.max_attempts; }
  int quota() const;

private:
  RetryConfig config_;
  mutable std::mutex mutex_;
  int quota_ = 500;
  std::mt19937_64 random_;
};

} // namespace rg::aws
