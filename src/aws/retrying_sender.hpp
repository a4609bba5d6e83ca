#pragma once
// The attempt loop of one call: prepare (sign afresh, so each attempt has its own X-Amz-Date), send,
// classify, wait with jitter, try again while the retry strategy allows.
#include "aws/http.hpp"
#include "aws/retry.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace rg::aws {

struct SendResult {
  HttpResult result;      // the last attempt's
  std::string error_code; // the AWS error code of the last attempt, when it was an error response
  int attempts = 0;
  int throttled = 0; // attempts answered with a throttling error
};

using PrepareRequest = std::function<HttpRequest()>;
using ErrorCodeOf = std::function<std::string(const HttpResponse&)>;
using Sleep = std::function<void(std::chrono::milliseconds)>;

SendResult send_with_retries(HttpTransport& transport, RetryStrategy& strategy, const PrepareRequest& prepare,
                             const ErrorCodeOf& error_code_of, const Sleep& sleep);

// std::this_thread::sleep_for
Sleep real_sleep();

} // namespace rg::aws
