#include "aws/retrying_sender.hpp"

#include <thread>

namespace rg::aws {

SendResult send_with_retries(HttpTransport& transport, RetryStrategy& strategy, const PrepareRequest& prepare,
                             const ErrorCodeOf& error_code_of, const Sleep& sleep) {
  SendResult out;
  bool last_retry_was_timeout = false;
  for (;;) {
    ++out.attempts;
    out.result = transport.send(prepare());
    out.error_code.clear();
    if (out.result.response && out.result.response->status < 300) {
      strategy.on_success(out.attempts, last_retry_was_timeout);
      return out;
    }
    if (out.result.response) {
      out.error_code = error_code_of(*out.result.response);
    }
    const RetryReason reason = classify_retry(out.result, out.error_code);
    if (reason == RetryReason::kThrottling) {
      ++out.throttled;
    }
    const auto delay = strategy.next_delay(reason, out.attempts);
    if (!delay) {
      return out;
    }
    last_retry_was_timeout = reason == RetryReason::kTimeout;
    sleep(*delay);
  }
}

Sleep real_sleep() {
  return [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
}

} // namespace rg::aws
