#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

using RootAccessKeys = ControlTest;

TEST_F(RootAccessKeys, FailsWhenSummaryCountsAKey) {
  set_summary({{"AccountAccessKeysPresent", 1}});
  set_root_report(
      {{"access_key_1_active", "true"}, {"access_key_1_last_rotated", "2021-01-01T00:00:00+00:00"}});
  const auto finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("active access key"), std::string::npos) << finding.reason.en;
  EXPECT_EQ(finding.resource, "arn:aws:iam::123456789012:root");
}

TEST_F(RootAccessKeys, PassesWhenNoKeyExists) {
  set_summary({{"AccountAccessKeysPresent", 0}});
  set_root_report({});
  const auto finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("AccountAccessKeysPresent = 0"), std::string::npos);
}

TEST_F(RootAccessKeys, SecondSlotCountsToo) {
  set_root_report(
      {{"access_key_2_active", "TRUE"}, {"access_key_2_last_rotated", "2021-01-01T00:00:00+00:00"}});
  EXPECT_EQ(only("root-access-keys").status, Status::kFail);
}

TEST_F(RootAccessKeys, InactiveKeyFailsAndSaysSo) {
  set_summary({{"AccountAccessKeysPresent", 1}});
  set_root_report(
      {{"access_key_1_active", "false"}, {"access_key_1_last_rotated", "2018-01-01T00:00:00+00:00"}});
  const auto finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("inactive"), std::string::npos) << finding.reason.en;
}

TEST_F(RootAccessKeys, ReportAloneWithInactiveRotatedKeyFails) {
  set_root_report(
      {{"access_key_1_active", "false"}, {"access_key_1_last_rotated", "2018-01-01T00:00:00+00:00"}});
  EXPECT_EQ(only("root-access-keys").status, Status::kFail);
}

TEST_F(RootAccessKeys, ActiveKeyInReportIsNeverHiddenByTheSummary) {
  set_summary({{"AccountAccessKeysPresent", 0}});
  set_root_report({{"access_key_1_active", "true"}});
  EXPECT_EQ(only("root-access-keys").status, Status::kFail);
}

TEST_F(RootAccessKeys, UnknownWithBothReasonsWhenNothingWasCollected) {
  account();
  const auto finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("GetAccountSummary.json"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.en.find("GetCredentialReport.json"), std::string::npos) << finding.reason.en;
}

TEST_F(RootAccessKeys, InvalidSummaryValueIsUnknownNotPass) {
  model::AccountSummary summary;
  summary.invalid.emplace(
      "AccountAccessKeysPresent",
      Problem{ProblemKind::kInvalid, "s.json", "$.SummaryMap.AccountAccessKeysPresent", "bad"});
  account().account_summary = summary;
  EXPECT_EQ(only("root-access-keys").status, Status::kUnknown);
}

} // namespace
} // namespace rg::controls::testing
