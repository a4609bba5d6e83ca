#include "aws/retry.hpp"

#include <algorithm>
#include <array>

namespace rg::aws {

namespace {

constexpr int kQuotaMax = 500;
constexpr int kRetryCost = 5;
constexpr int kTimeoutCost = 10;
constexpr int kNoRetryIncrement = 1;

constexpr auto kThrottling = std::to_array<std::string_view>(
    {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
     "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
     "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
     "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException"});

constexpr auto kTransient = std::to_array<std::string_view>(
    {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError"});

} // namespace

bool is_throttling_code(std::string_view code) {
  return std::find(std::begin(kThrottling), std::end(kThrottling), code) != std::end(kThrottling);
}

RetryReason classify_retry(const HttpResult& result, std::string_view error_code) {
  if (result.error) {
    switch (result.error->kind) {
    case TransportErrorKind::kTimeout:
      return RetryReason::kTimeout;
    case TransportErrorKind::kConnect:
    case TransportErrorKind::kDropped:
      return RetryReason::kTransient;
    case TransportErrorKind::kTls:
    case TransportErrorKind::kOther:
      return RetryReason::kNone;
    }
  }
  if (!result.response || result.response->status < 300) {
    return RetryReason::kNone;
  }
  if (is_throttling_code(error_code) || result.response->status == 429) {
    return RetryReason::kThrottling;
  }
  const long status = result.response->status;
  if (status == 500 || status == 502 || status == 503 || status == 504 ||
      std::find(std::begin(kTransient), std::end(kTransient), error_code) != std::end(kTransient)) {
    return RetryReason::kTransient;
  }
  return RetryReason::kNone;
}

RetryStrategy::RetryStrategy(RetryConfig config, std::uint64_t seed) : config_(config), random_(seed) {}

std::optional<std::chrono::milliseconds> RetryStrategy::next_delay(RetryReason reason, int attempt) {
  if (reason == RetryReason::kNone || attempt >= config_.max_attempts) {
    return std::nullopt;
  }
  const std::lock_guard lock(mutex_);
  const int cost = reason == RetryReason::kTimeout ? kTimeoutCost : kRetryCost;
  if (quota_ < cost) {
    return std::nullopt;
  }
  quota_ -= cost;
  const auto ceiling =
      std::min(config_.max_backoff, config_.backoff_base * (std::int64_t{1} << std::min(attempt - 1, 30)));
  std::uniform_real_distribution<double> jitter(0.0, 1.0);
  return std::chrono::milliseconds(
      static_cast<std::int64_t>(jitter(random_) * static_cast<double>(ceiling.count())));
}

void RetryStrategy::on_success(int attempts_used, bool last_retry_was_timeout) {
  const std::lock_guard lock(mutex_);
  const int refund =
      attempts_used > 1 ? (last_retry_was_timeout ? kTimeoutCost : kRetryCost) : kNoRetryIncrement;
  quota_ = std::min(kQuotaMax, quota_ + refund);
}

int RetryStrategy::quota() const {
  const std::lock_guard lock(mutex_);
  return quota_;
}

} // namespace rg::aws
