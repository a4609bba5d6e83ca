#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

class GuardDuty : public ControlTest {
protected:
  model::Region& add_region(const std::string& name) {
    model::Region region;
    region.name = name;
    account().regions.push_back(region);
    return account().regions.back();
  }
};

TEST_F(GuardDuty, EnabledDetectorPasses) {
  auto& region = add_region("us-east-1");
  region.detector_ids = std::vector<std::string>{"abc"};
  region.detectors.emplace("abc", model::Detector{"abc", "ENABLED"});
  const auto finding = only("guardduty-enabled");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_EQ(finding.resource, "arn:aws:guardduty:us-east-1:123456789012:detector/abc");
}

TEST_F(GuardDuty, OneFindingPerRegion) {
  add_region("eu-west-1").detector_ids = std::vector<std::string>{};
  auto& on = add_region("us-east-1");
  on.detector_ids = std::vector<std::string>{"abc"};
  on.detectors.emplace("abc", model::Detector{"abc", "DISABLED"});
  const auto findings = evaluate("guardduty-enabled");
  ASSERT_EQ(findings.size(), 2U);
  EXPECT_EQ(findings[0].status, Status::kFail);
  EXPECT_EQ(findings[0].region, "eu-west-1");
  EXPECT_EQ(findings[1].status, Status::kFail);
  EXPECT_NE(findings[1].reason.en.find("DISABLED"), std::string::npos);
}

TEST_F(GuardDuty, ListedButNotDescribedIsUnknown) {
  add_region("us-east-1").detector_ids = std::vector<std::string>{"abc"};
  EXPECT_EQ(only("guardduty-enabled").status, Status::kUnknown);
}

TEST_F(GuardDuty, NotCollectedIsUnknown) {
  add_region("us-east-1");
  EXPECT_EQ(only("guardduty-enabled").status, Status::kUnknown);
}

model::GuardDutyFinding root_usage() {
  model::GuardDutyFinding finding;
  finding.id = "f1";
  finding.arn = "arn:aws:guardduty:us-east-1:123456789012:detector/abc/finding/f1";
  finding.type = "Policy:IAMUser/RootCredentialUsage";
  finding.severity = 2;
  finding.user_type = "Root";
  finding.api = "CreateAccessKey";
  finding.remote_ip = "203.0.113.5";
  finding.count = 3;
  finding.first_seen = "2026-11-01T00:00:00Z";
  finding.last_seen = "2026-11-02T00:00:00Z";
  return finding;
}

TEST_F(GuardDuty, RootCredentialUsageIsImportedWithItsDetails) {
  add_region("us-east-1").guardduty_findings = std::vector<model::GuardDutyFinding>{root_usage()};
  const auto finding = only("guardduty-root-findings");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_EQ(finding.rule->kind, RuleKind::kActivity);
  EXPECT_EQ(finding.resource, "arn:aws:guardduty:us-east-1:123456789012:detector/abc/finding/f1");
  for (const char* part :
       {"3 time(s)", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "CreateAccessKey", "203.0.113.5"}) {
    EXPECT_NE(finding.reason.en.find(part), std::string::npos) << part;
  }
}

TEST_F(GuardDuty, OtherTypesWithRootUserTypeCountToo) {
  auto other = root_usage();
  other.type = "CredentialAccess:IAMUser/AnomalousBehavior";
  auto unrelated = root_usage();
  unrelated.type = "Recon:IAMUser/MaliciousIPCaller";
  unrelated.user_type = "IAMUser";
  add_region("us-east-1").guardduty_findings = std::vector<model::GuardDutyFinding>{other, unrelated};
  const auto findings = evaluate("guardduty-root-findings");
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].status, Status::kFail);
}

TEST_F(GuardDuty, NoRootFindingsPasses) {
  add_region("us-east-1").guardduty_findings = std::vector<model::GuardDutyFinding>{};
  EXPECT_EQ(only("guardduty-root-findings").status, Status::kPass);
}

TEST_F(GuardDuty, TheTypeNameIsTheRealOne) {
  const auto& rule = find_control("guardduty-root-findings")->rule;
  EXPECT_EQ(rule.mappings.guardduty_type, "Policy:IAMUser/RootCredentialUsage");
  EXPECT_NE(rule.explanation.en.find("UnauthorizedAccess:RootCredentialUsage, which does not exist"),
            std::string_view::npos);
  EXPECT_NE(rule.remediation.cli.find("\"detail\":{\"type\":[\"Policy:IAMUser/RootCredentialUsage\"]}"),
            std::string_view::npos);
}

class OrgRootAccessManagement : public ControlTest {};

TEST_F(OrgRootAccessManagement, BothFeaturesPass) {
  account().organizations_features =
      model::OrganizationsFeatures{"f.json", "o-1", {"RootCredentialsManagement", "RootSessions"}};
  EXPECT_EQ(only("org-root-access-management").status, Status::kPass);
}

TEST_F(OrgRootAccessManagement, MissingFeatureFailsAndNamesIt) {
  account().organizations_features =
      model::OrganizationsFeatures{"f.json", "o-1", {"RootCredentialsManagement"}};
  const auto finding = only("org-root-access-management");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("does not have RootSessions"), std::string::npos);
}

TEST_F(OrgRootAccessManagement, ManagementWithoutTheFileIsUnknown) {
  model::Organization organization;
  organization.management_account_id = "123456789012";
  snapshot_.organization = organization;
  account();
  EXPECT_EQ(only("org-root-access-management").status, Status::kUnknown);
}

// Centralized root access needs trusted access for IAM, which needs all features (IAM User Guide,
// "Centrally manage root access for member accounts"): consolidated billing alone is a FAIL with that reason.
TEST_F(OrgRootAccessManagement, ConsolidatedBillingOnlyFailsWithTheReason) {
  model::Organization organization;
  organization.id = "o-cb";
  organization.management_account_id = "123456789012";
  organization.feature_set = "CONSOLIDATED_BILLING";
  snapshot_.organization = organization;
  account();
  const auto finding = only("org-root-access-management");
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("CONSOLIDATED_BILLING"), std::string::npos);
  EXPECT_NE(finding.reason.ja.find("一括請求"), std::string::npos);
}

// ListOrganizationsFeatures also works from the IAM delegated administrator and answers for the organization.
TEST_F(OrgRootAccessManagement, ReadFromTheDelegatedAdministratorWhenTheManagementAccountLacksIt) {
  model::Organization organization;
  organization.id = "o-1";
  organization.management_account_id = "123456789012";
  organization.accounts = {{"123456789012", "mgmt", "ACTIVE", "r"},
                           {"222222222222", "security", "ACTIVE", "r"}};
  snapshot_.organization = organization;
  account();
  account("222222222222").organizations_features =
      model::OrganizationsFeatures{"f.json", "o-1", {"RootCredentialsManagement", "RootSessions"}};
  EXPECT_EQ(only("org-root-access-management").status, Status::kPass);
  EXPECT_TRUE(evaluate("org-root-access-management", "222222222222").empty()); // reported once, on management
  account("222222222222").organizations_features =
      model::OrganizationsFeatures{"f.json", "o-other", {"RootCredentialsManagement", "RootSessions"}};
  EXPECT_EQ(only("org-root-access-management").status, Status::kUnknown); // another organization's answer
}

TEST_F(OrgRootAccessManagement, MembersAreOutOfScope) {
  model::Organization organization;
  organization.management_account_id = "111111111111";
  organization.accounts = {{"123456789012", "m", "ACTIVE", "r"}};
  snapshot_.organization = organization;
  account();
  EXPECT_TRUE(evaluate("org-root-access-management").empty());
}

} // namespace
} // namespace rg::controls::testing
