#pragma once
// The standard credential chain, in botocore's order: environment (skipped when --profile names a
// profile, as the CLI does), a profile's role_arn (source_profile chains or credential_source, with
// external_id, duration_seconds, role_session_name), web identity (profile or AWS_WEB_IDENTITY_TOKEN_FILE),
// the shared credentials file, credential_process, keys in the config file, ECS/EKS container
// credentials, EC2 instance metadata (IMDSv2). Temporary credentials are cached and fetched again five
// minutes before they expire.
#include "aws/config_files.hpp"
#include "aws/credentials_provider.hpp"
#include "aws/endpoints.hpp"
#include "aws/environment.hpp"
#include "aws/http.hpp"
#include "aws/retry.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rg::aws {

struct ChainOptions {
  std::optional<std::string> profile; // --profile
  std::optional<std::string> region;  // --region
  Environment env = process_environment();
  std::shared_ptr<HttpTransport> transport; // for STS, the container endpoint and IMDS
  std::function<std::chrono::sys_seconds()> clock;
};

struct AwsSetup {
  std::string profile;
  std::optional<std::string> region; // resolved as the CLI resolves it
  std::shared_ptr<CredentialsProvider> credentials;
  ConfiguredEndpoints endpoints; // the profile's endpoint_url and services section
  RetryConfig retry; // max_attempts from AWS_MAX_ATTEMPTS, else the profile's max_attempts, else 3
};

AwsSetup resolve_setup(ChainOptions options);

} // namespace rg::aws
