#include "aws/credential_sources.hpp"

#include "aws/crypto.hpp"
#include "aws/json_depth.hpp"
#include "aws/timestamp.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

extern char** environ; // NOLINT: POSIX

namespace rg::aws {

namespace {

Problem problem(std::string_view source, std::string message) {
  Problem p;
  p.kind = ProblemKind::kUnreadable;
  p.file = std::string(source);
  p.message = std::move(message);
  return p;
}

std::vector<std::string> split_words(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        word += c;
      }
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && i + 1 < command.size() && std::strchr("\"\\$`", command[i + 1]) != nullptr) {
        word += command[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < command.size()) {
      word += command[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return words;
}

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

HttpRequest metadata_request(std::string method, std::string url) {
  HttpRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  // The metadata services answer in milliseconds; not waiting long keeps a laptop run fast.
  request.connect_timeout = std::chrono::milliseconds(1000);
  request.total_timeout = std::chrono::milliseconds(2000);
  return request;
}

} // namespace

Result<Credentials> credentials_from_sts_answer(const CallResult& result, std::string_view source) {
  if (!result.ok()) {
    return problem(source, result.error->describe());
  }
  const auto& c = result.output->value("Credentials", nlohmann::json::object());
  Credentials creds;
  creds.access_key_id = c.value("AccessKeyId", "");
  creds.secret_access_key = Secret(c.value("SecretAccessKey", ""));
  creds.session_token = Secret(c.value("SessionToken", ""));
  if (const auto expiration = parse_wire_timestamp(c.value("Expiration", nlohmann::json()))) {
    creds.expiration = std::chrono::floor<std::chrono::seconds>(*expiration);
  }
  creds.source = std::string(source);
  if (creds.access_key_id.empty() || creds.secret_access_key.empty()) {
    return problem(source, "the STS answer has no credentials");
  }
  return creds;
}

std::optional<Credentials> credentials_from_environment(const Environment& env) {
  const auto key = env("AWS_ACCESS_KEY_ID");
  const auto secret = env("AWS_SECRET_ACCESS_KEY");
  if (!key || !secret) {
    return std::nullopt;
  }
  Credentials creds;
  creds.access_key_id = *key;
  creds.secret_access_key = Secret(*secret);
  creds.session_token = Secret(env("AWS_SESSION_TOKEN").value_or(env("AWS_SECURITY_TOKEN").value_or("")));
  creds.source = "environment";
  return creds;
}

std::optional<Credentials> credentials_from_profile(const Profile& profile, std::string_view name) {
  const auto key = profile.find("aws_access_key_id");
  const auto secret = profile.find("aws_secret_access_key");
  if (key == profile.end() || secret == profile.end() || key->second.empty() || secret->second.empty()) {
    return std::nullopt;
  }
  Credentials creds;
  creds.access_key_id = key->second;
  creds.secret_access_key = Secret(secret->second);
  if (const auto token = profile.find("aws_session_token"); token != profile.end()) {
    creds.session_token = Secret(token->second);
  } else if (const auto old = profile.find("aws_security_token"); old != profile.end()) {
    creds.session_token = Secret(old->second);
  }
  creds.source = fmt::format("profile {}", name);
  return creds;
}

Result<Credentials> credentials_from_json(std::string_view text, std::string_view source) {
  const auto document =
      json_depth_within(text) ? nlohmann::json::parse(text, nullptr, false) : nlohmann::json();
  if (!document.is_object()) {
    return problem(source, "the answer is not a JSON object");
  }
  if (document.contains("Version") && document["Version"] != 1) {
    return problem(source, "unsupported credential_process Version (1 is documented)");
  }
  if (document.contains("Code") && document["Code"] != "Success") {
    return problem(source, fmt::format("the answer's Code is {}", document["Code"].dump()));
  }
  Credentials creds;
  creds.access_key_id = document.value("AccessKeyId", "");
  creds.secret_access_key = Secret(document.value("SecretAccessKey", ""));
  creds.session_token = Secret(document.value("SessionToken", document.value("Token", "")));
  if (document.contains("Expiration")) {
    const auto expiration = parse_wire_timestamp(document["Expiration"]);
    if (!expiration) {
      return problem(source, "Expiration is not an ISO 8601 timestamp");
    }
    creds.expiration = std::chrono::floor<std::chrono::seconds>(*expiration);
  }
  creds.source = std::string(source);
  if (creds.access_key_id.empty() || creds.secret_access_key.empty()) {
    return problem(source, "AccessKeyId or SecretAccessKey is missing");
  }
  return creds;
}

Result<Credentials> credentials_from_process(const std::string& command) {
  const auto words = split_words(command);
  if (words.empty()) {
    return problem("credential_process", "the command is empty");
  }
  std::vector<char*> argv;
  for (const auto& word : words) {
    argv.push_back(const_cast<char*>(word.c_str())); // NOLINT: posix_spawn's signature
  }
  argv.push_back(nullptr);
  std::array<int, 2> pipe_fds{};
  if (::pipe(pipe_fds.data()) != 0) {
    return problem("credential_process", fmt::format("pipe: {}", std::generic_category().message(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return problem("credential_process",
                   fmt::format("cannot run {}: {}", words[0], std::generic_category().message(spawned)));
  }
  std::string output;
  std::array<char, 4096> buffer{};
  for (;;) {
    const ssize_t got = ::read(pipe_fds[0], buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0 || output.size() > (size_t{1} << 20U)) {
      break;
    }
    output.append(buffer.data(), static_cast<size_t>(got));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return problem("credential_process", fmt::format("{} failed (exit status {})", words[0],
                                                     WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  }
  return credentials_from_json(output, "credential_process");
}

std::optional<Result<Credentials>> credentials_from_container(const Environment& env,
                                                              HttpTransport& transport) {
  std::string url;
  if (const auto relative = env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    url = fmt::format("http://169.254.170.2{}", *relative);
  } else if (const auto full = env("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
    url = *full;
    // Plain http only to the container agents and loopback, as the SDKs allow: elsewhere a token and
    // credentials would cross a network in clear.
    const bool allowed = url.starts_with("https://") || url.starts_with("http://127.") ||
                         url.starts_with("http://localhost") || url.starts_with("http://[::1]") ||
                         url.starts_with("http://169.254.170.2/") ||
                         url.starts_with("http://169.254.170.23/") ||
                         url.starts_with("http://[fd00:ec2::23]");
    if (!allowed) {
      return Result<Credentials>(problem("container credentials",
                                         "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https or a loopback or "
                                         "container-agent address"));
    }
  } else {
    return std::nullopt;
  }
  HttpRequest request = metadata_request("GET", url);
  if (const auto file = env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
    const auto token = read_text(*file);
    if (!token) {
      return Result<Credentials>(problem("container credentials", fmt::format("cannot read {}", *file)));
    }
    request.headers.emplace_back("Authorization", trimmed(*token));
  } else if (const auto token = env("AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
    request.headers.emplace_back("Authorization", *token);
  }
  const HttpResult result = transport.send(request);
  if (!result.response) {
    return Result<Credentials>(problem("container credentials", result.error->message));
  }
  if (result.response->status != 200) {
    return Result<Credentials>(
        problem("container credentials", fmt::format("HTTP {}", result.response->status)));
  }
  return credentials_from_json(result.response->body, "container credentials");
}

std::optional<Result<Credentials>> credentials_from_imds(const Environment& env, HttpTransport& transport) {
  if (const auto disabled = env("AWS_EC2_METADATA_DISABLED"); disabled && *disabled == "true") {
    return std::nullopt;
  }
  std::string base = env("AWS_EC2_METADATA_SERVICE_ENDPOINT").value_or("http://169.254.169.254");
  while (base.ends_with('/')) {
    base.pop_back();
  }
  HttpRequest token_request = metadata_request("PUT", fmt::format("{}/latest/api/token", base));
  token_request.headers.emplace_back("X-aws-ec2-metadata-token-ttl-seconds", "21600");
  const HttpResult token = transport.send(token_request);
  if (!token.response || token.response->status != 200) {
    // No IMDSv1 fallback: an instance that cannot hand out a session token is not asked without one.
    return Result<Credentials>(
        problem("instance metadata", token.response ? fmt::format("token: HTTP {}", token.response->status)
                                                    : fmt::format("token: {}", token.error->message)));
  }
  const std::string session = trimmed(token.response->body);
  HttpRequest role_request =
      metadata_request("GET", fmt::format("{}/latest/meta-data/iam/security-credentials/", base));
  role_request.headers.emplace_back("X-aws-ec2-metadata-token", session);
  const HttpResult role = transport.send(role_request);
  if (!role.response || role.response->status != 200) {
    return Result<Credentials>(problem("instance metadata", "no instance profile role"));
  }
  const std::string role_name = trimmed(role.response->body.substr(0, role.response->body.find('\n')));
  HttpRequest creds_request = metadata_request(
      "GET", fmt::format("{}/latest/meta-data/iam/security-credentials/{}", base, role_name));
  creds_request.headers.emplace_back("X-aws-ec2-metadata-token", session);
  const HttpResult creds = transport.send(creds_request);
  if (!creds.response || creds.response->status != 200) {
    return Result<Credentials>(
        problem("instance metadata", fmt::format("credentials of role {}", role_name)));
  }
  return credentials_from_json(creds.response->body, "instance metadata");
}

Result<Credentials> credentials_from_sso(const SharedFiles& files, const Profile& profile,
                                         std::string_view name, const ClientOptions& options,
                                         std::shared_ptr<HttpTransport> transport) {
  const auto get = [&](const Profile& from, std::string_view key) -> std::string {
    const auto found = from.find(key);
    return found == from.end() ? "" : found->second;
  };
  std::string cache_key;
  std::string region = get(profile, "sso_region");
  if (const std::string session = get(profile, "sso_session"); !session.empty()) {
    const auto section = files.config.find(fmt::format("sso-session {}", session));
    if (section == files.config.end()) {
      return problem("sso", fmt::format("profile {} names sso_session {}, which has no [sso-session] section",
                                        name, session));
    }
    region = get(section->second, "sso_region");
    cache_key = session;
  } else {
    cache_key = get(profile, "sso_start_url");
  }
  const std::string account = get(profile, "sso_account_id");
  const std::string role = get(profile, "sso_role_name");
  if (cache_key.empty() || region.empty() || account.empty() || role.empty()) {
    return problem("sso", fmt::format("profile {} needs sso_session (or sso_start_url and sso_region), "
                                      "sso_account_id and sso_role_name",
                                      name));
  }
  const std::string cache_file =
      fmt::format("{}/.aws/sso/cache/{}.json", options.env("HOME").value_or(""), sha1_hex(cache_key));
  const auto text = read_text(cache_file);
  const auto cached =
      text && json_depth_within(*text) ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
  if (!cached.is_object() || !cached.contains("accessToken")) {
    return problem("sso", fmt::format("no SSO token cached for profile {}: run `aws sso login --profile {}`",
                                      name, name));
  }
  const auto expires = parse_wire_timestamp(cached.value("expiresAt", nlohmann::json()));
  const auto now = options.clock ? options.clock()
                                 : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (!expires || *expires <= now) {
    return problem("sso",
                   fmt::format("the SSO session of profile {} has expired: run `aws sso login --profile {}`",
                               name, name));
  }
  ClientOptions sso_options = options;
  sso_options.region = region;
  AwsClient sso(sso_options, std::make_shared<StaticCredentialsProvider>(Credentials{}), std::move(transport),
                std::make_shared<RetryStrategy>(RetryConfig{}));
  const auto result =
      sso.call("sso", "GetRoleCredentials",
               {{"roleName", role}, {"accountId", account}, {"accessToken", cached.at("accessToken")}});
  if (!result.ok()) {
    return problem("sso", result.error->describe());
  }
  const auto& c = result.output->value("roleCredentials", nlohmann::json::object());
  Credentials creds;
  creds.access_key_id = c.value("accessKeyId", "");
  creds.secret_access_key = Secret(c.value("secretAccessKey", ""));
  creds.session_token = Secret(c.value("sessionToken", ""));
  if (c.contains("expiration") && c["expiration"].is_number()) {
    // Milliseconds since the epoch (a long in the model, not a timestamp).
    creds.expiration =
        std::chrono::sys_seconds(std::chrono::seconds(c["expiration"].get<std::int64_t>() / 1000));
  }
  creds.source = fmt::format("sso profile {}", name);
  if (creds.access_key_id.empty() || creds.secret_access_key.empty()) {
    return problem("sso", "GetRoleCredentials answered no credentials");
  }
  return creds;
}

Result<Credentials> assume_role(const Credentials& source, const AssumeRoleRequest& request,
                                const ClientOptions& options, std::shared_ptr<HttpTransport> transport) {
  nlohmann::json input = {{"RoleArn", request.role_arn}, {"RoleSessionName", request.session_name}};
  if (request.external_id) {
    input["ExternalId"] = *request.external_id;
  }
  if (request.duration_seconds) {
    input["DurationSeconds"] = *request.duration_seconds;
  }
  AwsClient sts(options, std::make_shared<StaticCredentialsProvider>(source), std::move(transport),
                std::make_shared<RetryStrategy>(RetryConfig{}));
  return credentials_from_sts_answer(sts.call("sts", "AssumeRole", input),
                                     fmt::format("assume role {}", request.role_arn));
}

Result<Credentials> assume_role_with_web_identity(const std::string& token_file,
                                                  const AssumeRoleRequest& request,
                                                  const ClientOptions& options,
                                                  std::shared_ptr<HttpTransport> transport) {
  const auto token = read_text(token_file);
  if (!token) {
    return problem("web identity", fmt::format("cannot read the token file {}", token_file));
  }
  nlohmann::json input = {{"RoleArn", request.role_arn},
                          {"RoleSessionName", request.session_name},
                          {"WebIdentityToken", trimmed(*token)}};
  if (request.duration_seconds) {
    input["DurationSeconds"] = *request.duration_seconds;
  }
  // AssumeRoleWithWebIdentity is not signed: the token is the proof. Empty credentials mean unsigned.
  AwsClient sts(options, std::make_shared<StaticCredentialsProvider>(Credentials{}), std::move(transport),
                std::make_shared<RetryStrategy>(RetryConfig{}));
  return credentials_from_sts_answer(sts.call("sts", "AssumeRoleWithWebIdentity", input),
                                     fmt::format("web identity role {}", request.role_arn));
}

} // namespace rg::aws
