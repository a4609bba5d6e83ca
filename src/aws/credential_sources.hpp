#pragma once
// Each place credentials can come from, as one function. The chain (credential_chain.hpp) decides the
// order; these only fetch. Errors name the source and the reason, never a secret.
#include "aws/client.hpp"
#include "aws/config_files.hpp"
#include "aws/credentials.hpp"
#include "aws/environment.hpp"
#include "aws/http.hpp"
#include "util/result.hpp"

#include <memory>
#include <optional>
#include <string>

namespace rg::aws {

// AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN, or the older AWS_SECURITY_TOKEN);
// nullopt when not set.
std::optional<Credentials> credentials_from_environment(const Environment& env);

// aws_access_key_id / aws_secret_access_key / aws_session_token of one profile; nullopt when absent.
std::optional<Credentials> credentials_from_profile(const Profile& profile, std::string_view name);

// credential_process: the command is split as a POSIX shell would split words (quotes, backslashes)
// and run without a shell; stdout must be the documented JSON (Version 1).
Result<Credentials> credentials_from_process(const std::string& command);

// The JSON answer of credential_process, the ECS endpoint and IMDS (AccessKeyId, SecretAccessKey,
// SessionToken or Token, Expiration).
Result<Credentials> credentials_from_json(std::string_view text, std::string_view source);

// ECS / EKS Pod Identity container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI,
// with AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]); nullopt when neither variable is set.
std::optional<Result<Credentials>> credentials_from_container(const Environment& env,
                                                              HttpTransport& transport);

// EC2 instance metadata, IMDSv2 only (a session token first; no fallback to IMDSv1).
// AWS_EC2_METADATA_DISABLED=true turns it off (nullopt).
std::optional<Result<Credentials>> credentials_from_imds(const Environment& env, HttpTransport& transport);

// IAM Identity Center (SSO): the access token the AWS CLI cached at `aws sso login`
// (~/.aws/sso/cache/<sha1 of the sso-session name, or of the legacy sso_start_url>.json), exchanged for
// role credentials with sso GetRoleCredentials (an unsigned call). An expired token says to log in again.
Result<Credentials> credentials_from_sso(const SharedFiles& files, const Profile& profile,
                                         std::string_view name, const ClientOptions& options,
                                         std::shared_ptr<HttpTransport> transport);

struct AssumeRoleRequest {
  std::string role_arn;
  std::string session_name;
  std::optional<std::string> external_id;
  std::optional<int> duration_seconds;
};

// The Credentials of an STS answer (AssumeRole, AssumeRoleWithWebIdentity, GetRoleCredentials-like);
// a failed call or an answer without keys is a Problem naming `source`.
Result<Credentials> credentials_from_sts_answer(const CallResult& result, std::string_view source);

// STS AssumeRole signed with `source`, through the same client stack (endpoint overrides apply).
Result<Credentials> assume_role(const Credentials& source, const AssumeRoleRequest& request,
                                const ClientOptions& options, std::shared_ptr<HttpTransport> transport);

// STS AssumeRoleWithWebIdentity (an unsigned call) with the token read from `token_file`.
Result<Credentials> assume_role_with_web_identity(const std::string& token_file,
                                                  const AssumeRoleRequest& request,
                                                  const ClientOptions& options,
                                                  std::shared_ptr<HttpTransport> transport);

} // namespace rg::aws
