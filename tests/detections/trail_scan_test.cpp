#include "detections/account_activity.hpp"
#include "detections/trail_scan.hpp"
#include "trail/trail_fixtures.hpp"

#include <gtest/gtest.h>
#include <optional>
#include <span>

namespace rg::detections {
namespace {

using trail::testing::gzip;
using trail::testing::layout_path;
using trail::testing::record;
using trail::testing::records_document;
using trail::testing::RecordSpec;
using trail::testing::TempDir;
using trail::testing::write_bytes;

RecordSpec root(std::string id, std::string name, std::string time) {
  RecordSpec r;
  r.event_id = std::move(id);
  r.event_name = std::move(name);
  r.event_time = std::move(time);
  r.user_type = "Root";
  r.event_source = "iam.amazonaws.com";
  return r;
}

std::vector<std::string_view> listed(std::span<const std::string_view> ids) {
  return {ids.begin(), ids.end()};
}

std::optional<trail::MatchedEvent> find(const trail::TrailScanResult& result, std::string_view id) {
  for (const auto e : result.events) {
    if (e.event_id == id) {
      return e;
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> ids(std::initializer_list<std::string_view> list) {
  return list;
}

class TrailScanTest : public ::testing::Test {
protected:
  void SetUp() override {
    RecordSpec login = root("login", "ConsoleLogin", "2026-11-20T09:00:00Z");
    login.event_source = "signin.amazonaws.com";
    login.event_type = "AwsConsoleSignIn";
    login.source_ip = "203.0.113.9";
    login.extra =
        R"("responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com","MobileVersion":"No","MFAUsed":"No"})";
    RecordSpec console_key = root("console-key", "CreateAccessKey", "2026-11-20T09:05:00Z");
    console_key.invoked_by = "signin.amazonaws.com";
    console_key.source_ip = "203.0.113.9";
    console_key.extra =
        R"("requestParameters":null,"responseElements":{"accessKey":{"accessKeyId":"AKIAEXAMPLE","status":"Active"}})";
    RecordSpec service = root("service", "CreateStack", "2026-11-20T09:10:00Z");
    service.invoked_by = "cloudformation.amazonaws.com";
    RecordSpec service_event = root("service-event", "SharedEvent", "2026-11-20T09:11:00Z");
    service_event.event_type = "AwsServiceEvent";
    RecordSpec assume;
    assume.event_id = "assume";
    assume.event_name = "AssumeRoot";
    assume.event_source = "sts.amazonaws.com";
    assume.event_time = "2026-11-21T08:00:00Z";
    assume.user_type = "AssumedRole";
    assume.extra =
        R"("requestParameters":{"targetPrincipal":"222233334444","taskPolicyArn":{"arn":"arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials"}})";
    RecordSpec in_session = root("in-session", "DeleteLoginProfile", "2026-11-21T08:01:00Z");
    in_session.account = "222233334444";
    in_session.source_ip = "192.0.2.1";
    in_session.extra = R"("userIdentityExtra":1)";
    std::string session_record = record(in_session);
    // sessionContext lives inside userIdentity: splice it in.
    session_record.replace(
        session_record.find(R"("accountId":"222233334444")"), 26,
        R"("accountId":"222233334444","sessionContext":{"attributes":{"mfaAuthenticated":"false"},"assumedRoot":"true"})");
    write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/20", "a.json.gz"),
                gzip(records_document({record(login), record(console_key), record(service),
                                       record(service_event), record(RecordSpec{})})));
    write_bytes(layout_path(dir_.path(), "111122223333", "us-east-1", "2026/11/21", "b.json.gz"),
                gzip(records_document({record(assume)})));
    write_bytes(layout_path(dir_.path(), "222233334444", "us-east-1", "2026/11/21", "c.json.gz"),
                gzip(records_document({session_record})));
  }
  trail::TrailScanOptions options() const {
    trail::TrailScanOptions o;
    o.paths = {dir_.path()};
    return o;
  }
  TempDir dir_{"trail_scan"};
};

TEST_F(TrailScanTest, EachEventOnceWithEveryDetectionThatMatched) {
  const trail::TrailScanResult result = scan_trail(options());
  EXPECT_EQ(result.summary.events, 7u);
  ASSERT_EQ(result.events.size(), 4u);
  const auto login = find(result, "login");
  ASSERT_TRUE(login.has_value());
  EXPECT_EQ(listed(login->detections),
            ids({"root-activity-cis", "root-console-signin-success", "root-console-signin-without-mfa"}));
  EXPECT_EQ(login->mfa_used, "No");
  EXPECT_EQ(login->console_login, "Success");
  const auto key = find(result, "console-key");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(listed(key->detections), ids({"root-access-key-created", "root-console-action-cis-blind-spot"}));
  EXPECT_EQ(key->invoked_by, "signin.amazonaws.com");
  EXPECT_FALSE(find(result, "service").has_value());
  EXPECT_FALSE(find(result, "service-event").has_value());
  const auto assume = find(result, "assume");
  ASSERT_TRUE(assume.has_value());
  EXPECT_EQ(listed(assume->detections), ids({"root-session-started"}));
  EXPECT_EQ(assume->task_policy_arn, "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials");
  EXPECT_EQ(assume->target_principal, "222233334444");
  const auto inside = find(result, "in-session");
  ASSERT_TRUE(inside.has_value());
  EXPECT_TRUE(inside->assumed_root);
  EXPECT_EQ(listed(inside->detections),
            ids({"root-activity-cis", "root-password-changed", "root-session-action"}));
}

TEST_F(TrailScanTest, PerAccountSummaryAndMostRecentRootUse) {
  const trail::TrailScanResult result = scan_trail(options());
  const auto accounts = summarize_accounts(result);
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0].account_id, "111122223333");
  EXPECT_EQ(accounts[0].events, 3u);
  EXPECT_EQ(accounts[0].by_detection.at("root-activity-cis"), 1u);
  EXPECT_EQ(accounts[0].source_ips.at("203.0.113.9"), 2u);
  ASSERT_TRUE(accounts[0].last_use);
  EXPECT_EQ(format_iso8601(*accounts[0].last_use), "2026-11-20T09:05:00Z"); // AssumeRoot is not root use
  EXPECT_EQ(accounts[0].recent.front().event_id, "assume");
  const auto uses = most_recent_root_use(result);
  ASSERT_EQ(uses.size(), 2u);
  EXPECT_EQ(uses[0].account_id, "111122223333");
  EXPECT_EQ(uses[0].event_name, "CreateAccessKey");
  EXPECT_EQ(uses[0].source_ip, "203.0.113.9");
  EXPECT_EQ(uses[1].account_id, "222233334444");
  EXPECT_TRUE(uses[1].assumed_root);
}

// Issue 10: a root event whose eventTime is not a time is neither the first use (1970) nor the latest.
TEST(TrailScanUnknownTime, IsNoFirstOrLastUse) {
  const std::filesystem::path file =
      std::filesystem::path(RG_SOURCE_DIR) / "tests/corpus/trail-damage/unparseable-event-time.json";
  trail::TrailScanOptions options;
  options.paths = {file};
  const trail::TrailScanResult result = scan_trail(options);
  ASSERT_EQ(result.events.size(), 3u);
  const auto accounts = summarize_accounts(result);
  ASSERT_EQ(accounts.size(), 1u);
  ASSERT_TRUE(accounts[0].first_use);
  EXPECT_EQ(format_iso8601(*accounts[0].first_use), "2026-11-20T10:00:00Z");
  EXPECT_EQ(format_iso8601(*accounts[0].last_use), "2026-11-20T10:00:00Z");
  const auto uses = most_recent_root_use(result);
  ASSERT_EQ(uses.size(), 1u);
  EXPECT_EQ(uses[0].event_id, "t-1");
}

} // namespace
} // namespace rg::detections
