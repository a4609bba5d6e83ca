// Breaks each link of the root-usage chain in turn; the finding must name the first missing one.
#include "controls/control_test_support.hpp"
#include "logs/filter_pattern.hpp"

namespace rg::controls::testing {
namespace {

constexpr const char* kAccount = "123456789012";
constexpr const char* kRegion = "us-east-1";

class RootUsageAlarm : public ControlTest {
protected:
  // A complete, healthy chain; tests then break one link.
  void SetUp() override {
    model::Region region;
    region.name = kRegion;
    model::Trail trail{"main",  "arn:aws:cloudtrail:us-east-1:123456789012:trail/main",
                       kRegion, true,
                       false,   "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/main:*"};
    region.trails = std::vector<model::Trail>{trail};
    region.trail_status.emplace("main", model::TrailStatus{true});
    region.metric_filters = std::vector<model::MetricFilter>{
        {"root", "CloudTrail/main", std::string(logs::kCisRootUsagePattern), {{"RootUsage", "CIS", "1"}}}};
    model::Alarm alarm;
    alarm.name = "root-alarm";
    alarm.metric_name = "RootUsage";
    alarm.metric_namespace = "CIS";
    alarm.statistic = "Sum";
    alarm.comparison_operator = "GreaterThanOrEqualToThreshold";
    alarm.threshold = 1;
    alarm.alarm_actions = {"arn:aws:sns:us-east-1:123456789012:alerts"};
    region.alarms = std::vector<model::Alarm>{alarm};
    region.subscriptions.emplace(
        "alerts", std::vector<model::Subscription>{
                      {"arn:aws:sns:us-east-1:123456789012:alerts:1", "email", "a@example.com"}});
    account(kAccount).regions.push_back(region);
  }

  model::Region& region() { return account(kAccount).regions.front(); }
  model::Alarm& alarm() { return region().alarms->front(); }
  Finding verdict() { return only("root-usage-alarm", kAccount); }
};

TEST_F(RootUsageAlarm, WholeChainPasses) {
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kPass) << finding.reason.en;
  EXPECT_NE(finding.reason.en.find("1 confirmed subscription"), std::string::npos);
  EXPECT_EQ(finding.resource, "arn:aws:cloudtrail:us-east-1:123456789012:trail/main");
}

TEST_F(RootUsageAlarm, NoTrail) {
  region().trails = std::vector<model::Trail>{};
  EXPECT_EQ(verdict().status, Status::kFail);
}

TEST_F(RootUsageAlarm, SingleRegionTrail) {
  region().trails->front().multi_region = false;
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("single-region"), std::string::npos);
}

TEST_F(RootUsageAlarm, NotLogging) {
  region().trail_status.at("main") = model::TrailStatus{false};
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("IsLogging = false"), std::string::npos);
}

TEST_F(RootUsageAlarm, TrailStatusNotCollectedIsUnknown) {
  region().trail_status.clear();
  EXPECT_EQ(verdict().status, Status::kUnknown);
}

TEST_F(RootUsageAlarm, WriteOnlyManagementEvents) {
  region().event_selectors.emplace("main", model::EventSelectors{false, true});
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("read management events"), std::string::npos) << finding.reason.en;
}

TEST_F(RootUsageAlarm, NoCloudWatchLogsDelivery) {
  region().trails->front().log_group_arn.clear();
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("does not deliver to CloudWatch Logs"), std::string::npos);
}

TEST_F(RootUsageAlarm, OrganizationTrailWithLogGroupElsewhereIsUnknown) {
  region().trails->front().organization_trail = true;
  region().trails->front().log_group_arn = "arn:aws:logs:us-east-1:999999999999:log-group:org:*";
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("999999999999"), std::string::npos);
  EXPECT_NE(finding.reason.en.find("NO_DATA"), std::string::npos);
}

TEST_F(RootUsageAlarm, LogGroupInAnotherAccountOfTheSnapshotIsFollowed) {
  auto moved = region();
  region().trails->front().log_group_arn = "arn:aws:logs:us-east-1:999999999999:log-group:CloudTrail/main:*";
  moved.trails = std::vector<model::Trail>{};
  moved.subscriptions.clear();
  moved.alarms->front().alarm_actions = {"arn:aws:sns:us-east-1:123456789012:alerts"};
  account("999999999999").regions.push_back(moved);
  EXPECT_EQ(verdict().status, Status::kPass);
}

TEST_F(RootUsageAlarm, NoMetricFilterOnTheGroup) {
  region().metric_filters->front().log_group_name = "some/other/group";
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("no metric filter"), std::string::npos);
}

TEST_F(RootUsageAlarm, NarrowPatternFailsWithAnExample) {
  region().metric_filters->front().pattern =
      R"({ $.userIdentity.type = "Root" && $.eventType = "AwsApiCall" })";
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("misses root events such as"), std::string::npos);
}

TEST_F(RootUsageAlarm, BroaderPatternPassesWithANote) {
  region().metric_filters->front().pattern = R"({ $.userIdentity.type = Root })";
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("broader than the CIS pattern"), std::string::npos);
}

TEST_F(RootUsageAlarm, UnparseablePatternIsUnknown) {
  region().metric_filters->front().pattern = R"({ $.userIdentity.type = %Ro+t% })";
  EXPECT_EQ(verdict().status, Status::kUnknown);
}

TEST_F(RootUsageAlarm, AlarmOnAnotherMetric) {
  alarm().metric_name = "SomethingElse";
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("no CloudWatch alarm watches CIS/RootUsage"), std::string::npos);
}

TEST_F(RootUsageAlarm, ThresholdThatNeedsTwoEvents) {
  alarm().threshold = 2;
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("does not fire on a single event"), std::string::npos);
  alarm().threshold = 0;
  alarm().comparison_operator = "GreaterThanThreshold";
  EXPECT_EQ(verdict().status, Status::kPass);
}

// CloudWatch User Guide, "Alarm evaluation" and "Configuring how CloudWatch alarms treat missing data": a
// root event is one datapoint among missing ones.
TEST_F(RootUsageAlarm, MissingDataTreatmentAndMOutOfNDecideWhetherOneEventAlarms) {
  alarm().treat_missing_data = "breaching"; // in ALARM whenever root is quiet: the event changes nothing
  auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("treats missing data as breaching"), std::string::npos)
      << finding.reason.en;

  alarm().treat_missing_data = "notBreaching";
  alarm().evaluation_periods = 3;
  alarm().datapoints_to_alarm = 2; // 2 of 3: one event is one breaching datapoint
  finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("needs 2 breaching datapoints"), std::string::npos) << finding.reason.en;

  alarm().datapoints_to_alarm.reset(); // M defaults to N = 3
  EXPECT_EQ(verdict().status, Status::kFail);
  alarm().datapoints_to_alarm = 1; // 1 of 3 fires
  EXPECT_EQ(verdict().status, Status::kPass);
  alarm().datapoints_to_alarm = 2;
  alarm().treat_missing_data = "missing"; // missing points are left out: the one datapoint decides
  EXPECT_EQ(verdict().status, Status::kPass);
}

TEST_F(RootUsageAlarm, SampleCountSeesOneWhateverTheMetricValue) {
  region().metric_filters->front().transformations.front().metric_value = "0";
  alarm().threshold = 1;
  EXPECT_EQ(verdict().status, Status::kFail); // Sum of metricValue 0 never reaches 1
  alarm().statistic = "SampleCount";
  EXPECT_EQ(verdict().status, Status::kPass); // one sample is one, whatever it weighs
}

TEST_F(RootUsageAlarm, AlarmWithoutActions) {
  alarm().alarm_actions.clear();
  EXPECT_EQ(verdict().status, Status::kFail);
  alarm().alarm_actions = {"arn:aws:sns:us-east-1:123456789012:alerts"};
  alarm().actions_enabled = false;
  EXPECT_EQ(verdict().status, Status::kFail);
}

TEST_F(RootUsageAlarm, PendingSubscriptionFails) {
  region().subscriptions.at("alerts") =
      std::vector<model::Subscription>{{"PendingConfirmation", "email", "a@b"}};
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("1 pending confirmation"), std::string::npos);
}

TEST_F(RootUsageAlarm, TopicInAnotherRegionNotCollectedIsUnknown) {
  alarm().alarm_actions = {"arn:aws:sns:eu-west-1:123456789012:alerts"};
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("eu-west-1"), std::string::npos);
}

TEST_F(RootUsageAlarm, AlarmsNotCollectedIsUnknown) {
  region().alarms = model::Region::not_collected_in("cloudwatch/DescribeAlarms.json");
  EXPECT_EQ(verdict().status, Status::kUnknown);
}

TEST_F(RootUsageAlarm, BestTrailIsReported) {
  model::Trail broken{"old", "arn:aws:cloudtrail:us-east-1:123456789012:trail/old", kRegion, false, false,
                      ""};
  region().trails->insert(region().trails->begin(), broken);
  alarm().threshold = 5; // the good trail now fails at the alarm link, further than "old" gets
  const auto finding = verdict();
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("Trail main"), std::string::npos) << finding.reason.en;
}

TEST_F(RootUsageAlarm, NoRegionsIsUnknown) {
  account(kAccount).regions.clear();
  EXPECT_EQ(verdict().status, Status::kUnknown);
}

} // namespace
} // namespace rg::controls::testing
