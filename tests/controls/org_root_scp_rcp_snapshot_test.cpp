// A small snapshot case, files as the AWS CLI prints them (tests/controls/data/rcp-org): resource control
// policies read from the organization and what they add to org-root-scp (docs/decisions/0027-rcps.md).
//   r-rc01 (SCP DenyRootExceptS3: root may only use s3:*; RCP DataPerimeter: deny unless PrincipalOrgID)
//   ├─ ou-rc01-prod0001 (RCP DenyRootOnS3: deny s3:* and iam:* to any root)
//   │   └─ 222222222222 prod   -> PASS: the RCP closes s3:*, which the SCPs leave
//   ├─ 333333333333 sandbox    -> FAIL: the perimeter lets the member's own root through
//   └─ 111111111111 management -> no finding: RCPs never affect the management account's resources
// AWS sources: AWS Organizations User Guide, "Resource control policies (RCPs)" (member accounts only,
// supported services only: iam:* in an RCP has no effect) and "RCP evaluation" (a Deny anywhere on the
// path applies; RCPFullAWSAccess on every level).
#include "controls/catalog_entries.hpp"
#include "controls/control.hpp"
#include "snapshot/snapshot_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

namespace rg::controls {
namespace {

const std::filesystem::path kCase = std::filesystem::path(RG_TEST_DATA_DIR) / "data" / "rcp-org";

std::vector<Finding> evaluate_for(const model::Snapshot& snapshot, const std::string& account_id) {
  const auto account = std::find_if(snapshot.accounts.begin(), snapshot.accounts.end(),
                                    [&](const auto& a) { return a.id == account_id; });
  EXPECT_NE(account, snapshot.accounts.end()) << account_id;
  const ScanOptions options{};
  return kOrgRootScp.evaluate(kOrgRootScp, {snapshot, *account, options});
}

std::string evidence(const Finding& finding, const std::string& name) {
  for (const auto& e : finding.evidence) {
    if (e.name == name) {
      return e.value;
    }
  }
  return "";
}

TEST(OrgRootScpRcpSnapshot, RcpsAreReadFromTheOrganization) {
  const auto snapshot = snapshot::load_snapshot(kCase);
  ASSERT_TRUE(snapshot.organization) << snapshot.organization.error().describe();
  EXPECT_TRUE(snapshot.problems.empty()) << snapshot.problems.front().describe();
  const auto& org = *snapshot.organization;
  EXPECT_TRUE(org.rcps_collected);
  ASSERT_EQ(org.resource_control_policies.size(), 3u);
  EXPECT_EQ(org.resource_control_policies[0].id, "p-RCPFullAWSAccess");
  EXPECT_TRUE(org.resource_control_policies[0].aws_managed);
  EXPECT_EQ(org.rcp_type_status.at("r-rc01"), "ENABLED");
  EXPECT_EQ(org.resource_control_policies[1].content_file,
            "organization/DescribePolicy-RESOURCE_CONTROL_POLICY/p-rcpdenyroot.json");
}

TEST(OrgRootScpRcpSnapshot, TheRcpClosesWhatTheScpsLeaveInProd) {
  const auto snapshot = snapshot::load_snapshot(kCase);
  const auto findings = evaluate_for(snapshot, "222222222222");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, Status::kPass) << findings[0].reason.en;
  EXPECT_EQ(evidence(findings[0], "rcp_closed_actions"), "s3:*");
  EXPECT_EQ(evidence(findings[0], "closing_rcp"),
            "DenyRootOnS3 (p-rcpdenyroot) attached to ou-rc01-prod0001: DenyRootS3");
  EXPECT_EQ(evidence(findings[0], "rcp_no_effect"), "DenyRootOnS3 (p-rcpdenyroot) DenyRootS3: iam:*");
}

TEST(OrgRootScpRcpSnapshot, APerimeterRcpLeavesTheSandboxRootItsS3) {
  const auto snapshot = snapshot::load_snapshot(kCase);
  const auto findings = evaluate_for(snapshot, "333333333333");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, Status::kFail);
  EXPECT_EQ(evidence(findings[0], "open_actions"), "s3:*");
  EXPECT_TRUE(evidence(findings[0], "closing_rcp").empty());
}

TEST(OrgRootScpRcpSnapshot, TheManagementAccountHasNoFinding) {
  const auto snapshot = snapshot::load_snapshot(kCase);
  EXPECT_TRUE(evaluate_for(snapshot, "111111111111").empty());
}

TEST(OrgRootScpRcpSnapshot, WithoutTheRcpFilesProdIsUnknownNeverAPass) {
  const auto copy = std::filesystem::temp_directory_path() / "rg-rcp-case-without-rcps";
  std::filesystem::remove_all(copy);
  std::filesystem::copy(kCase, copy, std::filesystem::copy_options::recursive);
  std::filesystem::remove(copy / "organization" / "ListPolicies-RESOURCE_CONTROL_POLICY.json");
  const auto snapshot = snapshot::load_snapshot(copy);
  const auto findings = evaluate_for(snapshot, "222222222222");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, Status::kUnknown) << findings[0].reason.en;
  EXPECT_NE(findings[0].reason.en.find("ListPolicies-RESOURCE_CONTROL_POLICY.json"), std::string::npos);
  std::filesystem::remove_all(copy);
}

} // namespace
} // namespace rg::controls
