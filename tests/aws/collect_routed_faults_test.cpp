// `collect` then `scan` through the faults of a real run, answered by request rather than in order:
// account:ListRegions denied (the EC2 DescribeRegions fallback names the regions), a region that denies
// everything (as an SCP region deny does), a call whose connection is dropped every time, and an expired
// session token. The run finishes, the call log counts each, and every verdict that needed a missing
// answer is UNKNOWN with the call and the error code in its reason, never PASS and never absent.
#include "aws/client.hpp"
#include "aws/curl_transport.hpp"
#include "collect/collector.hpp"
#include "pipeline/run_scan.hpp"
#include "scripted_server.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using rg::test::respond;
using rg::test::ScriptedAction;

const std::string kAccount = "111122223333";

std::string xml_answer(const std::string& operation, const std::string& result) {
  return fmt::format("<{0}Response><{0}Result>{1}</{0}Result></{0}Response>", operation, result);
}

// What the request asks, from the signed request's text: the query Action, the JSON target or the
// rest-json path; and its region, from the SigV4 credential scope.
struct Asked {
  std::string operation;
  std::string region;
};

Asked asked(const std::string& request) {
  Asked out;
  std::smatch match;
  static const std::regex kScope("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");
  static const std::regex kAction("Action=([A-Za-z]+)");
  static const std::regex kTarget("x-amz-target: *[A-Za-z0-9_.]*\\.([A-Za-z]+)\r", std::regex::icase);
  static const std::regex kPath("^[A-Z]+ (/[^ ?]*)");
  if (std::regex_search(request, match, kScope)) {
    out.region = match[1];
  }
  // rest-json is known by its path ("/listRegions", "/detector").
  if (std::regex_search(request, match, kAction) || std::regex_search(request, match, kTarget) ||
      std::regex_search(request, match, kPath)) {
    out.operation = match[1];
  }
  return out;
}

ScriptedAction route(const std::string& request) {
  const Asked a = asked(request);
  if (a.region == "ap-south-2") {
    // An SCP that denies every action outside the allowed regions: each call AccessDenied.
    if (a.operation.starts_with('/')) {
      return respond(
          403, R"({"__type":"AccessDeniedException","message":"explicit deny in a service control policy"})",
          "application/json");
    }
    if (!a.operation.empty() && request.find("x-amz-target") == std::string::npos &&
        request.find("X-Amz-Target") == std::string::npos) {
      return respond(403,
                     "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>explicit "
                     "deny in a service control policy</Message></Error></ErrorResponse>");
    }
    return respond(
        400, R"({"__type":"AccessDeniedException","message":"explicit deny in a service control policy"})",
        "application/x-amz-json-1.1");
  }
  if (a.operation == "GetCallerIdentity") {
    return respond(200,
                   xml_answer("GetCallerIdentity",
                              fmt::format("<Account>{0}</Account><Arn>arn:aws:iam::{0}:user/auditor</Arn>"
                                          "<UserId>AIDA</UserId>",
                                          kAccount)));
  }
  if (a.operation == "GenerateCredentialReport") {
    return respond(200, xml_answer("GenerateCredentialReport", "<State>COMPLETE</State>"));
  }
  if (a.operation == "GetAccountSummary" || a.operation == "ListVirtualMFADevices" ||
      a.operation == "GetCredentialReport") {
    // The session's token expired between calls: no retry can help, and none is made.
    return respond(403,
                   "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The "
                   "security token included in the request is expired</Message></Error></ErrorResponse>");
  }
  if (a.operation == "/listRegions") {
    return respond(
        403,
        R"({"__type":"AccessDeniedException","message":"not authorized to perform account:ListRegions"})",
        "application/json");
  }
  if (a.operation == "DescribeRegions") {
    return respond(
        200, "<DescribeRegionsResponse><regionInfo>"
             "<item><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item>"
             "<item><regionName>ap-south-2</regionName><optInStatus>opted-in</optInStatus></item>"
             "</regionInfo></DescribeRegionsResponse>");
  }
  if (a.operation == "DescribeAlarms") {
    return rg::test::drop_connection();
  }
  if (a.operation == "DescribeTrails") {
    return respond(200, R"({"trailList":[]})", "application/x-amz-json-1.1");
  }
  if (a.operation == "DescribeMetricFilters") {
    return respond(200, R"({"metricFilters":[]})", "application/x-amz-json-1.1");
  }
  if (a.operation == "ListTopics") {
    return respond(200, xml_answer("ListTopics", "<Topics/>"));
  }
  if (a.operation == "/detector") {
    return respond(200, R"({"detectorIds":[]})", "application/json");
  }
  if (a.operation == "DescribeOrganization") {
    return respond(400,
                   R"({"__type":"AWSOrganizationsNotInUseException","message":"not in an organization"})",
                   "application/x-amz-json-1.1");
  }
  return respond(400, fmt::format("<ErrorResponse><Error><Code>Unscripted</Code><Message>{}</Message></Error>"
                                  "</ErrorResponse>",
                                  a.operation));
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

const rg::Finding* finding(const rg::report::Report& report, std::string_view rule, std::string_view region) {
  for (const auto& f : report.findings) {
    if (f.rule->id == rule && (region.empty() || f.region == region)) {
      return &f;
    }
  }
  return nullptr;
}

TEST(CollectRoutedFaults, EachFaultIsCountedAndItsVerdictsAreUnknownWithTheReason) {
  rg::test::ScriptedServer server(route);
  const fs::path out = fs::temp_directory_path() / fmt::format("rg-collect-routed-{}", ::getpid());
  fs::remove_all(out);
  const auto env = rg::aws::fixed_environment({{"AWS_ENDPOINT_URL", server.url()}});
  rg::aws::ClientOptions options;
  options.region = "us-east-1";
  options.env = env;
  options.sleep = [](std::chrono::milliseconds) {};
  rg::aws::Credentials creds;
  creds.access_key_id = "AKIDTEST";
  creds.secret_access_key = rg::aws::Secret("test-secret");
  rg::aws::AwsClient client(options, std::make_shared<rg::aws::StaticCredentialsProvider>(creds),
                            std::make_shared<rg::aws::CurlTransport>(env),
                            std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{}, 7));
  rg::collect::CollectOptions collect;
  collect.output = out;
  const auto summary = rg::collect::collect_account(client, collect); // regions: not given

  ASSERT_EQ(summary.account, kAccount);
  const auto log = read_json(out / "collection.json");
  std::map<std::string, std::vector<nlohmann::json>> calls;
  for (const auto& call : log["calls"]) {
    calls[call.value("operation", "")].push_back(call);
  }
  // Regions: ListRegions denied, DescribeRegions answered; both regions collected.
  ASSERT_EQ(calls["ListRegions"].size(), 1U);
  EXPECT_EQ(calls["ListRegions"][0]["error_code"], "AccessDeniedException");
  ASSERT_EQ(calls["DescribeRegions"].size(), 1U);
  EXPECT_EQ(calls["DescribeRegions"][0]["outcome"], "ok");
  EXPECT_TRUE(fs::exists(out / "accounts" / kAccount / "regions/us-east-1/cloudtrail/DescribeTrails.json"));
  // The denying region: every call logged as denied, no file written for it.
  int denied = 0;
  for (const auto& [operation, list] : calls) {
    for (const auto& call : list) {
      if (call.value("region", "") == "ap-south-2") {
        EXPECT_EQ(call["outcome"], "error") << operation;
        EXPECT_TRUE(call["error_code"].get<std::string>().starts_with("AccessDenied")) << operation;
        ++denied;
      }
    }
  }
  EXPECT_GE(denied, 5);
  EXPECT_FALSE(fs::exists(out / "accounts" / kAccount / "regions/ap-south-2/cloudtrail/DescribeTrails.json"));
  // The dropped connection: retried (transient), then given up, logged; no alarms file.
  ASSERT_FALSE(calls["DescribeAlarms"].empty());
  const auto& alarms = calls["DescribeAlarms"][0];
  EXPECT_EQ(alarms["outcome"], "error");
  EXPECT_EQ(alarms["attempts"], 3);
  EXPECT_FALSE(fs::exists(out / "accounts" / kAccount / "regions/us-east-1/cloudwatch/DescribeAlarms.json"));
  // The expired token: not retried (a retry cannot renew it).
  ASSERT_EQ(calls["GetAccountSummary"].size(), 1U);
  EXPECT_EQ(calls["GetAccountSummary"][0]["error_code"], "ExpiredToken");
  EXPECT_EQ(calls["GetAccountSummary"][0]["attempts"], 1);
  EXPECT_EQ(log["error_count"], summary.errors);
  EXPECT_GE(summary.errors, denied + 5);

  // The scan of what was collected: nothing missing is read as a PASS, and each reason names the call.
  rg::pipeline::ScanRequest request;
  request.snapshot = out;
  const auto report = rg::pipeline::run_scan(request);
  const auto* mfa = finding(report, "root-mfa", "");
  ASSERT_NE(mfa, nullptr);
  EXPECT_EQ(mfa->status, rg::Status::kUnknown);
  EXPECT_NE(mfa->reason.en.find("ExpiredToken"), std::string::npos) << mfa->reason.en;
  const auto* alarm = finding(report, "root-usage-alarm", "");
  ASSERT_NE(alarm, nullptr);
  // No trail listed in us-east-1 proves there is no multi-region trail, the only kind that counts: a FAIL
  // that says a region's answer is missing and why that does not change it.
  EXPECT_EQ(alarm->status, rg::Status::kFail) << alarm->reason.en;
  EXPECT_NE(alarm->reason.en.find("not collected in 1 other region;"), std::string::npos) << alarm->reason.en;
  const auto* guardduty = finding(report, "guardduty-enabled", "ap-south-2");
  ASSERT_NE(guardduty, nullptr) << "the denying region vanished from the report";
  EXPECT_EQ(guardduty->status, rg::Status::kUnknown);
  EXPECT_NE(guardduty->reason.en.find("AccessDenied"), std::string::npos) << guardduty->reason.en;
  for (const auto& f : report.findings) {
    if (f.region == "ap-south-2") {
      EXPECT_NE(f.status, rg::Status::kPass) << f.rule->id << ": " << f.reason.en;
    }
  }
  fs::remove_all(out);
}

} // namespace
