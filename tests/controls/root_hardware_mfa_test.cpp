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

TEST_F(RootHardwareMfa, MatchesThePartitionOfTheSnapshot) {
  snapshot_.partition = "aws-cn";
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa({device("arn:aws-cn:iam::123456789012:mfa/r", "arn:aws-cn:iam::123456789012:root")});
  EXPECT_EQ(only("root-hardware-mfa").status, Status::kFail);
}

// Issue 12: the partition is the account's own (from its ARNs at load), not the snapshot-wide default: a
// China account's virtual root device in a snapshot that says "aws" was once read as hardware (a false PASS).
TEST_F(RootHardwareMfa, MatchesThePartitionOfTheAccountItself) {
  snapshot_.partition = "aws";
  account().partition = "aws-cn";
  set_summary({{"AccountMFAEnabled", 1}, {"AccountPasswordPresent", 1}});
  set_virtual_mfa({device("arn:aws-cn:iam::123456789012:mfa/r", "arn:aws-cn:iam::123456789012:root")});
  const auto finding = only("root-hardware-mfa");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_EQ(finding.resource, "arn:aws-cn:iam::123456789012:root");
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
