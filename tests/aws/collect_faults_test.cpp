// `collect` through faults from a scripted local server: a throttled call and an HTTP 500 are retried
// and then succeed, a credential report that stays in progress is given up after the bounded wait (its
// file absent, the error logged), calls that keep failing stop after three attempts, and the run still
// writes snapshot.json and a collection.json that says all of it.
#include "aws/client.hpp"
#include "aws/curl_transport.hpp"
#include "collect/collector.hpp"
#include "scripted_server.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using rg::test::respond;

const std::string kThrottled =
    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate "
    "exceeded</Message></Error></ErrorResponse>";
const std::string kInternal =
    "<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code></Error></ErrorResponse>";
const std::string kInProgress =
    "<ErrorResponse><Error><Type>Sender</Type><Code>ReportInProgress</Code><Message>"
    "Report generation in progress</Message></Error></ErrorResponse>";
const std::string kIdentity =
    "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account>"
    "<Arn>arn:aws:iam::111122223333:user/auditor</Arn><UserId>AIDA</UserId>"
    "</GetCallerIdentityResult></GetCallerIdentityResponse>";
const std::string kGenerated =
    "<GenerateCredentialReportResponse><GenerateCredentialReportResult><State>STARTED"
    "</State></GenerateCredentialReportResult></GenerateCredentialReportResponse>";

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// The first GetCallerIdentity is throttled and the first GenerateCredentialReport fails with HTTP 500
// (both retried); the report stays in progress; every other call fails with HTTP 500.
rg::test::ScriptedAction route(const std::string& request) {
  static std::atomic<int> identity = 0;
  static std::atomic<int> generate = 0;
  if (request.find("Action=GetCallerIdentity") != std::string::npos) {
    return identity++ == 0 ? respond(400, kThrottled) : respond(200, kIdentity);
  }
  if (request.find("Action=GenerateCredentialReport") != std::string::npos) {
    return generate++ == 0 ? respond(500, kInternal) : respond(200, kGenerated);
  }
  if (request.find("Action=GetCredentialReport") != std::string::npos) {
    return respond(410, kInProgress);
  }
  return respond(500, kInternal);
}

TEST(CollectFaults, RetriedThenBoundedThenLoggedAndTheRunGoesOn) {
  // The report is asked for first and fetched last: polled at about 0 s, 2 s and 4 s after the region
  // calls (instant here), the third past the 3 s wait and the last.
  rg::test::ScriptedServer server(route);
  const fs::path out = fs::temp_directory_path() / fmt::format("rg-collect-faults-{}", ::getpid());
  fs::remove_all(out);
  const auto env = rg::aws::fixed_environment({{"AWS_ENDPOINT_URL", server.url()}});
  rg::aws::ClientOptions options;
  options.region = "us-east-1";
  options.env = env;
  options.sleep = [](std::chrono::milliseconds) {}; // retry delays skipped; the report's wait is real
  rg::aws::Credentials creds;
  creds.access_key_id = "AKIDTEST";
  creds.secret_access_key = rg::aws::Secret("test-secret");
  rg::aws::AwsClient client(options, std::make_shared<rg::aws::StaticCredentialsProvider>(creds),
                            std::make_shared<rg::aws::CurlTransport>(env),
                            std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{}, 7));
  rg::collect::CollectOptions collect;
  collect.output = out;
  collect.regions = {"us-east-1"};
  collect.credential_report_wait = std::chrono::seconds(3);
  const auto started = std::chrono::steady_clock::now();
  const auto summary = rg::collect::collect_account(client, collect);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, std::chrono::seconds(15)) << "the credential report wait is not bounded";

  EXPECT_EQ(summary.account, "111122223333");
  const auto log = read_json(out / "collection.json");
  std::map<std::string, nlohmann::json> by_operation;
  for (const auto& call : log["calls"]) {
    by_operation.emplace(call["operation"].get<std::string>(), call); // the first of each
  }
  const auto& identity = by_operation.at("GetCallerIdentity");
  EXPECT_EQ(identity["outcome"], "ok");
  EXPECT_EQ(identity["attempts"], 2);
  EXPECT_EQ(identity["throttled"], 1);
  const auto& generated = by_operation.at("GenerateCredentialReport");
  EXPECT_EQ(generated["outcome"], "ok");
  EXPECT_EQ(generated["retries"], 1);
  const auto& report = by_operation.at("GetCredentialReport");
  EXPECT_EQ(report["outcome"], "error");
  EXPECT_EQ(report["error_code"], "ReportInProgress");
  EXPECT_FALSE(fs::exists(out / "accounts/111122223333/iam/GetCredentialReport.json"));
  EXPECT_TRUE(fs::exists(out / "accounts/111122223333/sts/GetCallerIdentity.json"));
  // Everything after the script: HTTP 500 each time, given up after the standard three attempts.
  const auto& summary_call = by_operation.at("GetAccountSummary");
  EXPECT_EQ(summary_call["outcome"], "error");
  EXPECT_EQ(summary_call["attempts"], 3);
  EXPECT_EQ(summary_call["http_status"], 500);
  EXPECT_EQ(log["error_count"], summary.errors);
  EXPECT_GE(summary.errors, 9);
  EXPECT_TRUE(fs::exists(out / "snapshot.json"));
  // Three report polls, then the rest: the report was not polled past its wait.
  int polls = 0;
  for (const auto& request : server.requests()) {
    polls += request.find("Action=GetCredentialReport") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(polls, 3);
  fs::remove_all(out);
}

} // namespace
