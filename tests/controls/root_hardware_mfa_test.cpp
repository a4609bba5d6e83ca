#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

using RootHardwareMfa = ControlTest;

model::VirtualMfaDevice device(std::string serial, std::optional<std::string> user_arn) {
  return {std::move(serial), std::move(user_arn)};
}

TEST_F(RootHardwareMfa, FailsWhenAVirtualDeviceIsAssignedToRoot) {
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa(
      {device("arn:aws:iam::123456789012:mfa/root-account-mfa-device", "arn:aws:iam::123456789012:root")});
  const auto finding = only("root-hardware-mfa");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("virtual device"), std::string::npos);
}

TEST_F(RootHardwareMfa, AnIamUserCalledRootAdminIsNotRoot) {
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa(
      {device("arn:aws:iam::123456789012:mfa/root-admin", "arn:aws:iam::123456789012:user/root-admin"),
       device("arn:aws:iam::123456789012:mfa/root", std::nullopt),
       device("arn:aws:iam::123456789012:mfa/x", "arn:aws:iam::999999999999:root")});
  EXPECT_EQ(only("root-hardware-mfa").status, Status::kPass);
}

// Decision 0028: the China Regions offer no hardware MFA ("No hardware or SMS MFA", Getting Started with
// Amazon Web Services in China, IAM), so the control does not apply there: NOT_APPLICABLE, not a FAIL whose
// remedy (register a hardware key) cannot be carried out, and never a PASS.
TEST_F(RootHardwareMfa, DoesNotApplyInTheChinaPartitionOfTheSnapshot) {
  snapshot_.partition = "aws-cn";
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa({device("arn:aws-cn:iam::123456789012:mfa/r", "arn:aws-cn:iam::123456789012:root")});
  const auto finding = only("root-hardware-mfa");
  EXPECT_EQ(finding.status, Status::kNotApplicable);
  EXPECT_NE(finding.reason.en.find("China Regions"), std::string::npos) << finding.reason.en;
  EXPECT_NE(finding.reason.ja.find("中国リージョン"), std::string::npos) << finding.reason.ja;
}

// Issue 12: the partition is the account's own (from its ARNs at load), not the snapshot-wide default: a
// China account in a snapshot that says "aws" is judged as China (once its virtual root device was read as
// hardware, a false PASS; now the control does not apply there at all).
TEST_F(RootHardwareMfa, UsesThePartitionOfTheAccountItself) {
  snapshot_.partition = "aws";
  account().partition = "aws-cn";
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa({device("arn:aws-cn:iam::123456789012:mfa/r", "arn:aws-cn:iam::123456789012:root")});
  const auto finding = only("root-hardware-mfa");
  EXPECT_EQ(finding.status, Status::kNotApplicable);
  EXPECT_EQ(finding.resource, "arn:aws-cn:iam::123456789012:root");
}

// AWS GovCloud (US) User Guide, IAM: "You cannot enable an MFA device for your AWS GovCloud (US) account
// root user." Whatever the data says (even no MFA with a password reported), NOT_APPLICABLE with that reason.
TEST_F(RootHardwareMfa, DoesNotApplyInGovCloud) {
  account().partition = "aws-us-gov";
  set_summary({{"AccountMFAEnabled", 0}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa({});
  const auto finding = only("root-hardware-mfa");
  EXPECT_EQ(finding.status, Status::kNotApplicable);
  EXPECT_EQ(finding.resource, "arn:aws-us-gov:iam::123456789012:root");
  EXPECT_NE(finding.reason.en.find("GovCloud"), std::string::npos) << finding.reason.en;
  ASSERT_FALSE(finding.evidence.empty());
  EXPECT_EQ(finding.evidence.back().value, "aws-us-gov");
}

TEST_F(RootHardwareMfa, FailsWithNoMfaAtAll) {
  set_summary({{"AccountMFAEnabled", 0}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa({});
  EXPECT_EQ(only("root-hardware-mfa").status, Status::kFail);
}

TEST_F(RootHardwareMfa, PassesWhenRootHasNoCredentials) {
  set_summary({{"AccountMFAEnabled", 0},
               {"AccountPasswordPresent", 0},
               {"AccountAccessKeysPresent", 0},
               {"AccountSigningCertificatesPresent", 0}});
  EXPECT_EQ(only("root-hardware-mfa").status, Status::kPass);
}

TEST_F(RootHardwareMfa, UnknownWithoutTheDeviceList) {
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  const auto finding = only("root-hardware-mfa");
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("ListVirtualMFADevices"), std::string::npos) << finding.reason.en;
}

} // namespace
} // namespace rg::controls::testing
