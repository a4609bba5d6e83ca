// What collect --org is built from: the assumed-role provider (the first AssumeRole as a logged call,
// its refusal with the error code, a refresh before the session expires, ExternalId sent), the
// thread-safe snapshot writer (one valid streamed log from many threads).
#include "aws/assumed_role_provider.hpp"
#include "aws/curl_transport.hpp"
#include "collect/account_files.hpp"
#include "collect/snapshot_writer.hpp"
#include "scripted_server.hpp"
#include "util/files.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

#include <atomic>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

constexpr std::chrono::sys_seconds kNow{std::chrono::seconds(1'800'000'000)};

std::string answer(const std::string& key, std::chrono::sys_seconds expiration) {
  return fmt::format("<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>{}</AccessKeyId>"
                     "<SecretAccessKey>s-{}</SecretAccessKey><SessionToken>t-{}</SessionToken>"
                     "<Expiration>{}</Expiration></Credentials></AssumeRoleResult>"
                     "</AssumeRoleResponse>",
                     key, key, key, rg::format_iso8601(expiration));
}

struct Fixture {
  explicit Fixture(rg::test::ScriptedServer& server) {
    env = rg::aws::fixed_environment({{"AWS_ENDPOINT_URL", server.url()}});
    options.region = "us-east-1";
    options.env = env;
    options.clock = [this] { return now.load(); };
    options.sleep = [](std::chrono::milliseconds) {};
    rg::aws::Credentials caller;
    caller.access_key_id = "AKIDCALLER";
    caller.secret_access_key = rg::aws::Secret("caller-secret");
    source = std::make_shared<rg::aws::StaticCredentialsProvider>(caller);
    request.role_arn = "arn:aws:iam::222222222222:role/rootguard-read";
    request.session_name = "rootguard-collect";
    request.external_id = "rg-ext-42";
  }

  std::unique_ptr<rg::aws::AssumedRoleProvider> provider() {
    return std::make_unique<rg::aws::AssumedRoleProvider>(
        source, request, options, std::make_shared<rg::aws::CurlTransport>(env),
        std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{}, 42));
  }

  rg::aws::Environment env;
  rg::aws::ClientOptions options;
  std::shared_ptr<rg::aws::CredentialsProvider> source;
  rg::aws::AssumeRoleRequest request;
  std::atomic<std::chrono::sys_seconds> now = kNow;
};

TEST(AssumedRole, FirstAssumeIsACallThenTheSessionIsServedAndRefreshedBeforeItExpires) {
  rg::test::ScriptedServer sts({rg::test::respond(200, answer("ASIAFIRST", kNow + std::chrono::minutes(15))),
                                rg::test::respond(200, answer("ASIASECOND", kNow + std::chrono::hours(1)))});
  Fixture f(sts);
  auto role = f.provider();
  const auto first = role->assume();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.record.operation, "AssumeRole");
  EXPECT_EQ(first.record.http_status, 200);
  const auto served = role->credentials();
  ASSERT_TRUE(served);
  EXPECT_EQ(served->access_key_id, "ASIAFIRST");
  EXPECT_EQ(sts.requests().size(), 1U);    // served from the first answer
  f.now = kNow + std::chrono::minutes(11); // four minutes left: inside the five-minute margin
  const auto refreshed = role->credentials();
  ASSERT_TRUE(refreshed);
  EXPECT_EQ(refreshed->access_key_id, "ASIASECOND");
  ASSERT_EQ(sts.requests().size(), 2U);
  for (const auto& text : sts.requests()) {
    EXPECT_NE(text.find("ExternalId=rg-ext-42"), std::string::npos);
    EXPECT_NE(text.find("RoleSessionName=rootguard-collect"), std::string::npos);
    EXPECT_NE(text.find("Credential=AKIDCALLER/"), std::string::npos); // signed with the caller's keys
  }
}

TEST(AssumedRole, RefusalKeepsItsErrorCodeAndNoCredentialsAreServed) {
  const std::string denied = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not "
                             "authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>";
  rg::test::ScriptedServer sts({rg::test::respond(403, denied), rg::test::respond(403, denied)});
  Fixture f(sts);
  auto role = f.provider();
  const auto refused = role->assume();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error->code, "AccessDenied");
  EXPECT_EQ(refused.record.http_status, 403);
  const auto served = role->credentials();
  ASSERT_FALSE(served);
  EXPECT_NE(served.error().message.find("AccessDenied"), std::string::npos);
  EXPECT_EQ(served.error().message.find("caller-secret"), std::string::npos);
}

TEST(AssumedRole, AnAnswerWithoutKeysIsAnError) {
  rg::test::ScriptedServer sts(
      {rg::test::respond(200, "<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>")});
  Fixture f(sts);
  const auto result = f.provider()->assume();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->code, "rootguard.NoCredentialsInAnswer");
  EXPECT_EQ(result.record.error_code, "rootguard.NoCredentialsInAnswer");
}

class OrgCollectFiles : public testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("rg-org-{}-{}", ::getpid(), counter_++);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  static inline int counter_ = 0;
};

TEST_F(OrgCollectFiles, WriterLogsEveryCallOfManyThreadsInOneValidCollectionJson) {
  rg::collect::SnapshotWriter writer(dir_);
  constexpr int kThreads = 8;
  constexpr int kCalls = 250;
  {
    std::vector<std::jthread> pool;
    for (int t = 0; t < kThreads; ++t) {
      pool.emplace_back([&writer, t] {
        const std::string account = fmt::format("{:012}", t);
        for (int i = 0; i < kCalls; ++i) {
          rg::aws::CallResult result;
          result.record.service = "iam";
          result.record.operation = "GetAccountSummary";
          if (i % 5 == 0) {
            result.error = rg::aws::AwsError{403, "AccessDenied", "no", ""};
            writer.record(result, account, std::nullopt);
          } else {
            result.output = nlohmann::json{{"SummaryMap", {{"n", i}}}};
            writer.record(result, account, fmt::format("accounts/{}/iam/{}.json", account, i));
          }
        }
      });
    }
  }
  writer.finish({{"account", "000000000000"}});
  std::ifstream in(dir_ / "collection.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto log = nlohmann::json::parse(text.str());
  EXPECT_EQ(log["calls"].size(), static_cast<size_t>(kThreads * kCalls));
  EXPECT_EQ(log["call_count"], kThreads * kCalls);
  EXPECT_EQ(log["error_count"], kThreads * kCalls / 5);
  EXPECT_EQ(log["account"], "000000000000");
  EXPECT_TRUE(fs::exists(dir_ / "accounts" / "000000000007" / "iam" / "249.json"));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_FALSE(entry.path().filename().string().ends_with(".tmp")) << entry.path();
  }
}

TEST_F(OrgCollectFiles, ASessionInAnotherAccountWritesNothingAndIsAnError) {
  rg::test::ScriptedServer sts({rg::test::respond(
      200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>333333333333</Account><Arn>"
           "arn:aws:sts::333333333333:assumed-role/r/s</Arn></GetCallerIdentityResult></"
           "GetCallerIdentityResponse>")});
  Fixture f(sts);
  rg::aws::AwsClient client(f.options, f.source, std::make_shared<rg::aws::CurlTransport>(f.env),
                            std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{}, 1));
  rg::collect::SnapshotWriter writer(dir_);
  const auto identity = rg::collect::read_identity(client, writer, "222222222222");
  writer.finish({});
  ASSERT_FALSE(identity.identity);
  EXPECT_EQ(identity.error->code, "rootguard.WrongAccount");
  EXPECT_FALSE(fs::exists(dir_ / "accounts"));
}

} // namespace
