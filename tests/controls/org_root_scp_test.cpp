#include "controls/control_test_support.hpp"
#include "policy/check.hpp"
#include "policy/remediation.hpp"

namespace rg::controls::testing {
namespace {

constexpr const char* kManagement = "111111111111";
constexpr const char* kProd = "222222222222";
constexpr const char* kSandbox = "333333333333";

const std::string kFullAwsAccess =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
const std::string kSeedArticleScp = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
  "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"*","Resource":"*"}]})";

class OrgRootScp : public ControlTest {
protected:
  // r-1 -> ou-prod -> 222; r-1 -> ou-sand -> 333; management 111 under r-1; FullAWSAccess everywhere.
  model::Organization& make_organization() {
    model::Organization organization;
    organization.id = "o-test";
    organization.management_account_id = kManagement;
    organization.root_ids = {"r-1"};
    organization.units = {{"ou-prod", "Prod", "r-1"}, {"ou-sand", "Sandbox", "r-1"}};
    organization.accounts = {{kManagement, "mgmt", "ACTIVE", "r-1"},
                             {kProd, "prod", "ACTIVE", "ou-prod"},
                             {kSandbox, "sandbox", "ACTIVE", "ou-sand"}};
    organization.scps_collected = true;
    snapshot_.organization = organization;
    attach("p-FullAWSAccess", "FullAWSAccess", kFullAwsAccess,
           {"r-1", "ou-prod", "ou-sand", kManagement, kProd, kSandbox});
    return *snapshot_.organization;
  }

  void attach(const std::string& id, const std::string& name, const std::string& content,
              const std::vector<std::string>& targets) {
    model::OrganizationPolicy policy;
    policy.id = id;
    policy.name = name;
    policy.content = content;
    policy.content_file = "organization/DescribePolicy/" + id + ".json";
    std::vector<model::PolicyTarget> list;
    for (const auto& target : targets) {
      list.push_back({target, "", ""});
    }
    policy.targets = list;
    snapshot_.organization->service_control_policies.push_back(policy);
  }
};

TEST_F(OrgRootScp, RootDenyOnTheOuPassesAndNamesThePolicy) {
  make_organization();
  attach("p-deny", "DenyRootUser", std::string(policy::kRootDenyScp), {"ou-prod"});
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("DenyRootUser (p-deny) attached to ou-prod"), std::string::npos);
  EXPECT_NE(finding.reason.ja.find("DenyRootUser"), std::string::npos);
  EXPECT_EQ(finding.resource, "arn:aws:iam::222222222222:root");
}

TEST_F(OrgRootScp, AccountOutsideTheDeniedOuFails) {
  make_organization();
  attach("p-deny", "DenyRootUser", std::string(policy::kRootDenyScp), {"ou-prod"});
  const auto finding = only("org-root-scp", kSandbox);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("r-1 > ou-sand > 333333333333"), std::string::npos);
}

TEST_F(OrgRootScp, SeedArticleScpIsAFailOnTheMemberAndAnInvalidPolicyFinding) {
  make_organization();
  attach("p-blog", "BlogRootDeny", kSeedArticleScp, {"r-1"});
  const auto member = only("org-root-scp", kSandbox);
  EXPECT_EQ(member.status, Status::kFail);
  EXPECT_NE(member.reason.en.find("Invalid SCP ignored: BlogRootDeny (p-blog)"), std::string::npos);
  const auto management = only("org-root-scp", kManagement);
  EXPECT_EQ(management.status, Status::kFail);
  EXPECT_EQ(management.account_id, kManagement);
  EXPECT_EQ(management.resource,
            "arn:aws:organizations::111111111111:policy/o-test/service_control_policy/p-blog");
  EXPECT_NE(management.reason.en.find("scp-principal-not-supported at $.Statement[0].Principal"),
            std::string::npos);
}

TEST_F(OrgRootScp, StringEqualsWildcardFailsWithTheReason) {
  make_organization();
  attach("p-typo", "DenyRootTypo",
         R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
           "Condition":{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})",
         {"r-1"});
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("StringEquals compares"), std::string::npos);
}

TEST_F(OrgRootScp, AccessKeyOnlyDenyIsPartialAndFails) {
  make_organization();
  attach(
      "p-keys", "DenyRootKeys",
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:CreateAccessKey","Resource":"*",
           "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})",
      {"r-1"});
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("deny root only iam:CreateAccessKey"), std::string::npos);
}

TEST_F(OrgRootScp, ManagementAccountHasNoFindingWhenEveryScpIsValid) {
  make_organization();
  attach("p-deny", "DenyRootUser", std::string(policy::kRootDenyScp), {"r-1", kManagement});
  EXPECT_TRUE(evaluate("org-root-scp", kManagement).empty());
}

// With only consolidated billing no SCP can exist (AWS Organizations User Guide, "Available features");
// ListPolicies then fails, so the verdict must not wait for SCP files: FAIL with the reason.
TEST_F(OrgRootScp, ConsolidatedBillingOnlyFailsMembersEvenWithoutScpFiles) {
  make_organization();
  snapshot_.organization->feature_set = "CONSOLIDATED_BILLING";
  snapshot_.organization->scps_collected = false;
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("CONSOLIDATED_BILLING"), std::string::npos);
  EXPECT_TRUE(evaluate("org-root-scp", kManagement).empty());
}

// Disabling the SCP policy type detaches every SCP ("Disabling a policy type"): a Deny that the
// attachment files still show protects nobody.
TEST_F(OrgRootScp, ScpTypeNotEnabledOnTheRootFailsEvenWithADenyAttached) {
  make_organization();
  attach("p-deny", "DenyRootUser", std::string(policy::kRootDenyScp), {"r-1"});
  snapshot_.organization->scp_type_status["r-1"] = "";
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("not enabled on root r-1"), std::string::npos);
  snapshot_.organization->scp_type_status["r-1"] = "PENDING_ENABLE";
  EXPECT_EQ(only("org-root-scp", kProd).status, Status::kUnknown);
  snapshot_.organization->scp_type_status["r-1"] = "ENABLED";
  EXPECT_EQ(only("org-root-scp", kProd).status, Status::kPass);
}

// aws:PrincipalOrgID and aws:PrincipalOrgPaths are known from the collected tree (IAM User Guide, "AWS
// global condition context keys"): a Deny scoped to the organization or one OU is decided, not conditional.
TEST_F(OrgRootScp, OrganizationKeysAreKnownFromTheTree) {
  make_organization();
  attach("p-org", "DenyRootInThisOrg", R"({"Version":"2012-10-17","Statement":[{"Sid":"InOrg","Effect":"Deny",
    "Action":"*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:*:iam::*:root"},
    "StringEquals":{"aws:PrincipalOrgID":"o-test"},
    "ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-test/r-1/ou-prod/*"}}}]})",
         {"r-1"});
  EXPECT_EQ(only("org-root-scp", kProd).status, Status::kPass);
  const auto sandbox = only("org-root-scp", kSandbox);
  EXPECT_EQ(sandbox.status, Status::kFail);
  // A condition on the organization is decided: it is not reported as depending on the request.
  EXPECT_EQ(sandbox.reason.en.find("conditions"), std::string::npos) << sandbox.reason.en;
}

// An SCP written for arn:aws: does not match a GovCloud root (the member's partition is its own).
TEST_F(OrgRootScp, AnAwsPartitionArnMissesAGovCloudRoot) {
  make_organization();
  attach("p-aws", "DenyRootAwsOnly", R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*",
    "Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})",
         {"r-1"});
  EXPECT_EQ(only("org-root-scp", kProd).status, Status::kPass);
  account(kProd).partition = "aws-us-gov";
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_EQ(finding.resource, "arn:aws-us-gov:iam::222222222222:root");
}

TEST_F(OrgRootScp, UnknownWhenPoliciesWereNotCollected) {
  make_organization();
  snapshot_.organization->scps_collected = false;
  snapshot_.organization->service_control_policies.clear();
  const auto finding = only("org-root-scp", kProd);
  EXPECT_EQ(finding.status, Status::kUnknown);
  EXPECT_NE(finding.reason.en.find("ListPolicies-SERVICE_CONTROL_POLICY.json"), std::string::npos);
}

TEST_F(OrgRootScp, UnknownWhenAnAttachedPolicyHasNoContent) {
  make_organization();
  attach("p-gone", "Gone", "", {"ou-prod"});
  snapshot_.organization->service_control_policies.back().content.reset();
  EXPECT_EQ(only("org-root-scp", kProd).status, Status::kUnknown);
  EXPECT_EQ(only("org-root-scp", kSandbox).status, Status::kFail);
}

TEST_F(OrgRootScp, NotApplicableWithoutAnOrganization) {
  account(kProd);
  EXPECT_TRUE(evaluate("org-root-scp", kProd).empty());
}

TEST_F(OrgRootScp, UnknownWhenTheOrganizationIsUnreadable) {
  snapshot_.organization =
      Problem{ProblemKind::kUnreadable, "organization/DescribeOrganization.json", "line 1", "invalid JSON"};
  EXPECT_EQ(only("org-root-scp", kProd).status, Status::kUnknown);
}

TEST_F(OrgRootScp, RemediationPoliciesPassTheCheckerAndDenyRootEverywhere) {
  const auto& remediation = find_control("org-root-scp")->rule.remediation;
  std::vector<std::string_view> documents = policy::embedded_documents(remediation.cli);
  const auto terraform = policy::embedded_documents(remediation.terraform);
  documents.insert(documents.end(), terraform.begin(), terraform.end());
  ASSERT_EQ(documents.size(), 2u);
  for (const auto document : documents) {
    const auto result = policy::check_policy(document, policy::PolicyType::kScp);
    EXPECT_TRUE(result.valid) << document;
    EXPECT_TRUE(result.problems.empty()) << document;
    EXPECT_EQ(result.denies_root.scope, policy::RootScope::kAll);
  }
  EXPECT_NE(remediation.terraform.find("aws_organizations_policy_attachment"), std::string_view::npos);
  EXPECT_NE(remediation.console.en.find("Root access management"), std::string_view::npos);
}

} // namespace
} // namespace rg::controls::testing
