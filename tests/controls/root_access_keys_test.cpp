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

// Decision 0003 revisited (issue 12): the summary is read at collection (09:00), the report was generated an
// hour earlier; when they disagree the newer fact wins and the finding says both.
TEST_F(RootAccessKeys, TheNewerFactWinsAndTheFindingSaysBoth) {
  set_summary({{"AccountAccessKeysPresent", 0}});
  set_root_report({{"access_key_1_active", "true"}}); // generated 08:00: the key was deleted since
  auto finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kPass) << finding.reason.en;
  EXPECT_NE(finding.reason.en.find("AccountAccessKeysPresent = 0"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.en.find("access_key_1_active = true"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.ja.find("新しいほう"), std::string::npos) << finding.reason.ja;

  // A report generated after the snapshot's clock is the newer fact.
  set_report(root_report_csv("123456789012", {{"access_key_1_active", "true"}}), "123456789012",
             "2026-11-28T09:30:00Z");
  finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kFail) << finding.reason.en;

  // The other way round: the summary sees a key the (older) report does not: created since.
  set_summary({{"AccountAccessKeysPresent", 1}});
  set_root_report({{"access_key_1_active", "false"}, {"access_key_2_active", "false"}});
  finding = only("root-access-keys");
  EXPECT_EQ(finding.status, Status::kFail) << finding.reason.en;
  EXPECT_NE(finding.reason.en.find("disagree"), std::string::npos) << finding.reason.en;
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
