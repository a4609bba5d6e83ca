// Standard-mode retries over the real libcurl transport against a scripted local server: throttling,
// HTTP 500, a dropped connection, a stalled answer (per-call timeout), non-retryable errors, the retry
// quota and the backoff bounds; and connection reuse.
#include "aws/curl_transport.hpp"
#include "aws/rate_limiter.hpp"
#include "aws/retrying_sender.hpp"
#include "scripted_server.hpp"

#include <gtest/gtest.h>
#include <thread>

namespace {

using namespace std::chrono_literals;
using rg::test::ScriptedServer;

const std::string kThrottled =
    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
    "</ErrorResponse>";
const std::string kOk = "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account>"
                        "</GetCallerIdentityResult></GetCallerIdentityResponse>";

// The error code as the query protocol's XML carries it (the protocol layer has the full parser).
std::string code_of(const rg::aws::HttpResponse& response) {
  const size_t start = response.body.find("<Code>");
  const size_t end = response.body.find("</Code>");
  return start == std::string::npos ? "" : response.body.substr(start + 6, end - start - 6);
}

struct Outcome {
  rg::aws::SendResult result;
  std::vector<std::chrono::milliseconds> sleeps;
  long connections = 0;
};

Outcome run(ScriptedServer& server, rg::aws::RetryStrategy& strategy,
            std::chrono::milliseconds timeout = 5s) {
  rg::aws::CurlTransport transport(rg::aws::fixed_environment({}));
  Outcome out;
  const auto prepare = [&] {
    rg::aws::HttpRequest request;
    request.method = "POST";
    request.url = server.url() + "/";
    request.body = "Action=GetCallerIdentity&Version=2011-06-15";
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    request.total_timeout = timeout;
    return request;
  };
  out.result =
      rg::aws::send_with_retries(transport, strategy, prepare, code_of,
                                 [&](std::chrono::milliseconds delay) { out.sleeps.push_back(delay); });
  out.connections = transport.connections_opened();
  return out;
}

rg::aws::RetryStrategy strategy() {
  return rg::aws::RetryStrategy(rg::aws::RetryConfig{}, 42);
}

TEST(HttpRetry, ThrottlingIsRetriedOnTheSameConnection) {
  ScriptedServer server({rg::test::respond(400, kThrottled), rg::test::respond(200, kOk)});
  auto retry = strategy();
  const Outcome r = run(server, retry);
  ASSERT_TRUE(r.result.result.response);
  EXPECT_EQ(r.result.result.response->status, 200);
  EXPECT_EQ(r.result.attempts, 2);
  EXPECT_EQ(r.result.throttled, 1);
  EXPECT_EQ(server.requests().size(), 2U);
  EXPECT_EQ(r.connections, 1) << "the keep-alive connection is reused";
  EXPECT_EQ(retry.quota(), 500) << "a retried success refunds what its retry took";
}

TEST(HttpRetry, ServerErrorsGiveUpAfterThreeAttempts) {
  ScriptedServer server(
      {rg::test::respond(500, "<ErrorResponse><Error><Code>InternalFailure</Code></Error></ErrorResponse>"),
       rg::test::respond(503, ""), rg::test::respond(500, ""), rg::test::respond(200, kOk)});
  auto retry = strategy();
  const Outcome r = run(server, retry);
  ASSERT_TRUE(r.result.result.response);
  EXPECT_EQ(r.result.result.response->status, 500);
  EXPECT_EQ(r.result.attempts, 3);
  EXPECT_EQ(r.sleeps.size(), 2U);
  EXPECT_EQ(server.requests().size(), 3U);
  EXPECT_EQ(retry.quota(), 490);
}

TEST(HttpRetry, DroppedConnectionIsRetried) {
  ScriptedServer server({rg::test::drop_connection(), rg::test::respond(200, kOk)});
  auto retry = strategy();
  const Outcome r = run(server, retry);
  ASSERT_TRUE(r.result.result.response);
  EXPECT_EQ(r.result.result.response->status, 200);
  EXPECT_EQ(r.result.attempts, 2);
  EXPECT_EQ(server.connections(), 2);
}

TEST(HttpRetry, StalledAnswerTimesOutAndCostsMore) {
  ScriptedServer server({rg::test::stall(1500ms), rg::test::respond(200, kOk)});
  auto retry = strategy();
  const auto started = std::chrono::steady_clock::now();
  const Outcome r = run(server, retry, 300ms);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1400ms)
      << "the per-call timeout ends the stalled attempt";
  ASSERT_TRUE(r.result.result.response);
  EXPECT_EQ(r.result.attempts, 2);
  EXPECT_EQ(retry.quota(), 500);
}

TEST(HttpRetry, AccessDeniedIsNotRetried) {
  ScriptedServer server(
      {rg::test::respond(403, "<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>")});
  auto retry = strategy();
  const Outcome r = run(server, retry);
  ASSERT_TRUE(r.result.result.response);
  EXPECT_EQ(r.result.result.response->status, 403);
  EXPECT_EQ(r.result.error_code, "AccessDenied");
  EXPECT_EQ(r.result.attempts, 1);
}

TEST(HttpRetry, NothingListeningIsAConnectError) {
  rg::aws::CurlTransport transport(rg::aws::fixed_environment({}));
  rg::aws::HttpRequest request;
  request.method = "GET";
  request.url = "http://127.0.0.1:1/"; // port 1: nothing listens
  const auto result = transport.send(request);
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, rg::aws::TransportErrorKind::kConnect);
}

TEST(RetryStrategy, QuotaRunsOutAfterOneHundredRetries) {
  auto retry = strategy();
  int granted = 0;
  while (retry.next_delay(rg::aws::RetryReason::kTransient, 1)) {
    ++granted;
  }
  EXPECT_EQ(granted, 100);
  EXPECT_FALSE(retry.next_delay(rg::aws::RetryReason::kThrottling, 1));
  retry.on_success(1, false);
  EXPECT_EQ(retry.quota(), 1);
}

TEST(RetryStrategy, BackoffIsFullJitterUnderTheExponentialCeiling) {
  rg::aws::RetryConfig config;
  config.max_attempts = 10;
  rg::aws::RetryStrategy retry(config, 7);
  for (int attempt = 1; attempt < 10; ++attempt) {
    const auto ceiling = std::min(20'000ms, std::chrono::milliseconds(1000LL << (attempt - 1)));
    for (int i = 0; i < 5; ++i) {
      const auto delay = retry.next_delay(rg::aws::RetryReason::kThrottling, attempt);
      ASSERT_TRUE(delay);
      EXPECT_LE(*delay, ceiling);
      EXPECT_GE(delay->count(), 0);
    }
  }
  EXPECT_FALSE(retry.next_delay(rg::aws::RetryReason::kThrottling, 10)) << "max attempts reached";
}

TEST(RateLimiter, LookupEventsAtMostTwoPerSecondPerRegion) {
  rg::aws::RateLimiter limiter;
  std::chrono::milliseconds slept{0};
  const auto sleep = [&](std::chrono::milliseconds delay) {
    slept += delay;
    std::this_thread::sleep_for(delay);
  };
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    limiter.acquire("cloudtrail", "LookupEvents", "eu-west-1", sleep);
  }
  EXPECT_GE(std::chrono::steady_clock::now() - started, 950ms) << "three calls take two intervals";
  const auto before = slept;
  limiter.acquire("cloudtrail", "LookupEvents", "us-east-1", sleep);
  limiter.acquire("cloudtrail", "DescribeTrails", "eu-west-1", sleep);
  EXPECT_EQ(slept, before) << "another region, or an operation without a cap, does not wait";
}

TEST(RetryStrategy, Classification) {
  rg::aws::HttpResult throttled{rg::aws::HttpResponse{400, {}, ""}, std::nullopt};
  EXPECT_EQ(rg::aws::classify_retry(throttled, "ThrottlingException"), rg::aws::RetryReason::kThrottling);
  EXPECT_EQ(rg::aws::classify_retry(throttled, "TooManyRequestsException"),
            rg::aws::RetryReason::kThrottling);
  EXPECT_EQ(rg::aws::classify_retry(throttled, "ValidationError"), rg::aws::RetryReason::kNone);
  rg::aws::HttpResult gateway{rg::aws::HttpResponse{504, {}, ""}, std::nullopt};
  EXPECT_EQ(rg::aws::classify_retry(gateway, ""), rg::aws::RetryReason::kTransient);
  rg::aws::HttpResult tls{std::nullopt, rg::aws::TransportError{rg::aws::TransportErrorKind::kTls, "x"}};
  EXPECT_EQ(rg::aws::classify_retry(tls, ""), rg::aws::RetryReason::kNone) << "a bad certificate stays bad";
}

} // namespace
