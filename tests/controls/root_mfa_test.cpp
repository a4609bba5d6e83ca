#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

using RootMfa = ControlTest;

TEST_F(RootMfa, PassesWithMfa) {
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  EXPECT_EQ(only("root-mfa").status, Status::kPass);
}

TEST_F(RootMfa, FailsWithoutMfaWhenAPasswordExists) {
  set_summary({{"AccountMFAEnabled", 0},
               {"AccountPasswordPresent", 1},
               {"AccountAccessKeysPresent", 0},
               {"AccountSigningCertificatesPresent", 0}});
  const auto finding = only("root-mfa");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("password"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.ja.find("パスワード"), std::string::npos) << finding.reason.ja;
}

// Decision 0028. AWS GovCloud (US) User Guide, "AWS Identity and Access Management": "You cannot enable an
// MFA device for your AWS GovCloud (US) account root user" and the root user cannot sign in to the GovCloud
// console. A FAIL telling to assign an MFA device could not be carried out: NOT_APPLICABLE, with the reason.
TEST_F(RootMfa, DoesNotApplyInGovCloud) {
  account().partition = "aws-us-gov";
  set_summary({{"AccountMFAEnabled", 0}, {"AccountPasswordPresent", 1}});
  const auto finding = only("root-mfa");
  EXPECT_EQ(finding.status, Status::kNotApplicable);
  EXPECT_EQ(finding.resource, "arn:aws-us-gov:iam::123456789012:root");
  EXPECT_NE(finding.reason.en.find("AWS GovCloud (US) User Guide"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.ja.find("ルートユーザーには MFA デバイスを有効にできず"), std::string::npos)
      << finding.reason.ja;
}

// Nothing needs reading to know it: without any IAM data the verdict is still NOT_APPLICABLE, not UNKNOWN.
TEST_F(RootMfa, DoesNotApplyInGovCloudEvenWithoutData) {
  snapshot_.partition = "aws-us-gov";
  account();
  EXPECT_EQ(only("root-mfa").status, Status::kNotApplicable);
}

// China Regions support virtual MFA (Getting Started with Amazon Web Services in China, IAM): root-mfa still
// applies there and fails without MFA.
TEST_F(RootMfa, StillAppliesInChina) {
  account().partition = "aws-cn";
  set_summary({{"AccountMFAEnabled", 0}, {"AccountPasswordPresent", 1}});
  EXPECT_EQ(only("root-mfa").status, Status::kFail);
}

TEST_F(RootMfa, PassesWhenRootHasNoCredentialsAtAll) {
  set_summary({{"AccountMFAEnabled", 0},
               {"AccountPasswordPresent", 0},
               {"AccountAccessKeysPresent", 0},
               {"AccountSigningCertificatesPresent", 0}});
  const auto finding = only("root-mfa");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("no password, access keys or signing certificates"), std::string::npos);
}

TEST_F(RootMfa, NoCredentialsFromTheReportAlone) {
  set_root_report({{"password_enabled", "false"}});
  EXPECT_EQ(only("root-mfa").status, Status::kPass);
}

TEST_F(RootMfa, ReportNotSupportedPasswordIsNotTakenAsAbsent) {
  // password_enabled reads not_supported for root: without the summary we cannot say root has no password,
  // so the report alone FAILs mfa_active=false as the CIS audit procedure does, and says why.
  set_root_report({{"password_enabled", "not_supported"}, {"mfa_active", "false"}});
  const auto finding = only("root-mfa");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("CIS audit procedure"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.ja.find("CIS の監査手順"), std::string::npos) << finding.reason.ja;
}

TEST_F(RootMfa, WithTheSummaryTheReportNoteIsNotNeeded) {
  // The live summary says there is no password: a root without credentials PASSes (Security Hub IAM.9).
  set_summary({{"AccountMFAEnabled", 0},
               {"AccountPasswordPresent", 0},
               {"AccountAccessKeysPresent", 0},
               {"AccountSigningCertificatesPresent", 0}});
  set_root_report({{"password_enabled", "not_supported"}, {"mfa_active", "false"}});
  EXPECT_EQ(only("root-mfa").status, Status::kPass);
}

TEST_F(RootMfa, ReportBooleanInAnyCase) {
  set_root_report({{"mfa_active", "True"}});
  EXPECT_EQ(only("root-mfa").status, Status::kPass);
}

TEST_F(RootMfa, UnknownWhenNothingWasCollected) {
  account();
  EXPECT_EQ(only("root-mfa").status, Status::kUnknown);
}

} // namespace
} // namespace rg::controls::testing
