#pragma once
// One AWS API call by service and operation name, with the input as the AWS CLI's --cli-input-json
// takes it and the output as `aws <service> <operation> --output json` prints it; call_all_pages follows
// the operation's paginator and merges the pages as the CLI does. Not thread-safe (one transport, one
// connection): use one client per thread; the retry strategy may be shared.
#include "aws/aws_error.hpp"
#include "aws/credentials_provider.hpp"
#include "aws/endpoints.hpp"
#include "aws/environment.hpp"
#include "aws/http.hpp"
#include "aws/rate_limiter.hpp"
#include "aws/retry.hpp"
#include "aws/retrying_sender.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace rg::aws {

// One line of collection.json: what was called and how it went. Never holds a secret.
struct CallRecord {
  std::string service;
  std::string operation;
  std::string region;
  long http_status = 0;
  std::string error_code; // empty on success
  int attempts = 0;
  int throttled = 0;
  int pages = 0;
  std::chrono::milliseconds duration{0};
};

struct CallResult {
  std::optional<nlohmann::json> output;
  std::optional<AwsError> error;
  CallRecord record;

  bool ok() const { return output.has_value(); }
};

struct ClientOptions {
  std::string region;
  Environment env = process_environment();
  ConfiguredEndpoints endpoints; // from the shared config file (AwsSetup::endpoints)
  // Shared by the clients (threads) that call the same account, so together they respect the caps;
  // copies of these options share it.
  std::shared_ptr<RateLimiter> rate_limiter = std::make_shared<RateLimiter>();
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds call_timeout{60'000};
  Sleep sleep = real_sleep();
  std::function<std::chrono::sys_seconds()> clock; // default: the system clock
  std::string user_agent = "rootguard";
  int max_pages = 10'000; // a bound on a paginator that never ends
};

class AwsClient {
public:
  AwsClient(ClientOptions options, std::shared_ptr<CredentialsProvider> credentials,
            std::shared_ptr<HttpTransport> transport, std::shared_ptr<RetryStrategy> retry);

  CallResult call(std::string_view service, std::string_view operation,
                  const nlohmann::json& input = nlohmann::json::object(),
                  const std::optional<std::string>& region = std::nullopt);

  CallResult call_all_pages(std::string_view service, std::string_view operation,
                            nlohmann::json input = nlohmann::json::object(),
                            const std::optional<std::string>& region = std::nullopt);

  const ClientOptions& options() const { return options_; }

private:
  ClientOptions options_;
  std::shared_ptr<CredentialsProvider> credentials_;
  std::shared_ptr<HttpTransport> transport_;
  std::shared_ptr<RetryStrategy> retry_;
};

// The CLI's merge of pages (botocore PageIterator.build_full_result): result keys concatenated over the
// pages, non-aggregate keys from the first page, tokens and truncation flags dropped.
nlohmann::json merge_pages(const nlohmann::json& paginator, const std::vector<nlohmann::json>& pages);

} // namespace rg::aws
