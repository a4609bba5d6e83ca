#include "aws/assumed_role_provider.hpp"

#include <fmt/format.h>

namespace rg::aws {

namespace {

constexpr auto kRefreshAhead = std::chrono::minutes(5);

std::chrono::sys_seconds now(const ClientOptions& options) {
  return options.clock ? options.clock()
                       : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace

AssumedRoleProvider::AssumedRoleProvider(std::shared_ptr<CredentialsProvider> source,
                                         AssumeRoleRequest request, ClientOptions sts_options,
                                         std::shared_ptr<HttpTransport> transport,
                                         std::shared_ptr<RetryStrategy> retry)
    : source_(std::move(source)), request_(std::move(request)), sts_options_(std::move(sts_options)),
      transport_(std::move(transport)), retry_(std::move(retry)) {}

CallResult AssumedRoleProvider::assume() {
  nlohmann::json input = {{"RoleArn", request_.role_arn}, {"RoleSessionName", request_.session_name}};
  if (request_.external_id) {
    input["ExternalId"] = *request_.external_id;
  }
  if (request_.duration_seconds) {
    input["DurationSeconds"] = *request_.duration_seconds;
  }
  AwsClient sts(sts_options_, source_, transport_, retry_);
  CallResult result = sts.call("sts", "AssumeRole", input);
  auto fresh = credentials_from_sts_answer(result, fmt::format("assume role {}", request_.role_arn));
  if (fresh) {
    cached_ = std::move(*fresh);
  } else if (result.ok()) {
    // A 200 without keys: as unusable as a refusal, and it must read as one in the log.
    AwsError error;
    error.code = "rootguard.NoCredentialsInAnswer";
    error.message = fresh.error().message;
    result.record.error_code = error.code;
    result.error = std::move(error);
    result.output.reset();
  }
  return result;
}

Result<Credentials> AssumedRoleProvider::credentials() {
  if (cached_ && (!cached_->expiration || *cached_->expiration - now(sts_options_) > kRefreshAhead)) {
    return *cached_;
  }
  const CallResult result = assume();
  if (!result.ok()) {
    Problem problem;
    problem.kind = ProblemKind::kUnreadable;
    problem.file = "credentials";
    problem.message = fmt::format("assume role {}: {}", request_.role_arn, result.error->describe());
    return problem;
  }
  return *cached_;
}

} // namespace rg::aws
