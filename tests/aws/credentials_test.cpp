// The credential chain: environment, shared files and profiles, source_profile role chains through STS
// (a scripted local STS), credential_process, web identity, container credentials, IMDSv2 without
// fallback, region resolution, and secrets that redact themselves.
#include "aws/config_files.hpp"
#include "aws/credential_chain.hpp"
#include "aws/credential_sources.hpp"
#include "aws/curl_transport.hpp"
#include "scripted_server.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using rg::aws::fixed_environment;

class Credentials : public testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("rg-creds-{}-{}", ::getpid(), counter_++);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  rg::aws::AwsSetup setup(std::map<std::string, std::string, std::less<>> env,
                          std::optional<std::string> profile = std::nullopt) {
    env.emplace("HOME", dir_.string());
    env.emplace("AWS_EC2_METADATA_DISABLED", "true");
    const auto environment = fixed_environment(env);
    rg::aws::ChainOptions options;
    options.profile = std::move(profile);
    options.env = environment;
    options.transport = std::make_shared<rg::aws::CurlTransport>(environment);
    options.clock = [] { return std::chrono::sys_seconds(std::chrono::seconds(1'800'000'000)); };
    return rg::aws::resolve_setup(options);
  }

  fs::path dir_;
  static inline int counter_ = 0;
};

std::string assume_role_answer(const std::string& key) {
  return fmt::format("<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>{}</AccessKeyId>"
                     "<SecretAccessKey>s-{}</SecretAccessKey><SessionToken>t-{}</SessionToken>"
                     "<Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
                     "</AssumeRoleResponse>",
                     key, key, key);
}

TEST_F(Credentials, EnvironmentWithSessionToken) {
  const auto s = setup({{"AWS_ACCESS_KEY_ID", "AKIAENV"},
                        {"AWS_SECRET_ACCESS_KEY", "envsecret"},
                        {"AWS_SESSION_TOKEN", "envtoken"},
                        {"AWS_REGION", "eu-west-3"}});
  const auto creds = s.credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "AKIAENV");
  EXPECT_EQ(creds->secret_access_key.reveal(), "envsecret");
  EXPECT_EQ(creds->session_token.reveal(), "envtoken");
  EXPECT_EQ(s.region, "eu-west-3");
}

TEST_F(Credentials, ExplicitProfileSkipsTheEnvironmentAndCredentialsFileWins) {
  write("config", "[default]\nregion = us-west-2\n[profile audit]\nregion = ap-northeast-1\n"
                  "aws_access_key_id = AKIACONFIG\naws_secret_access_key = fromconfig\n");
  write("credentials", "[audit]\naws_access_key_id = AKIAFILE\naws_secret_access_key = fromfile\n");
  const auto s = setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()},
                        {"AWS_SHARED_CREDENTIALS_FILE", (dir_ / "credentials").string()},
                        {"AWS_ACCESS_KEY_ID", "AKIAENV"},
                        {"AWS_SECRET_ACCESS_KEY", "envsecret"}},
                       "audit");
  const auto creds = s.credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "AKIAFILE");
  EXPECT_EQ(s.region, "ap-northeast-1");
  EXPECT_FALSE(
      setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}}, "missing").credentials->credentials());
}

TEST_F(Credentials, MaxAttemptsFromTheEnvironmentThenTheProfile) {
  write("config", "[default]\nmax_attempts = 5\n");
  EXPECT_EQ(setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}}).retry.max_attempts, 5);
  EXPECT_EQ(
      setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}, {"AWS_MAX_ATTEMPTS", "2"}}).retry.max_attempts,
      2);
  EXPECT_EQ(setup({}).retry.max_attempts, 3);
}

TEST_F(Credentials, EndpointsFromTheProfileAndItsServicesSection) {
  write("config", "[default]\nendpoint_url = http://127.0.0.1:9\nservices = local\n"
                  "[services local]\ncloudwatch_logs =\n  endpoint_url = http://127.0.0.1:8\n");
  const auto s = setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}});
  EXPECT_EQ(s.endpoints.global, "http://127.0.0.1:9");
  EXPECT_EQ(s.endpoints.by_service.at("cloudwatch_logs"), "http://127.0.0.1:8");
}

TEST_F(Credentials, AwsProfileVariableAndDefaultFilesUnderHome) {
  fs::create_directories(dir_ / ".aws");
  write(".aws/config", "[profile dev]\nregion = sa-east-1\n");
  write(".aws/credentials", "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev\n");
  const auto s = setup({{"AWS_PROFILE", "dev"}});
  EXPECT_EQ(s.profile, "dev");
  EXPECT_EQ(s.region, "sa-east-1");
  ASSERT_TRUE(s.credentials->credentials());
  EXPECT_EQ(s.credentials->credentials()->access_key_id, "AKIADEV");
}

TEST_F(Credentials, SourceProfileChainAssumesEachRoleWithThePreviousCredentials) {
  rg::test::ScriptedServer sts({rg::test::respond(200, assume_role_answer("ASIAFIRST")),
                                rg::test::respond(200, assume_role_answer("ASIASECOND"))});
  write("config",
        "[profile base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base\n"
        "[profile middle]\nrole_arn = arn:aws:iam::111111111111:role/middle\nsource_profile = base\n"
        "[profile target]\nrole_arn = arn:aws:iam::222222222222:role/audit\nsource_profile = middle\n"
        "external_id = ext-42\nduration_seconds = 1800\nrole_session_name = rg-test\nregion = eu-west-1\n");
  const auto s =
      setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}, {"AWS_ENDPOINT_URL", sts.url()}}, "target");
  const auto creds = s.credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIASECOND");
  EXPECT_EQ(creds->session_token.reveal(), "t-ASIASECOND");
  ASSERT_TRUE(creds->expiration);
  const auto requests = sts.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_NE(requests[0].find("Credential=AKIABASE/"), std::string::npos);
  EXPECT_NE(requests[0].find("RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fmiddle"), std::string::npos);
  EXPECT_NE(requests[1].find("Credential=ASIAFIRST/"), std::string::npos);
  EXPECT_NE(requests[1].find("X-Amz-Security-Token: t-ASIAFIRST"), std::string::npos);
  EXPECT_NE(requests[1].find("ExternalId=ext-42"), std::string::npos);
  EXPECT_NE(requests[1].find("DurationSeconds=1800"), std::string::npos);
  EXPECT_NE(requests[1].find("RoleSessionName=rg-test"), std::string::npos);
  // Cached until five minutes before expiry: no third call.
  ASSERT_TRUE(s.credentials->credentials());
  EXPECT_EQ(sts.requests().size(), 2U);
}

TEST_F(Credentials, SourceProfileLoopIsAnError) {
  write("config", "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                  "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n");
  const auto creds = setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}}, "a").credentials->credentials();
  ASSERT_FALSE(creds);
  EXPECT_NE(creds.error().message.find("loop"), std::string::npos);
}

TEST_F(Credentials, CredentialProcessRunsWithoutAShell) {
  const std::string script = write("creds.sh", "#!/bin/sh\nprintf '%s' \"$1\" > \"$2\"\n"
                                               "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROC\", "
                                               "\"SecretAccessKey\": \"proc\", \"SessionToken\": \"ptoken\", "
                                               "\"Expiration\": \"2030-01-01T00:00:00Z\"}'\n");
  fs::permissions(script, fs::perms::owner_all);
  write("config",
        fmt::format("[default]\ncredential_process = {} 'two words' {}\n", script, (dir_ / "arg").string()));
  const auto creds = setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}}).credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "AKIAPROC");
  EXPECT_EQ(creds->session_token.reveal(), "ptoken");
  std::ifstream arg(dir_ / "arg");
  std::string text((std::istreambuf_iterator<char>(arg)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "two words") << "quoted words reach the process as one argument";
}

TEST_F(Credentials, WebIdentityIsAnUnsignedCall) {
  rg::test::ScriptedServer sts({rg::test::respond(
      200, "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>"
           "<AccessKeyId>ASIAWEB</AccessKeyId><SecretAccessKey>web</SecretAccessKey><SessionToken>wt</"
           "SessionToken>"
           "<Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult>"
           "</AssumeRoleWithWebIdentityResponse>")});
  const std::string token = write("token", "eyJ.jwt.sig\n");
  const auto creds = setup({{"AWS_WEB_IDENTITY_TOKEN_FILE", token},
                            {"AWS_ROLE_ARN", "arn:aws:iam::1:role/pod"},
                            {"AWS_ROLE_SESSION_NAME", "pod-1"},
                            {"AWS_ENDPOINT_URL", sts.url()},
                            {"AWS_REGION", "us-east-1"}})
                         .credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIAWEB");
  const auto requests = sts.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].find("Authorization"), std::string::npos);
  EXPECT_NE(requests[0].find("WebIdentityToken=eyJ.jwt.sig"), std::string::npos);
  EXPECT_EQ(requests[0].find("%0A"), std::string::npos) << "the token file's newline is trimmed";
  EXPECT_NE(requests[0].find("RoleSessionName=pod-1"), std::string::npos);
}

TEST_F(Credentials, ContainerCredentialsSendTheAuthorizationToken) {
  rg::test::ScriptedServer agent({rg::test::respond(
      200,
      R"({"AccessKeyId": "ASIAECS", "SecretAccessKey": "ecs", "Token": "et", "Expiration": "2030-01-01T00:00:00Z"})",
      "application/json")});
  const std::string token = write("ecs-token", "Bearer-abc\n");
  const auto creds = setup({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/v1/credentials"},
                            {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token}})
                         .credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIAECS");
  EXPECT_EQ(creds->session_token.reveal(), "et");
  ASSERT_EQ(agent.requests().size(), 1U);
  EXPECT_NE(agent.requests()[0].find("Authorization: Bearer-abc"), std::string::npos);
  const auto refused =
      setup({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://203.0.113.9/creds"}}).credentials->credentials();
  EXPECT_FALSE(refused) << "plain http only to loopback or the container agents";
}

TEST_F(Credentials, ImdsV2TokenFirstAndNoV1Fallback) {
  rg::test::ScriptedServer imds(
      {rg::test::respond(200, "session-token", "text/plain"),
       rg::test::respond(200, "ec2-role\n", "text/plain"),
       rg::test::respond(
           200,
           R"({"Code": "Success", "AccessKeyId": "ASIAEC2", "SecretAccessKey": "ec2", "Token": "it", "Expiration": "2030-01-01T00:00:00Z"})",
           "application/json")});
  auto env = std::map<std::string, std::string, std::less<>>{
      {"AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url()}, {"AWS_EC2_METADATA_DISABLED", "false"}};
  const auto creds = setup(env).credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIAEC2");
  const auto requests = imds.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_TRUE(requests[0].starts_with("PUT /latest/api/token"));
  EXPECT_NE(requests[0].find("X-aws-ec2-metadata-token-ttl-seconds: 21600"), std::string::npos);
  EXPECT_NE(requests[2].find("GET /latest/meta-data/iam/security-credentials/ec2-role"), std::string::npos);
  EXPECT_NE(requests[2].find("X-aws-ec2-metadata-token: session-token"), std::string::npos);

  rg::test::ScriptedServer v1_only({rg::test::respond(403, "", "text/plain")});
  env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = v1_only.url();
  EXPECT_FALSE(setup(env).credentials->credentials());
  EXPECT_EQ(v1_only.requests().size(), 1U) << "no credentials request without a session token";
}

TEST_F(Credentials, NothingConfiguredSaysWhereItLooked) {
  const auto creds = setup({}).credentials->credentials();
  ASSERT_FALSE(creds);
  EXPECT_NE(creds.error().message.find("no AWS credentials"), std::string::npos);
}

TEST(Region, ResolvedAsTheCliResolvesIt) {
  rg::aws::SharedFiles files;
  files.config =
      rg::aws::parse_ini("[default]\nregion = us-west-1\n[profile p]\nregion = eu-north-1\n", true);
  const auto none = fixed_environment({});
  EXPECT_EQ(rg::aws::resolve_region(none, std::nullopt, files, "default"), "us-west-1");
  EXPECT_EQ(rg::aws::resolve_region(none, std::nullopt, files, "p"), "eu-north-1");
  EXPECT_EQ(rg::aws::resolve_region(fixed_environment({{"AWS_DEFAULT_REGION", "ca-central-1"}}), std::nullopt,
                                    files, "p"),
            "ca-central-1");
  EXPECT_EQ(
      rg::aws::resolve_region(fixed_environment({{"AWS_REGION", "me-south-1"}, {"AWS_DEFAULT_REGION", "x"}}),
                              std::nullopt, files, "p"),
      "me-south-1");
  EXPECT_EQ(
      rg::aws::resolve_region(fixed_environment({{"AWS_REGION", "me-south-1"}}), "af-south-1", files, "p"),
      "af-south-1");
  EXPECT_FALSE(rg::aws::resolve_region(none, std::nullopt, files, "other"));
}

TEST(Ini, NestedSettingsCommentsAndProfilePrefix) {
  const auto parsed =
      rg::aws::parse_ini("# c\n[profile x]\nregion=eu-west-1 \ns3 =\n  max_concurrent_requests = 20\n"
                         "; c\n[sso-session s]\nsso_region = us-east-1\n",
                         true);
  EXPECT_EQ(parsed.at("x").at("region"), "eu-west-1");
  EXPECT_EQ(parsed.at("x").at("s3.max_concurrent_requests"), "20");
  EXPECT_EQ(parsed.at("sso-session s").at("sso_region"), "us-east-1");
}

TEST(Secret, RedactsItselfInFmtAndStreams) {
  const rg::aws::Secret secret("wJalrXUtnFEMI");
  EXPECT_EQ(fmt::format("{}", secret), "<redacted>");
  std::ostringstream out;
  out << secret;
  EXPECT_EQ(out.str(), "<redacted>");
  EXPECT_EQ(secret.reveal(), "wJalrXUtnFEMI");
}

} // namespace

namespace {

TEST_F(Credentials, SsoProfileExchangesTheCachedTokenForRoleCredentials) {
  rg::test::ScriptedServer portal({rg::test::respond(
      200,
      R"({"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "sso", "sessionToken": "st", "expiration": 1900000000000}})",
      "application/json")});
  write("config",
        "[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
        "sso_role_name = ReadOnly\nregion = eu-west-1\n"
        "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n");
  EXPECT_FALSE(setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}}, "sso-dev").credentials->credentials())
      << "no cached token: log in first";
  fs::create_directories(dir_ / ".aws" / "sso" / "cache");
  // botocore names the cache file by the SHA-1 of the sso-session name: sha1("corp").
  const std::string cache = ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json";
  write(cache, R"({"accessToken": "old", "expiresAt": "2020-01-01T00:00:00Z"})");
  EXPECT_FALSE(setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}}, "sso-dev").credentials->credentials())
      << "an expired token";
  write(
      cache,
      R"({"startUrl": "https://corp.awsapps.com/start", "region": "eu-central-1", "accessToken": "tok-123", "expiresAt": "2030-01-01T00:00:00Z"})");
  const auto creds =
      setup({{"AWS_CONFIG_FILE", (dir_ / "config").string()}, {"AWS_ENDPOINT_URL_SSO", portal.url()}},
            "sso-dev")
          .credentials->credentials();
  ASSERT_TRUE(creds) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIASSO");
  ASSERT_TRUE(creds->expiration);
  EXPECT_EQ(creds->expiration->time_since_epoch().count(), 1'900'000'000);
  ASSERT_EQ(portal.requests().size(), 1U);
  const std::string request = portal.requests()[0];
  EXPECT_TRUE(request.starts_with("GET /federation/credentials?")) << request;
  EXPECT_NE(request.find("account_id=111122223333"), std::string::npos);
  EXPECT_NE(request.find("role_name=ReadOnly"), std::string::npos);
  EXPECT_NE(request.find("x-amz-sso_bearer_token: tok-123"), std::string::npos);
  EXPECT_EQ(request.find("Authorization"), std::string::npos) << "GetRoleCredentials is unsigned";
}

} // namespace
