// The loader on real folders: every bad file becomes a located problem, the rest is still read.
#include "snapshot/snapshot_loader.hpp"
#include "util/fatal_error.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>

namespace rg::snapshot {
namespace {

namespace fs = std::filesystem;

class SnapshotLoader : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rg_loader_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    write("snapshot.json", R"({"collected_at": "2026-11-28T09:00:00Z", "partition": "aws"})");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& relative, const std::string& content) {
    const auto path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

  static const Problem* problem_for(const model::Snapshot& snapshot, const std::string& file) {
    for (const auto& problem : snapshot.problems) {
      if (problem.file == file) {
        return &problem;
      }
    }
    return nullptr;
  }

  fs::path dir_;
};

TEST_F(SnapshotLoader, MissingFolderIsFatal) {
  EXPECT_THROW(load_snapshot(dir_ / "nope"), FatalError);
}

TEST_F(SnapshotLoader, ReadsCollectedAtAndPartition) {
  write("snapshot.json", R"({"collected_at": "2026-11-28T09:00:00Z", "partition": "aws-us-gov"})");
  write("accounts/123456789012/iam/GetAccountSummary.json", R"({"SummaryMap": {"AccountMFAEnabled": 1}})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.collected_at);
  EXPECT_EQ(format_iso8601(*snapshot.collected_at), "2026-11-28T09:00:00Z");
  EXPECT_EQ(snapshot.partition, "aws-us-gov");
  ASSERT_EQ(snapshot.accounts.size(), 1U);
  EXPECT_EQ(*snapshot.accounts[0].account_summary->get("AccountMFAEnabled"), 1);
  EXPECT_TRUE(snapshot.problems.empty());
}

TEST_F(SnapshotLoader, TruncatedJsonNamesFileLineAndColumnAndOtherAccountsStillLoad) {
  write("accounts/111111111111/iam/GetAccountSummary.json", "{\n  \"SummaryMap\": {\n    \"AccountMFAEnab");
  write("accounts/222222222222/iam/GetAccountSummary.json", R"({"SummaryMap": {"AccountMFAEnabled": 0}})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 2U);
  const auto* problem = problem_for(snapshot, "accounts/111111111111/iam/GetAccountSummary.json");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->where.substr(0, 7), "line 3,");
  EXPECT_FALSE(snapshot.accounts[0].account_summary);
  EXPECT_TRUE(snapshot.accounts[1].account_summary);
}

TEST_F(SnapshotLoader, WrongTypesAreLocatedByJsonPath) {
  write("accounts/111111111111/iam/GetAccountSummary.json",
        R"({"SummaryMap": {"AccountMFAEnabled": "yes", "AccountAccessKeysPresent": 0}})");
  write("accounts/111111111111/iam/ListVirtualMFADevices.json",
        R"({"VirtualMFADevices": {"SerialNumber": "x"}})");
  const auto snapshot = load_snapshot(dir_);
  const auto& account = snapshot.accounts.at(0);
  ASSERT_TRUE(account.account_summary);
  EXPECT_EQ(*account.account_summary->get("AccountAccessKeysPresent"), 0);
  const auto mfa = account.account_summary->get("AccountMFAEnabled");
  ASSERT_FALSE(mfa);
  EXPECT_EQ(mfa.error().where, "$.SummaryMap.AccountMFAEnabled");
  const auto* devices = problem_for(snapshot, "accounts/111111111111/iam/ListVirtualMFADevices.json");
  ASSERT_NE(devices, nullptr);
  EXPECT_EQ(devices->where, "$.VirtualMFADevices");
  EXPECT_NE(devices->message.find("expected an array, found an object"), std::string::npos);
}

TEST_F(SnapshotLoader, BadBase64IsAnError) {
  write("accounts/111111111111/iam/GetCredentialReport.json", R"({"Content": "%%%not base64%%%"})");
  const auto snapshot = load_snapshot(dir_);
  const auto* problem = problem_for(snapshot, "accounts/111111111111/iam/GetCredentialReport.json");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->where, "$.Content");
}

TEST_F(SnapshotLoader, DecodedCsvIsAccepted) {
  write("accounts/111111111111/iam/credential-report.csv",
        "user,arn,mfa_active\n<root_account>,arn:r,true\n");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.accounts.at(0).credential_report);
  EXPECT_NE(snapshot.accounts.at(0).credential_report->root(), nullptr);
}

TEST_F(SnapshotLoader, ShortCsvRowIsCountedAsAProblem) {
  write("accounts/111111111111/iam/credential-report.csv", "user,arn,mfa_active\n<root_account>,arn:r\n");
  const auto snapshot = load_snapshot(dir_);
  const auto* problem = problem_for(snapshot, "accounts/111111111111/iam/credential-report.csv");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->where, "line 2");
}

TEST_F(SnapshotLoader, AbsentFilesAreNotProblems) {
  write("accounts/111111111111/sts/GetCallerIdentity.json", R"({"Account": "111111111111"})");
  const auto snapshot = load_snapshot(dir_);
  EXPECT_TRUE(snapshot.problems.empty());
  EXPECT_EQ(snapshot.accounts.at(0).account_summary.error().kind, ProblemKind::kAbsent);
}

TEST_F(SnapshotLoader, FolderThatIsNotAnAccountIdIsReported) {
  write("accounts/not-an-account/iam/GetAccountSummary.json", "{}");
  const auto snapshot = load_snapshot(dir_);
  EXPECT_TRUE(snapshot.accounts.empty());
  EXPECT_NE(problem_for(snapshot, "accounts/not-an-account"), nullptr);
}

TEST_F(SnapshotLoader, MissingCollectedAtLeavesNoClock) {
  fs::remove(dir_ / "snapshot.json");
  const auto snapshot = load_snapshot(dir_);
  EXPECT_FALSE(snapshot.collected_at);
}

TEST_F(SnapshotLoader, OrganizationTreeIsWalkedAndNamesAccounts) {
  write("organization/DescribeOrganization.json",
        R"({"Organization": {"Id": "o-1", "MasterAccountId": "111111111111"}})");
  write("organization/ListRoots.json", R"({"Roots": [{"Id": "r-ab12"}]})");
  write("organization/ListOrganizationalUnitsForParent/r-ab12.json",
        R"({"OrganizationalUnits": [{"Id": "ou-ab12-prod0001", "Name": "Prod"}]})");
  write("organization/ListAccountsForParent/r-ab12.json",
        R"({"Accounts": [{"Id": "111111111111", "Name": "mgmt"}]})");
  write("organization/ListAccountsForParent/ou-ab12-prod0001.json",
        R"({"Accounts": [{"Id": "222222222222", "Name": "prod"}]})");
  write("accounts/222222222222/iam/GetAccountSummary.json", R"({"SummaryMap": {}})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.organization);
  EXPECT_TRUE(snapshot.organization->is_member("222222222222"));
  EXPECT_FALSE(snapshot.organization->is_member("111111111111"));
  EXPECT_EQ(snapshot.accounts.at(0).name, "prod");
  EXPECT_EQ(snapshot.organization->find_account("222222222222")->parent_id, "ou-ab12-prod0001");
}

// A file absent because its call failed says which call failed and how (collection.json), so the UNKNOWN
// verdict names the error code and the call (issue 11).
TEST_F(SnapshotLoader, AnAbsentFileIsExplainedByTheFailedCallInTheCollectionLog) {
  write("accounts/222222222222/regions/us-east-1/cloudtrail/DescribeTrails.json", R"({"trailList": []})");
  write("collection.json", R"({"calls": [
    {"service": "logs", "operation": "DescribeMetricFilters", "account": "222222222222", "region": "us-east-1",
     "outcome": "error", "http_status": 400, "error_code": "AccessDeniedException",
     "file": "accounts/222222222222/regions/us-east-1/logs/DescribeMetricFilters.json"},
    {"service": "cloudwatch", "operation": "DescribeAlarms", "outcome": "error", "http_status": 403,
     "error_code": "\u001b]0;pwned\u0007", "file": "accounts/222222222222/regions/us-east-1/cloudwatch/DescribeAlarms.json"},
    {"service": "sts", "operation": "GetCallerIdentity", "outcome": "ok", "file": "x.json"}]})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 1U);
  ASSERT_EQ(snapshot.accounts[0].regions.size(), 1U);
  const auto& region = snapshot.accounts[0].regions[0];
  ASSERT_FALSE(region.metric_filters);
  EXPECT_EQ(region.metric_filters.error().kind, ProblemKind::kAbsent); // still "not collected", not an error
  EXPECT_EQ(region.metric_filters.error().message,
            "not collected: logs DescribeMetricFilters failed with AccessDeniedException (HTTP 400; see "
            "collection.json)");
  ASSERT_FALSE(region.alarms);
  // A value that is not an error code is never quoted.
  EXPECT_EQ(region.alarms.error().message,
            "not collected: cloudwatch DescribeAlarms failed with an error (HTTP 403; see collection.json)");
}

// A member whose role could not be assumed has no folder; it is still an account of the snapshot, each of
// its facts absent with the reason, so its verdicts are UNKNOWN rather than the account missing.
TEST_F(SnapshotLoader, AnUnreachableMemberIsAnAccountWhoseEveryFactSaysWhy) {
  write("accounts/111111111111/iam/ListVirtualMFADevices.json", R"({"VirtualMFADevices": []})");
  write("collection.json", R"({"calls": [], "organization": {"accounts_failed": [
    {"account": "333333333333", "step": "assume-role", "error_code": "AccessDenied", "message": "m"},
    {"account": "../../etc", "step": "assume-role", "error_code": "AccessDenied"},
    {"account": "222222222222", "step": "identity", "error_code": "\u001b[31m"},
    "not an entry"]}})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 3U); // sorted; the id that is not an id is never an account
  EXPECT_EQ(snapshot.accounts[0].id, "111111111111");
  EXPECT_EQ(snapshot.accounts[1].id, "222222222222");
  EXPECT_EQ(snapshot.accounts[2].id, "333333333333");
  const auto& unreachable = snapshot.accounts[2];
  ASSERT_FALSE(unreachable.account_summary);
  EXPECT_EQ(unreachable.account_summary.error().kind, ProblemKind::kAbsent);
  EXPECT_EQ(unreachable.account_summary.error().message,
            "not collected: the account could not be reached (assume-role failed with AccessDenied; see "
            "collection.json)");
  ASSERT_FALSE(unreachable.credential_report);
  EXPECT_NE(unreachable.credential_report.error().message.find("could not be reached"), std::string::npos);
  // An error code that is not one is never quoted.
  EXPECT_EQ(snapshot.accounts[1].account_summary.error().message,
            "not collected: the account could not be reached (identity failed with an error; see "
            "collection.json)");
  // A member that was reached keeps its own reasons.
  EXPECT_EQ(snapshot.accounts[0].account_summary.error().message.find("could not be reached"),
            std::string::npos);
}

TEST_F(SnapshotLoader, ACollectionLogThatIsNotOneIsAProblem) {
  for (const char* bad : {R"({"calls": "nope"})", "{not json", "[]", "\xff\xfe"}) {
    write("collection.json", bad);
    const auto snapshot = load_snapshot(dir_);
    EXPECT_NE(problem_for(snapshot, "collection.json"), nullptr) << bad;
  }
  // Entries of the wrong shape are skipped, the rest still explain.
  write("collection.json", R"({"calls": [1, "x", null, {"outcome": "error", "file": 5},
    {"outcome": "error", "file": "accounts/222222222222/iam/GetAccountSummary.json", "service": 7}]})");
  write("accounts/222222222222/iam/ListVirtualMFADevices.json", R"({"VirtualMFADevices": []})");
  const auto snapshot = load_snapshot(dir_);
  EXPECT_EQ(problem_for(snapshot, "collection.json"), nullptr);
  // A folder where the log belongs is unreadable input, never a crash.
  fs::remove(dir_ / "collection.json");
  fs::create_directories(dir_ / "collection.json");
  EXPECT_NE(problem_for(load_snapshot(dir_), "collection.json"), nullptr);
}

// Status was retired on 2026-09-09 in favour of State; a snapshot from an older CLI has only Status.
TEST_F(SnapshotLoader, AccountStateIsReadAndTheRetiredStatusStillAccepted) {
  write("organization/DescribeOrganization.json",
        R"({"Organization": {"Id": "o-1", "MasterAccountId": "111111111111"}})");
  write("organization/ListRoots.json", R"({"Roots": [{"Id": "r-ab12"}]})");
  write("organization/ListAccountsForParent/r-ab12.json",
        R"({"Accounts": [{"Id": "111111111111", "State": "ACTIVE", "Status": "ACTIVE"},
                         {"Id": "222222222222", "State": "SUSPENDED"},
                         {"Id": "333333333333", "Status": "PENDING_CLOSURE"}]})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.organization);
  EXPECT_EQ(snapshot.organization->find_account("111111111111")->status, "ACTIVE");
  EXPECT_EQ(snapshot.organization->find_account("222222222222")->status, "SUSPENDED");
  EXPECT_EQ(snapshot.organization->find_account("333333333333")->status, "PENDING_CLOSURE");
}

TEST_F(SnapshotLoader, IdsThatAreNotIdsNeverBecomePaths) {
  // An OU id shaped like a path would make the walk read ListAccountsForParent/../../<x>.json.
  write("organization/DescribeOrganization.json",
        R"({"Organization": {"Id": "o-1", "MasterAccountId": "111111111111"}})");
  write("organization/ListRoots.json", R"({"Roots": [{"Id": "r-ab12"}, {"Id": "../../accounts"}]})");
  write("organization/ListOrganizationalUnitsForParent/r-ab12.json",
        R"({"OrganizationalUnits": [{"Id": "../../../etc/passwd", "Name": "evil"}]})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.organization);
  EXPECT_EQ(snapshot.organization->root_ids, std::vector<std::string>{"r-ab12"});
  EXPECT_TRUE(snapshot.organization->units.empty());
  size_t rejected = 0;
  for (const auto& problem : snapshot.problems) {
    rejected += problem.message.find("not an organiz") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(rejected, 2U);
}

TEST_F(SnapshotLoader, ReadsFeatureSetAndTheScpPolicyTypeOfEachRoot) {
  write("organization/DescribeOrganization.json",
        R"({"Organization": {"Id": "o-1", "MasterAccountId": "111111111111", "FeatureSet": "ALL"}})");
  write("organization/ListRoots.json", R"({"Roots": [
      {"Id": "r-ab12", "PolicyTypes": [{"Type": "TAG_POLICY", "Status": "ENABLED"},
                                       {"Type": "SERVICE_CONTROL_POLICY", "Status": "PENDING_DISABLE"}]},
      {"Id": "r-cd34", "PolicyTypes": []},
      {"Id": "r-ef56"}]})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.organization);
  EXPECT_EQ(snapshot.organization->feature_set, "ALL");
  const std::map<std::string, std::string> expected{{"r-ab12", "PENDING_DISABLE"}, {"r-cd34", ""}};
  EXPECT_EQ(snapshot.organization->scp_type_status, expected);
}

// Issue 12: each account's partition comes from its own ARNs, the caller identity first.
TEST_F(SnapshotLoader, EachAccountTakesThePartitionOfItsOwnArns) {
  write(
      "accounts/111111111111/sts/GetCallerIdentity.json",
      R"({"UserId": "AIDA", "Account": "111111111111", "Arn": "arn:aws-cn:sts::111111111111:assumed-role/r/s"})");
  write("accounts/222222222222/iam/ListVirtualMFADevices.json",
        R"({"VirtualMFADevices": [{"SerialNumber": "arn:aws-us-gov:iam::222222222222:mfa/root"}]})");
  write("accounts/333333333333/sts/GetCallerIdentity.json",
        R"({"UserId": "AIDA", "Account": "333333333333", "Arn": "arn:aws$(x):sts::333333333333:user/u"})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 3U);
  EXPECT_EQ(snapshot.accounts[0].partition, "aws-cn");
  EXPECT_EQ(snapshot.accounts[1].partition, "aws-us-gov");
  EXPECT_EQ(snapshot.accounts[2].partition, ""); // not a partition name: the snapshot's default applies
}

// Issue 10: unreadable is not absent. A file where the regions/ folder belongs, a folder where a
// response file belongs and a symlink loop are each a named, counted problem, never "not collected".
TEST_F(SnapshotLoader, UnreadableShapesAreProblemsNeverAbsence) {
  write("accounts/111111111111/regions", "a file where a folder belongs");
  fs::create_directories(dir_ / "accounts/111111111111/iam/GetAccountSummary.json");
  fs::create_directories(dir_ / "accounts/111111111111/sts");
  fs::create_symlink(dir_ / "accounts/111111111111/sts/b.json",
                     dir_ / "accounts/111111111111/sts/GetCallerIdentity.json");
  fs::create_symlink(dir_ / "accounts/111111111111/sts/GetCallerIdentity.json",
                     dir_ / "accounts/111111111111/sts/b.json");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 1U);
  const auto& account = snapshot.accounts.front();
  ASSERT_TRUE(account.regions_problem);
  for (const auto* file :
       {"accounts/111111111111/regions/", "accounts/111111111111/iam/GetAccountSummary.json",
        "accounts/111111111111/sts/GetCallerIdentity.json"}) {
    const auto* problem = problem_for(snapshot, file);
    ASSERT_NE(problem, nullptr) << file;
    EXPECT_EQ(problem->kind, ProblemKind::kUnreadable) << file;
  }
}

// Issue 9/10: a region folder's name reaches findings and generated commands; one that is not a region
// name is never read, and says so.
TEST_F(SnapshotLoader, RegionFoldersThatAreNotRegionNamesAreInvalid) {
  write("accounts/111111111111/regions/us-east-1/guardduty/ListDetectors.json", R"({"DetectorIds": []})");
  write("accounts/111111111111/regions/us-east-1$(touch pwned)/guardduty/ListDetectors.json",
        R"({"DetectorIds": []})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 1U);
  ASSERT_EQ(snapshot.accounts[0].regions.size(), 1U);
  EXPECT_EQ(snapshot.accounts[0].regions[0].name, "us-east-1");
  const auto* problem = problem_for(snapshot, "accounts/111111111111/regions/us-east-1$(touch pwned)");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->kind, ProblemKind::kInvalid);
}

TEST_F(SnapshotLoader, ALinkToASecretOutsideIsNeverQuoted) {
  const auto secret = fs::temp_directory_path() / "rg_loader_secret_credentials";
  std::ofstream(secret) << "[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG";
  fs::create_directories(dir_ / "accounts/111111111111/iam");
  fs::create_symlink(secret, dir_ / "accounts/111111111111/iam/GetAccountSummary.json");
  const auto snapshot = load_snapshot(dir_);
  fs::remove(secret);
  const auto* problem = problem_for(snapshot, "accounts/111111111111/iam/GetAccountSummary.json");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->kind, ProblemKind::kUnreadable);
  for (const auto& each : snapshot.problems) {
    EXPECT_EQ(each.describe().find("wJalr"), std::string::npos) << each.describe();
    EXPECT_EQ(each.describe().find("aws_secret"), std::string::npos) << each.describe();
  }
}

// A parse error quotes the token being read; a long one (here a 4 KB string cut off) is shortened so an
// error never carries more than a glimpse of the file.
TEST_F(SnapshotLoader, ParseErrorsQuoteOnlyAShortExcerpt) {
  write("accounts/111111111111/iam/GetAccountSummary.json",
        R"({"SummaryMap": {"AccountAccessKeysPresent": ")" + std::string(4096, 'k') + "\x01");
  const auto snapshot = load_snapshot(dir_);
  const auto* problem = problem_for(snapshot, "accounts/111111111111/iam/GetAccountSummary.json");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->kind, ProblemKind::kUnreadable);
  EXPECT_NE(problem->message.find("last read: '\"kkkk"), std::string::npos) << problem->message;
  EXPECT_LT(problem->message.size(), 200U) << problem->message;
}

// Issue 10: 18446744073709551615 once read as -1 and PASSed root-access-keys; 1e300 was an undefined cast.
TEST_F(SnapshotLoader, CountsOutOfTheirDomainAreUnreadable) {
  write("accounts/111111111111/iam/GetAccountSummary.json",
        R"({"SummaryMap": {"AccountAccessKeysPresent": 18446744073709551615, "AccountMFAEnabled": -1,
            "Users": 1e300, "Groups": 1.5, "Roles": 3, "Policies": 4.0}})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_EQ(snapshot.accounts.size(), 1U);
  const auto& summary = *snapshot.accounts[0].account_summary;
  for (const auto* key : {"AccountAccessKeysPresent", "AccountMFAEnabled", "Users", "Groups"}) {
    EXPECT_EQ(summary.values.count(key), 0U) << key;
    ASSERT_EQ(summary.invalid.count(key), 1U) << key;
    EXPECT_EQ(summary.invalid.at(key).kind, ProblemKind::kUnreadable) << key;
  }
  EXPECT_EQ(summary.values.at("Roles"), 3);
  EXPECT_EQ(summary.values.at("Policies"), 4);
}

TEST_F(SnapshotLoader, RegionalResponsesAreRead) {
  const std::string r = "accounts/111111111111/regions/eu-west-1/";
  write(r + "cloudtrail/DescribeTrails.json",
        R"({"trailList": [{"Name": "t", "IsMultiRegionTrail": true, "HomeRegion": "eu-west-1",
            "CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-1:111111111111:log-group:g:*"}]})");
  write(r + "cloudtrail/GetTrailStatus/t.json", R"({"IsLogging": false})");
  write(r + "cloudtrail/GetEventSelectors/t.json",
        R"({"TrailARN": "x", "AdvancedEventSelectors": [{"FieldSelectors": [
            {"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "Equals": ["false"]}]}]})");
  write(r + "cloudwatch/DescribeAlarms.json",
        R"({"MetricAlarms": [{"AlarmName": "a", "MetricName": "m", "Namespace": "n", "Threshold": 1,
            "ComparisonOperator": "GreaterThanOrEqualToThreshold", "AlarmActions": ["arn:aws:sns:eu-west-1:1:t"]}]})");
  write(r + "sns/ListSubscriptionsByTopic/t.json",
        R"({"Subscriptions": [{"SubscriptionArn": "PendingConfirmation"}]})");
  write(r + "guardduty/ListDetectors.json", R"({"DetectorIds": ["d1"]})");
  write(r + "guardduty/GetDetector/d1.json", R"({"Status": "ENABLED"})");
  const auto snapshot = load_snapshot(dir_);
  ASSERT_TRUE(snapshot.problems.empty()) << snapshot.problems.front().describe();
  const auto* region = snapshot.accounts.at(0).find_region("eu-west-1");
  ASSERT_NE(region, nullptr);
  ASSERT_TRUE(region->trails);
  EXPECT_TRUE(region->trails->at(0).multi_region);
  EXPECT_FALSE(region->trail_status.at("t")->is_logging);
  EXPECT_FALSE(region->event_selectors.at("t")->management_read); // write-only advanced selector
  EXPECT_TRUE(region->event_selectors.at("t")->management_write);
  EXPECT_EQ(region->alarms->at(0).threshold, 1.0);
  EXPECT_EQ(region->subscriptions.at("t")->at(0).arn, "PendingConfirmation");
  EXPECT_EQ(region->detectors.at("d1")->status, "ENABLED");
  EXPECT_FALSE(region->metric_filters); // not collected
  EXPECT_EQ(region->metric_filters.error().kind, ProblemKind::kAbsent);
}

} // namespace
} // namespace rg::snapshot
