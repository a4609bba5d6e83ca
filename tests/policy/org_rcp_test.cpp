// What RCPs on the organization path add to org-root-scp's verdict for a member's root user
// (docs/decisions/0027-rcps.md). AWS Organizations User Guide: "Resource control policies (RCPs)" (RCPs
// apply to resources in member accounts only, never the management account's, and only for the services
// that support them), "RCP evaluation" (RCPFullAWSAccess on every level; a Deny anywhere on the path
// applies).
#include "policy/check.hpp"
#include "policy/org_scp.hpp"
#include "policy/rcp_services.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace rg::policy {
namespace {

model::OrganizationPolicy policy(const std::string& id, const std::string& content,
                                 std::vector<std::string> targets) {
  model::OrganizationPolicy p;
  p.id = id;
  p.name = id;
  p.content = content;
  std::vector<model::PolicyTarget> list;
  for (auto& t : targets) {
    list.push_back({t, "", ""});
  }
  p.targets = std::move(list);
  return p;
}

const std::vector<std::string> kEveryLevel{"r-root", "ou-prod", "111111111111", "222222222222",
                                           "333333333333"};

constexpr const char* kFullAwsAccess =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
constexpr const char* kRcpFullAwsAccess =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]})";

// An SCP that denies root everything except `exempt` (NotAction): the gap an RCP may close.
std::string scp_denying_root_except(const std::string& exempt) {
  return R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyRoot","Effect":"Deny","NotAction":")" + exempt +
         R"(","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})";
}

std::string rcp_denying_root(const std::string& action) {
  return R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyRootHere","Effect":"Deny","Principal":"*","Action":")" +
         action + R"(","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})";
}

// The data perimeter of AWS's RCP examples: deny unless the caller is in the organization.
constexpr const char* kPerimeterRcp =
    R"({"Version":"2012-10-17","Statement":[{"Sid":"EnforceOrgIdentities","Effect":"Deny","Principal":"*",
    "Action":["s3:*","sts:*","kms:*","sqs:*","secretsmanager:*"],"Resource":"*",
    "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-test"},
                 "BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]})";

// r-root -> ou-prod -> 222; r-root -> 333; management 111. SCPs leave root s3:* (or `exempt`).
model::Organization tree(const std::string& exempt = "s3:*") {
  model::Organization org;
  org.id = "o-test";
  org.management_account_id = "111111111111";
  org.root_ids = {"r-root"};
  org.scp_type_status["r-root"] = "ENABLED";
  org.rcp_type_status["r-root"] = "ENABLED";
  org.units = {{"ou-prod", "Prod", "r-root"}};
  org.accounts = {{"111111111111", "Management", "ACTIVE", "r-root"},
                  {"222222222222", "Web", "ACTIVE", "ou-prod"},
                  {"333333333333", "Sandbox", "ACTIVE", "r-root"}};
  org.scps_collected = true;
  org.service_control_policies = {policy("p-FullAWSAccess", kFullAwsAccess, kEveryLevel),
                                  policy("p-denyroot", scp_denying_root_except(exempt), {"r-root"})};
  org.rcps_collected = true;
  org.resource_control_policies = {policy("p-RCPFullAWSAccess", kRcpFullAwsAccess, kEveryLevel)};
  return org;
}

TEST(OrgRcp, WithoutADenyingRcpTheScpGapStaysOpen) {
  const auto org = tree();
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kPartial);
  EXPECT_EQ(v.open_actions, std::vector<std::string>{"s3:*"});
  EXPECT_TRUE(v.rcp_closed_actions.empty());
}

TEST(OrgRcp, AnRcpDenyingRootClosesTheScpGap) {
  auto org = tree();
  org.resource_control_policies.push_back(policy("p-rcpdenyroot", rcp_denying_root("s3:*"), {"ou-prod"}));
  const ScpAnalyzer analyzer(org);
  const auto web = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(web.status, AccountScpStatus::kDenied) << web.reason.en;
  EXPECT_TRUE(web.open_actions.empty());
  EXPECT_EQ(web.rcp_closed_actions, std::vector<std::string>{"s3:*"});
  ASSERT_EQ(web.rcp_denying.size(), 1u);
  EXPECT_EQ(web.rcp_denying[0].policy_id, "p-rcpdenyroot");
  EXPECT_EQ(web.rcp_denying[0].target_id, "ou-prod");
  EXPECT_EQ(web.rcp_denying[0].statements, std::vector<std::string>{"DenyRootHere"});
  EXPECT_NE(web.reason.en.find("p-rcpdenyroot"), std::string::npos) << web.reason.en;
  EXPECT_NE(web.reason.ja.find("p-rcpdenyroot"), std::string::npos);
  // Attached to ou-prod only: the sandbox under the root keeps s3:*.
  const auto sandbox = analyzer.verdict("333333333333", "aws");
  EXPECT_EQ(sandbox.status, AccountScpStatus::kPartial);
  EXPECT_EQ(sandbox.open_actions, std::vector<std::string>{"s3:*"});
  EXPECT_NE(sandbox.reason.en.find("No RCP on the path denies root"), std::string::npos) << sandbox.reason.en;
}

TEST(OrgRcp, APrincipalOrgIdPerimeterDoesNotRestrictTheMembersOwnRoot) {
  // Root of 222 is in o-test and the bucket is its own: "deny unless aws:PrincipalOrgID = o-test" is false.
  auto org = tree();
  org.resource_control_policies.push_back(policy("p-perimeter", kPerimeterRcp, {"r-root"}));
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kPartial);
  EXPECT_EQ(v.open_actions, std::vector<std::string>{"s3:*"});
  EXPECT_TRUE(v.rcp_closed_actions.empty());
  EXPECT_TRUE(v.conditional_denies.empty()); // decided, not "depends on the request"
}

TEST(OrgRcp, AResourceAccountConditionOnTheOwnAccountDoesNotRestrictRoot) {
  auto org = tree();
  org.resource_control_policies.push_back(
      policy("p-ownaccount",
             R"({"Version":"2012-10-17","Statement":[{"Sid":"OnlyOwnAccount","Effect":"Deny","Principal":"*",
      "Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalAccount":"${aws:ResourceAccount}"}}}]})",
             {"r-root"}));
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.open_actions, std::vector<std::string>{"s3:*"});
  EXPECT_TRUE(v.rcp_closed_actions.empty());
}

TEST(OrgRcp, AnRcpOnAServiceWithoutRcpSupportChangesNothing) {
  auto org = tree("iam:*");
  org.resource_control_policies.push_back(policy("p-denyiam", rcp_denying_root("iam:*"), {"r-root"}));
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kPartial);
  EXPECT_EQ(v.open_actions, std::vector<std::string>{"iam:*"});
  EXPECT_TRUE(v.rcp_closed_actions.empty());
  EXPECT_EQ(v.rcp_ignored, std::vector<std::string>{"p-denyiam (p-denyiam) DenyRootHere: iam:*"});
  EXPECT_NE(v.reason.en.find("RCPs cannot close the rest"), std::string::npos) << v.reason.en;
  // And a Deny "*" reaches only the supported services: iam:* stays open.
  org.resource_control_policies.back() = policy("p-denyall", rcp_denying_root("*"), {"r-root"});
  const ScpAnalyzer again(org);
  EXPECT_EQ(again.verdict("222222222222", "aws").open_actions, std::vector<std::string>{"iam:*"});
}

TEST(OrgRcp, RcpTypeDisabledOnTheRootMeansNoRcpIsInForce) {
  auto org = tree();
  org.resource_control_policies.push_back(policy("p-rcpdenyroot", rcp_denying_root("s3:*"), {"r-root"}));
  org.rcp_type_status["r-root"] = ""; // ListRoots lists PolicyTypes without RESOURCE_CONTROL_POLICY
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kPartial);
  EXPECT_EQ(v.open_actions, std::vector<std::string>{"s3:*"});
  EXPECT_NE(v.reason.en.find("RESOURCE_CONTROL_POLICY policy type is not enabled"), std::string::npos);
  EXPECT_FALSE(v.reason.ja.empty());
}

TEST(OrgRcp, TheManagementAccountIsNeverAffected) {
  auto org = tree();
  org.resource_control_policies.push_back(policy("p-rcpdenyroot", rcp_denying_root("s3:*"), {"r-root"}));
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("111111111111", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kManagement);
  EXPECT_TRUE(v.rcp_closed_actions.empty());
}

TEST(OrgRcp, MissingRcpFilesAreUnknownWhereRcpsCouldCloseTheGapNeverAPass) {
  auto org = tree();
  org.rcps_collected = false; // no ListPolicies-RESOURCE_CONTROL_POLICY.json
  org.resource_control_policies.clear();
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kUnknown);
  EXPECT_NE(v.reason.en.find("ListPolicies-RESOURCE_CONTROL_POLICY.json"), std::string::npos) << v.reason.en;
  // Where an RCP could never close the gap (IAM), the missing files change nothing: FAIL stays FAIL.
  auto iam = tree("iam:*");
  iam.rcps_collected = false;
  iam.resource_control_policies.clear();
  const ScpAnalyzer iam_analyzer(iam);
  EXPECT_EQ(iam_analyzer.verdict("222222222222", "aws").status, AccountScpStatus::kPartial);
}

TEST(OrgRcp, AnAttachedRcpWhoseContentIsMissingIsUnknownNotAPass) {
  auto org = tree();
  auto missing = policy("p-unread", rcp_denying_root("s3:*"), {"ou-prod"});
  missing.content.reset();
  org.resource_control_policies.push_back(missing);
  const ScpAnalyzer analyzer(org);
  const auto v = analyzer.verdict("222222222222", "aws");
  EXPECT_EQ(v.status, AccountScpStatus::kUnknown);
  EXPECT_NE(v.reason.en.find("p-unread"), std::string::npos);
  // Missing targets of an RCP: the same.
  auto untargeted = tree();
  untargeted.resource_control_policies.push_back(policy("p-where", rcp_denying_root("s3:*"), {}));
  untargeted.resource_control_policies.back().targets.reset();
  const ScpAnalyzer second(untargeted);
  EXPECT_EQ(second.verdict("222222222222", "aws").status, AccountScpStatus::kUnknown);
}

TEST(OrgRcp, ARcpTypeBeingEnabledIsUnknownWhereItMatters) {
  auto org = tree();
  org.rcp_type_status["r-root"] = "PENDING_ENABLE";
  const ScpAnalyzer analyzer(org);
  EXPECT_EQ(analyzer.verdict("222222222222", "aws").status, AccountScpStatus::kUnknown);
}

TEST(OrgRcp, EachPathIsAnalysedOnceWithItsRcps) {
  auto org = tree();
  org.accounts.push_back({"444444444444", "Web2", "ACTIVE", "ou-prod"});
  org.service_control_policies[0].targets->push_back({"444444444444", "", ""});
  org.resource_control_policies[0].targets->push_back({"444444444444", "", ""});
  org.resource_control_policies.push_back(policy("p-rcpdenyroot", rcp_denying_root("s3:*"), {"ou-prod"}));
  const ScpAnalyzer analyzer(org);
  const auto first = analyzer.verdict("222222222222", "aws");
  const auto second = analyzer.verdict("444444444444", "aws");
  EXPECT_EQ(analyzer.analyses(), 1u);
  EXPECT_EQ(first.status, AccountScpStatus::kDenied);
  EXPECT_EQ(second.rcp_closed_actions, first.rcp_closed_actions);
}

TEST(RcpServices, ActionsAndResourcesOfServicesWithoutRcpSupportHaveNoEffect) {
  EXPECT_TRUE(action_reaches_rcp_service("*"));
  EXPECT_TRUE(action_reaches_rcp_service("s3:GetObject"));
  EXPECT_TRUE(action_reaches_rcp_service("S3:*"));
  EXPECT_TRUE(action_reaches_rcp_service("s*:*"));
  EXPECT_TRUE(action_reaches_rcp_service("dynamodb:PutItem"));
  EXPECT_FALSE(action_reaches_rcp_service("iam:*"));
  EXPECT_FALSE(action_reaches_rcp_service("ec2:RunInstances"));
  EXPECT_FALSE(action_reaches_rcp_service("organizations:LeaveOrganization"));
  EXPECT_TRUE(resource_reaches_rcp_service("*"));
  EXPECT_TRUE(resource_reaches_rcp_service("arn:aws:s3:::breakglass-*"));
  EXPECT_TRUE(resource_reaches_rcp_service("arn:aws:iam::*:role/breakglass"));
  EXPECT_FALSE(resource_reaches_rcp_service("arn:aws:iam::*:user/admin"));
  EXPECT_FALSE(resource_reaches_rcp_service("arn:aws:ec2:*:*:instance/*"));
}

TEST(RcpServices, PolicyCheckWarnsOnEachElementThatHasNoEffect) {
  const auto result = check_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",
      "Action":["s3:*","iam:CreateAccessKey"],"NotResource":["arn:aws:s3:::breakglass","arn:aws:ec2:*:*:instance/*"]}]})",
      PolicyType::kRcp);
  std::vector<std::string> paths;
  for (const auto& p : result.problems) {
    if (p.code == "rcp-service-not-supported") {
      EXPECT_EQ(p.severity, ProblemSeverity::kWarning);
      EXPECT_FALSE(p.message.ja.empty());
      paths.push_back(p.path);
    }
  }
  EXPECT_EQ(paths.size(), 2u);
  EXPECT_TRUE(result.valid); // legal, just useless there
  EXPECT_TRUE(std::any_of(paths.begin(), paths.end(),
                          [](const auto& p) { return p.find("Action") != std::string::npos; }));
  EXPECT_TRUE(std::any_of(paths.begin(), paths.end(),
                          [](const auto& p) { return p.find("NotResource") != std::string::npos; }));
  // An SCP is not an RCP: no such warning there.
  const auto scp = check_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]})",
      PolicyType::kScp);
  for (const auto& p : scp.problems) {
    EXPECT_NE(p.code, "rcp-service-not-supported");
  }
}

} // namespace
} // namespace rg::policy
