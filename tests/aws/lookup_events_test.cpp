// collect --lookup-events: LookupEvents by user name root, over the asked window, every page merged into
// the file scan and trail read, at no more than 2 requests per second (the cap CloudTrail documents).
#include "aws/client.hpp"
#include "aws/credentials_provider.hpp"
#include "aws/retry.hpp"
#include "collect/collector.hpp"
#include "collect/lookup_events.hpp"
#include "collect/snapshot_writer.hpp"
#include "detections/trail_scan.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace {

using nlohmann::json;

// Three pages of root events, chained by NextToken, as CloudTrail answers (JSON 1.1).
class LookupTransport final : public rg::aws::HttpTransport {
public:
  rg::aws::HttpResult send(const rg::aws::HttpRequest& request) override {
    bodies.push_back(json::parse(request.body));
    const std::string token = bodies.back().value("NextToken", "");
    const int page = token.empty() ? 0 : token == "t1" ? 1 : 2;
    json answer = {{"Events", json::array({event(page)})}};
    if (page < 2) {
      answer["NextToken"] = page == 0 ? "t1" : "t2";
    }
    return {rg::aws::HttpResponse{200, {}, answer.dump()}, std::nullopt};
  }
  static json event(int page) {
    const std::string id = "ev-" + std::to_string(page);
    const json cloudtrail_event = {{"eventVersion", "1.10"},
                                   {"userIdentity", {{"type", "Root"}, {"accountId", "111122223333"}}},
                                   {"eventTime", "2026-11-2" + std::to_string(page) + "T10:00:00Z"},
                                   {"eventSource", "iam.amazonaws.com"},
                                   {"eventName", "CreateAccessKey"},
                                   {"awsRegion", "us-east-1"},
                                   {"eventID", id},
                                   {"recipientAccountId", "111122223333"}};
    return {{"EventId", id},
            {"EventName", "CreateAccessKey"},
            {"EventTime", 1795000000 + page},
            {"Username", "root"},
            {"CloudTrailEvent", cloudtrail_event.dump()}};
  }
  std::vector<json> bodies;
};

class LookupEvents : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("rg_lookup_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  rg::aws::AwsClient client(std::shared_ptr<rg::aws::HttpTransport> transport) {
    rg::aws::Credentials creds;
    creds.access_key_id = "AKIDEXAMPLE";
    creds.secret_access_key = rg::aws::Secret("secret");
    rg::aws::ClientOptions options;
    options.region = "us-east-1";
    options.env = rg::aws::fixed_environment({});
    options.sleep = [this](std::chrono::milliseconds wait) { waits_.push_back(wait); };
    return {options, std::make_shared<rg::aws::StaticCredentialsProvider>(creds), std::move(transport),
            std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{})};
  }

  std::filesystem::path dir_;
  std::vector<std::chrono::milliseconds> waits_;
};

TEST_F(LookupEvents, RootByUserNameOverTheWindowEveryPageAtTwoPerSecond) {
  auto transport = std::make_shared<LookupTransport>();
  auto aws = client(transport);
  rg::collect::SnapshotWriter writer(dir_);
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1795000000}};
  ASSERT_TRUE(rg::collect::collect_root_lookup_events(aws, writer, "111122223333", "eu-west-1", 30, now));

  ASSERT_EQ(transport->bodies.size(), 3U);
  const json& first = transport->bodies[0];
  EXPECT_EQ(first["LookupAttributes"],
            json::parse(R"([{"AttributeKey": "Username", "AttributeValue": "root"}])"));
  EXPECT_EQ(first["EndTime"], 1795000000); // JSON 1.1 takes epoch seconds
  EXPECT_EQ(first["StartTime"], 1795000000 - 30 * 86400);
  EXPECT_EQ(transport->bodies[2]["NextToken"], "t2");
  // The third request waited for its slot: requests 500 ms apart at least.
  ASSERT_FALSE(waits_.empty());
  EXPECT_GE(*std::max_element(waits_.begin(), waits_.end()), std::chrono::milliseconds(900));

  std::ifstream file(dir_ / "cloudtrail/lookup-events/111122223333/eu-west-1.json");
  ASSERT_TRUE(file.good());
  const json written = json::parse(file);
  ASSERT_EQ(written["Events"].size(), 3U);
  EXPECT_EQ(written["Events"][2]["EventId"], "ev-2");
  EXPECT_FALSE(written.contains("NextToken"));
  // EventTime as the CLI prints it (ISO 8601), the CloudTrailEvent string kept as it came.
  EXPECT_TRUE(written["Events"][0]["EventTime"].is_string());
  EXPECT_EQ(json::parse(written["Events"][0]["CloudTrailEvent"].get<std::string>())["eventID"], "ev-0");

  // What scan and trail make of it: three root uses, read from the snapshot's cloudtrail/ folder.
  rg::trail::TrailScanOptions options;
  options.paths = {dir_ / "cloudtrail"};
  const auto result = rg::detections::scan_trail(options);
  EXPECT_TRUE(result.summary.errors.empty());
  ASSERT_EQ(result.events.size(), 3U);
  EXPECT_EQ(result.events[2].event_id, "ev-2");
  EXPECT_EQ(result.events[2].user_type, "Root");
}

TEST_F(LookupEvents, TheWindowIsCloudTrailsNinetyDaysAtMostAndNamesMustBeSafe) {
  auto transport = std::make_shared<LookupTransport>();
  auto aws = client(transport);
  rg::collect::SnapshotWriter writer(dir_);
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1795000000}};
  ASSERT_TRUE(rg::collect::collect_root_lookup_events(aws, writer, "111122223333", "us-east-1", 400, now));
  EXPECT_EQ(transport->bodies[0]["StartTime"], 1795000000 - 90 * 86400);
  EXPECT_FALSE(rg::collect::collect_root_lookup_events(aws, writer, "../etc", "us-east-1", 10, now));
  EXPECT_EQ(transport->bodies.size(), 3U); // nothing sent for the unsafe name
}

// A stand-in AWS that knows two calls: who the caller is (STS), and root's event history (CloudTrail);
// everything else is AccessDenied, which collect logs and goes on from.
class TwoCallAws final : public rg::aws::HttpTransport {
public:
  rg::aws::HttpResult send(const rg::aws::HttpRequest& request) override {
    const auto target = std::find_if(request.headers.begin(), request.headers.end(),
                                     [](const auto& h) { return h.first == "X-Amz-Target"; });
    if (request.body.find("Action=GetCallerIdentity") != std::string::npos) {
      return {rg::aws::HttpResponse{
                  200,
                  {{"Content-Type", "text/xml"}},
                  "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account>"
                  "<Arn>arn:aws:iam::111122223333:user/auditor</Arn><UserId>AIDA</UserId>"
                  "</GetCallerIdentityResult></GetCallerIdentityResponse>"},
              std::nullopt};
    }
    if (target != request.headers.end() && target->second.ends_with(".LookupEvents")) {
      ++lookups;
      return {
          rg::aws::HttpResponse{200, {}, json{{"Events", json::array({LookupTransport::event(0)})}}.dump()},
          std::nullopt};
    }
    if (target != request.headers.end()) {
      return {rg::aws::HttpResponse{400, {}, R"({"__type":"AccessDeniedException","message":"no"})"},
              std::nullopt};
    }
    return {rg::aws::HttpResponse{403,
                                  {{"Content-Type", "text/xml"}},
                                  "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                                  "<Message>no</Message></Error></ErrorResponse>"},
            std::nullopt};
  }
  int lookups = 0;
};

// collect --lookup-events: asked per region, written where the scan reads it; not asked, nothing sent.
TEST_F(LookupEvents, CollectAsksEveryRegionOnlyWhenAsked) {
  for (const int days : {0, 7}) {
    auto transport = std::make_shared<TwoCallAws>();
    auto aws = client(transport);
    rg::collect::CollectOptions options;
    options.output = dir_ / std::to_string(days);
    options.regions = {"us-east-1", "eu-west-1"};
    options.credential_report_wait = std::chrono::seconds(0);
    options.lookup_events_days = days;
    rg::collect::collect_account(aws, options);
    EXPECT_EQ(transport->lookups, days == 0 ? 0 : 2) << days;
    EXPECT_EQ(
        std::filesystem::exists(options.output / "cloudtrail/lookup-events/111122223333/eu-west-1.json"),
        days != 0);
  }
}

} // namespace
