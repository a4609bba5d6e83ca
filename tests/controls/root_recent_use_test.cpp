#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

// Snapshot clock: 2026-11-28T09:00:00Z, window 90 days unless a test changes it.
using RootRecentUse = ControlTest;

TEST_F(RootRecentUse, RecentPasswordUseFailsAndQuotesTheDate) {
  set_root_report({{"password_last_used", "2026-11-25T01:12:00+00:00"}});
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("password_last_used = 2026-11-25T01:12:00Z"), std::string::npos)
      << finding.reason.en;
  EXPECT_NE(finding.reason.en.find("3 days"), std::string::npos) << finding.reason.en;
}

// Peer bug 1 (only the first date is read): the password is old, the second key is recent.
TEST_F(RootRecentUse, EveryDateCountsNotOnlyTheFirst) {
  set_root_report({{"password_last_used", "2024-01-01T00:00:00+00:00"},
                   {"access_key_1_last_used_date", "2024-02-01T00:00:00+00:00"},
                   {"access_key_2_last_used_date", "2026-11-20T00:00:00+00:00"}});
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("access_key_2_last_used_date = 2026-11-20"), std::string::npos);
}

// Peer bug 2 (string comparison): "no_information" sorts after every date and must not win.
TEST_F(RootRecentUse, SentinelsNeverHideARealDate) {
  set_root_report({{"password_last_used", "no_information"},
                   {"access_key_1_last_used_date", "2026-10-29T06:30:00+00:00"}});
  EXPECT_EQ(only("root-recent-use").status, Status::kFail);
  set_root_report({{"password_last_used", "no_information"},
                   {"access_key_1_last_used_date", "2025-01-01T00:00:00+00:00"}});
  const auto old = only("root-recent-use");
  EXPECT_EQ(old.status, Status::kPass);
  EXPECT_NE(old.reason.en.find("access_key_1_last_used_date = 2025-01-01T00:00:00Z"), std::string::npos);
}

// Peer bug 3 (inverted comparison): a key used yesterday fails, a key used long ago passes.
TEST_F(RootRecentUse, ComparisonIsNotInverted) {
  set_root_report({{"access_key_1_last_used_date", "2026-11-27T09:00:00+00:00"}});
  EXPECT_EQ(only("root-recent-use").status, Status::kFail);
  set_root_report({{"access_key_1_last_used_date", "2023-11-27T09:00:00+00:00"}});
  EXPECT_EQ(only("root-recent-use").status, Status::kPass);
}

TEST_F(RootRecentUse, NeverUsedPasses) {
  set_root_report({{"password_last_used", "N/A"}});
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("no recorded use"), std::string::npos);
}

TEST_F(RootRecentUse, WindowFollowsTheOption) {
  set_root_report({{"password_last_used", "2026-10-29T09:00:00+00:00"}}); // 30 days before the clock
  options_.root_usage_days = 10;
  EXPECT_EQ(only("root-recent-use").status, Status::kPass);
  options_.root_usage_days = 30; // the window's first instant is inside it
  EXPECT_EQ(only("root-recent-use").status, Status::kFail);
}

TEST_F(RootRecentUse, AsOfOverridesTheClock) {
  set_root_report({{"password_last_used", "2026-11-25T00:00:00+00:00"}});
  options_.as_of = parse_iso8601("2027-06-01T00:00:00Z");
  EXPECT_EQ(only("root-recent-use").status, Status::kPass);
}

TEST_F(RootRecentUse, GarbageDateIsUnknownNotPass) {
  set_root_report({{"password_last_used", "yesterday"}});
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("yesterday"), std::string::npos);
}

TEST_F(RootRecentUse, RecentDateWinsOverAGarbageOne) {
  set_root_report(
      {{"password_last_used", "yesterday"}, {"access_key_1_last_used_date", "2026-11-27T00:00:00+00:00"}});
  EXPECT_EQ(only("root-recent-use").status, Status::kFail);
}

TEST_F(RootRecentUse, MissingColumnIsUnknown) {
  set_report("user,arn,password_last_used\n<root_account>,arn:aws:iam::123456789012:root,N/A\n");
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("access_key_1_last_used_date (column absent)"), std::string::npos);
}

TEST_F(RootRecentUse, MissingRootRowIsUnknown) {
  set_report("user,arn,password_last_used\nalice,arn:aws:iam::123456789012:user/alice,N/A\n");
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("<root_account>"), std::string::npos);
}

TEST_F(RootRecentUse, MissingReportIsUnknown) {
  account();
  EXPECT_EQ(only("root-recent-use").status, Status::kUnknown);
}

TEST_F(RootRecentUse, StaleReportIsNoted) {
  set_report(root_report_csv("123456789012", {{"password_last_used", "2025-01-01T00:00:00+00:00"}}),
             "123456789012", "2026-11-27T09:00:00Z");
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("more than 4 hours before the snapshot"), std::string::npos);
}

TEST_F(RootRecentUse, NoClockIsUnknown) {
  set_root_report({{"password_last_used", "2026-11-25T00:00:00+00:00"}});
  options_.as_of.reset();
  EXPECT_EQ(only("root-recent-use").status, Status::kUnknown);
}

TEST_F(RootRecentUse, CloudTrailUseFailsEvenWhenTheReportSawNothing) {
  set_root_report({{"password_last_used", "N/A"}});
  model::TrailEvidence trail;
  trail.files = 4;
  trail.last_use["123456789012"] = {*parse_iso8601("2026-11-27T22:05:00Z"), "CreateAccessKey", "e-1",
                                    "203.0.113.9", false};
  options_.trail = &trail;
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kFail);
  for (const char* part :
       {"CreateAccessKey", "2026-11-27T22:05:00Z", "203.0.113.9", "e-1", "no recorded use"}) {
    EXPECT_NE(finding.reason.en.find(part), std::string::npos) << part << ": " << finding.reason.en;
  }
}

TEST_F(RootRecentUse, OldCloudTrailUseIsQuotedButPasses) {
  set_root_report({{"password_last_used", "2025-01-01T00:00:00+00:00"}});
  model::TrailEvidence trail;
  trail.last_use["123456789012"] = {*parse_iso8601("2025-01-01T00:00:05Z"), "ConsoleLogin", "e-2",
                                    "198.51.100.1", false};
  options_.trail = &trail;
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("ConsoleLogin at 2025-01-01T00:00:05Z from 198.51.100.1"),
            std::string::npos);
}

TEST_F(RootRecentUse, CloudTrailWithoutRootUseSaysSo) {
  set_root_report({{"password_last_used", "N/A"}});
  model::TrailEvidence trail;
  trail.files = 12;
  options_.trail = &trail;
  const auto finding = only("root-recent-use");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("CloudTrail (12 files read) shows no root use"), std::string::npos);
}

} // namespace
} // namespace rg::controls::testing
