#include "aws/credential_chain.hpp"

#include "aws/credential_sources.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <mutex>
#include <set>

namespace rg::aws {

namespace {

constexpr auto kRefreshAhead = std::chrono::minutes(5);

Problem chain_problem(std::string message) {
  Problem p;
  p.kind = ProblemKind::kUnreadable;
  p.file = "credentials";
  p.message = std::move(message);
  return p;
}

std::optional<std::string> setting(const Profile& profile, std::string_view key) {
  const auto found = profile.find(key);
  if (found == profile.end() || found->second.empty()) {
    return std::nullopt;
  }
  return found->second;
}

class ChainProvider final : public CredentialsProvider {
public:
  ChainProvider(ChainOptions options, SharedFiles files, std::string profile,
                std::optional<std::string> region, ConfiguredEndpoints endpoints)
      : options_(std::move(options)), files_(std::move(files)), profile_(std::move(profile)),
        region_(std::move(region)), endpoints_(std::move(endpoints)) {}

  Result<Credentials> credentials() override {
    const std::lock_guard lock(mutex_);
    if (cached_ && (!cached_->expiration || *cached_->expiration - options_.clock() > kRefreshAhead)) {
      return *cached_;
    }
    auto fresh = resolve();
    if (fresh) {
      cached_ = *fresh;
    }
    return fresh;
  }

private:
  ClientOptions sts_options(const Profile& profile) const {
    ClientOptions options;
    options.env = options_.env;
    options.clock = options_.clock;
    options.endpoints = endpoints_;
    options.region = region_.value_or(setting(profile, "region").value_or("us-east-1"));
    return options;
  }

  AssumeRoleRequest role_request(const Profile& profile, const std::string& role_arn) const {
    AssumeRoleRequest request;
    request.role_arn = role_arn;
    request.session_name =
        setting(profile, "role_session_name")
            .value_or(fmt::format("rootguard-session-{}", options_.clock().time_since_epoch().count()));
    request.external_id = setting(profile, "external_id");
    if (const auto duration = setting(profile, "duration_seconds")) {
      try {
        request.duration_seconds = std::stoi(*duration);
      } catch (const std::exception&) {
        request.duration_seconds = std::nullopt; // STS's default (1 hour) rather than a refusal
      }
    }
    return request;
  }

  Result<Credentials> from_credential_source(const std::string& source) {
    if (source == "Environment") {
      if (auto env = credentials_from_environment(options_.env)) {
        return *env;
      }
      return chain_problem(
          "credential_source Environment: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set");
    }
    if (source == "EcsContainer") {
      if (auto container = credentials_from_container(options_.env, *options_.transport)) {
        return std::move(*container);
      }
      return chain_problem("credential_source EcsContainer: no container credentials variables");
    }
    if (source == "Ec2InstanceMetadata") {
      if (auto imds = credentials_from_imds(options_.env, *options_.transport)) {
        return std::move(*imds);
      }
      return chain_problem("credential_source Ec2InstanceMetadata: instance metadata is disabled");
    }
    return chain_problem(fmt::format("credential_source {} is not one of Environment, EcsContainer, "
                                     "Ec2InstanceMetadata",
                                     source));
  }

  // A profile's own credentials when it is a source_profile: a role of its own, keys, or a process.
  Result<Credentials> profile_credentials(const std::string& name, std::set<std::string>& visited) {
    if (!visited.insert(name).second) {
      return chain_problem(fmt::format("source_profile loop through profile {}", name));
    }
    const Profile profile = merged_profile(files_, name);
    const auto role_arn = setting(profile, "role_arn");
    const auto keys = credentials_from_profile(profile, name);
    // A profile naming itself as source_profile uses its own keys for the role (botocore does the same).
    if (role_arn && !(keys && setting(profile, "source_profile") == name)) {
      return assumed(profile, name, *role_arn, visited);
    }
    if (keys) {
      return *keys;
    }
    if (setting(profile, "sso_session") || setting(profile, "sso_start_url")) {
      return credentials_from_sso(files_, profile, name, sts_options(profile), options_.transport);
    }
    if (const auto process = setting(profile, "credential_process")) {
      return credentials_from_process(*process);
    }
    return chain_problem(
        fmt::format("profile {} has no credentials (keys, role_arn, sso or credential_process)", name));
  }

  Result<Credentials> assumed(const Profile& profile, const std::string& name, const std::string& role_arn,
                              std::set<std::string>& visited) {
    if (setting(profile, "mfa_serial")) {
      return chain_problem(
          fmt::format("profile {}: mfa_serial needs an MFA code, which rootguard does not prompt "
                      "for; use a profile without it or credential_process",
                      name));
    }
    Result<Credentials> source = chain_problem("unreachable");
    if (const auto token_file = setting(profile, "web_identity_token_file")) {
      return assume_role_with_web_identity(*token_file, role_request(profile, role_arn), sts_options(profile),
                                           options_.transport);
    }
    if (const auto source_profile = setting(profile, "source_profile")) {
      if (*source_profile == name) {
        auto keys = credentials_from_profile(profile, name);
        source =
            keys ? Result<Credentials>(*keys) : chain_problem(fmt::format("profile {} has no keys", name));
      } else {
        source = profile_credentials(*source_profile, visited);
      }
    } else if (const auto credential_source = setting(profile, "credential_source")) {
      source = from_credential_source(*credential_source);
    } else {
      return chain_problem(
          fmt::format("profile {}: role_arn needs source_profile or credential_source", name));
    }
    if (!source) {
      return source.error();
    }
    return assume_role(*source, role_request(profile, role_arn), sts_options(profile), options_.transport);
  }

  Result<Credentials> resolve() {
    const bool explicit_profile = options_.profile.has_value();
    if (!explicit_profile) {
      if (auto env = credentials_from_environment(options_.env)) {
        return *env;
      }
    }
    const Profile profile = merged_profile(files_, profile_);
    if (explicit_profile && profile.empty() && !files_.config.contains(profile_) &&
        !files_.credentials.contains(profile_)) {
      return chain_problem(fmt::format("the config profile ({}) could not be found", profile_));
    }
    if (const auto role_arn = setting(profile, "role_arn")) {
      std::set<std::string> visited{profile_};
      return assumed(profile, profile_, *role_arn, visited);
    }
    if (const auto token_file = options_.env("AWS_WEB_IDENTITY_TOKEN_FILE")) {
      if (const auto role_arn = options_.env("AWS_ROLE_ARN")) {
        AssumeRoleRequest request = role_request(profile, *role_arn);
        if (const auto session = options_.env("AWS_ROLE_SESSION_NAME")) {
          request.session_name = *session;
        }
        return assume_role_with_web_identity(*token_file, request, sts_options(profile), options_.transport);
      }
    }
    if (setting(profile, "sso_session") || setting(profile, "sso_start_url")) {
      return credentials_from_sso(files_, profile, profile_, sts_options(profile), options_.transport);
    }
    if (const auto found = files_.credentials.find(profile_); found != files_.credentials.end()) {
      if (auto keys = credentials_from_profile(found->second, profile_)) {
        return *keys;
      }
    }
    if (const auto process = setting(profile, "credential_process")) {
      return credentials_from_process(*process);
    }
    if (const auto found = files_.config.find(profile_); found != files_.config.end()) {
      if (auto keys = credentials_from_profile(found->second, profile_)) {
        return *keys;
      }
    }
    if (auto container = credentials_from_container(options_.env, *options_.transport)) {
      return std::move(*container);
    }
    if (auto imds = credentials_from_imds(options_.env, *options_.transport)) {
      if (*imds) {
        return std::move(*imds);
      }
    }
    return chain_problem("no AWS credentials found (environment, profile, credential_process, container or "
                         "instance metadata)");
  }

  ChainOptions options_;
  SharedFiles files_;
  std::string profile_;
  std::optional<std::string> region_;
  ConfiguredEndpoints endpoints_;
  std::mutex mutex_;
  std::optional<Credentials> cached_;
};

} // namespace

AwsSetup resolve_setup(ChainOptions options) {
  if (!options.clock) {
    options.clock = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
  }
  SharedFiles files = load_shared_files(options.env);
  AwsSetup setup;
  setup.profile = selected_profile(options.env, options.profile);
  setup.region = resolve_region(options.env, options.region, files, setup.profile);
  const Profile profile = merged_profile(files, setup.profile);
  if (const auto url = profile.find("endpoint_url"); url != profile.end() && !url->second.empty()) {
    setup.endpoints.global = url->second;
  }
  if (const auto services = profile.find("services"); services != profile.end()) {
    if (const auto section = files.config.find(fmt::format("services {}", services->second));
        section != files.config.end()) {
      for (const auto& [key, value] : section->second) {
        if (key.ends_with(".endpoint_url")) {
          setup.endpoints.by_service.emplace(key.substr(0, key.size() - 13), value);
        }
      }
    }
  }
  const auto configured = options.env("AWS_MAX_ATTEMPTS");
  const auto from_file = profile.find("max_attempts");
  const std::optional<std::string> attempts =
      configured ? configured
                 : (from_file != profile.end() ? std::optional(from_file->second) : std::nullopt);
  if (attempts) {
    try {
      setup.retry.max_attempts = std::clamp(std::stoi(*attempts), 1, 10);
    } catch (const std::exception&) {
      setup.retry.max_attempts = RetryConfig{}.max_attempts; // not a number: the default, as botocore warns
    }
  }
  setup.credentials = std::make_shared<ChainProvider>(std::move(options), std::move(files), setup.profile,
                                                      setup.region, setup.endpoints);
  return setup;
}

} // namespace rg::aws
