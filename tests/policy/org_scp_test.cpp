#include "policy/org_scp.hpp"
#include "policy_fixtures.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace rg::policy {
namespace {

model::OrganizationPolicy scp(const std::string& id, const std::string& content,
                              std::vector<std::string> targets) {
  model::OrganizationPolicy policy;
  policy.id = id;
  policy.name = id;
  policy.content = content;
  std::vector<model::PolicyTarget> list;
  for (auto& t : targets) {
    list.push_back({t, "", ""});
  }
  policy.targets = std::move(list);
  return policy;
}

// r-root -> ou-prod -> ou-prod-web -> 222; r-root -> 333; management 111.
model::Organization tree() {
  model::Organization org;
  org.id = "o-test";
  org.management_account_id = "111111111111";
  org.root_ids = {"r-root"};
  org.units = {{"ou-prod", "Prod", "r-root"}, {"ou-web", "Web", "ou-prod"}};
  org.accounts = {{"111111111111", "Management", "ACTIVE", "r-root"},
                  {"222222222222", "Web", "ACTIVE", "ou-web"},
                  {"333333333333", "Sandbox", "ACTIVE", "r-root"}};
  org.scps_collected = true;
  org.rcps_collected = true; // none: what the SCPs leave stays open (rcp_test.cpp has the RCP cases)
  return org;
}

const std::vector<std::string> kEveryLevel{"r-root",       "ou-prod",      "ou-web",
                                           "111111111111", "222222222222", "333333333333"};

TEST(OrgScp, DenyOnAnAncestorOuApplies) {
  auto org = tree();
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel),
                                  scp("p-deny", fixtures::kGoodScp, {"ou-prod"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* web = find_verdict(analysis, "222222222222");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->status, AccountScpStatus::kDenied);
  ASSERT_EQ(web->denying.size(), 1u);
  EXPECT_EQ(web->denying[0].policy_id, "p-deny");
  EXPECT_EQ(web->denying[0].target_id, "ou-prod");
  EXPECT_EQ(web->denying[0].statements, std::vector<std::string>{"DenyRootUser"});
  ASSERT_EQ(web->path.size(), 4u);
  EXPECT_EQ(web->path[0].target_id, "r-root");
  EXPECT_EQ(web->path[3].target_id, "222222222222");
  EXPECT_NE(web->reason.en.find("p-deny"), std::string::npos);

  const auto* sandbox = find_verdict(analysis, "333333333333");
  EXPECT_EQ(sandbox->status, AccountScpStatus::kOpen);
  EXPECT_FALSE(sandbox->reason.ja.empty());
}

TEST(OrgScp, ManagementAccountIsNeverAffected) {
  auto org = tree();
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel),
                                  scp("p-deny", fixtures::kGoodScp, {"r-root", "111111111111"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  EXPECT_EQ(find_verdict(analysis, "111111111111")->status, AccountScpStatus::kManagement);
  EXPECT_EQ(find_verdict(analysis, "333333333333")->status, AccountScpStatus::kDenied);
}

TEST(OrgScp, MissingAllowAtOneLevelIsAnImplicitDeny) {
  auto org = tree();
  // FullAWSAccess replaced at ou-web by an allow-list: root may only use s3 there.
  const std::string s3_only =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})";
  org.service_control_policies = {
      scp("p-full", fixtures::kFullAwsAccess, {"r-root", "ou-prod", "222222222222"}),
      scp("p-s3", s3_only, {"ou-web"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* web = find_verdict(analysis, "222222222222");
  EXPECT_EQ(web->status, AccountScpStatus::kPartial);
  // Exactly what the allow-list leaves, not a sample of it.
  EXPECT_EQ(web->open_actions, std::vector<std::string>{"s3:*"});
  EXPECT_EQ(web->denied_actions, std::vector<std::string>{"*"});
  EXPECT_EQ(web->levels_without_allow, std::vector<std::string>{"ou-web"});
}

TEST(OrgScp, LevelWithoutAnyScpIsMissingDataNotADeny) {
  auto org = tree();
  // ou-web shows no SCP: AWS never allows that while SCPs are enabled, so the data is incomplete.
  // Read as an implicit deny it would PASS every account below it.
  org.service_control_policies = {
      scp("p-full", fixtures::kFullAwsAccess, {"r-root", "ou-prod", "222222222222"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* web = find_verdict(analysis, "222222222222");
  EXPECT_EQ(web->status, AccountScpStatus::kUnknown);
  EXPECT_NE(web->reason.en.find("no SCP attached to ou-web"), std::string::npos) << web->reason.en;
  EXPECT_TRUE(web->levels_without_allow.empty());
}

TEST(OrgScp, NotResourceExemptionOnThePathIsPartial) {
  auto org = tree();
  const std::string deny_but_breakglass = R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyRoot",
    "Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::breakglass-*",
    "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})";
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel),
                                  scp("p-deny", deny_but_breakglass, {"r-root"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* web = find_verdict(analysis, "222222222222");
  EXPECT_EQ(web->status, AccountScpStatus::kPartial);
  EXPECT_EQ(web->open_actions, std::vector<std::string>{"* on arn:aws:s3:::breakglass-*"});
}

TEST(OrgScp, ConditionalAllowIsNeverAnImplicitDeny) {
  auto org = tree();
  // Only a region-conditioned allow at ou-web: it may allow, so root is not "denied" there.
  const std::string regional =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",
    "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]})";
  org.service_control_policies = {
      scp("p-full", fixtures::kFullAwsAccess, {"r-root", "ou-prod", "222222222222"}),
      scp("p-regional", regional, {"ou-web"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  EXPECT_EQ(find_verdict(analysis, "222222222222")->status, AccountScpStatus::kOpen);
}

TEST(OrgScp, ConditionalDenyIsNamedButNotCounted) {
  auto org = tree();
  const std::string mfa = R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyRootWithoutMfa","Effect":"Deny",
    "Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},
    "BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]})";
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel),
                                  scp("p-mfa", mfa, {"r-root"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* sandbox = find_verdict(analysis, "333333333333");
  EXPECT_EQ(sandbox->status, AccountScpStatus::kOpen);
  EXPECT_EQ(sandbox->conditional_denies, std::vector<std::string>{"p-mfa (p-mfa) DenyRootWithoutMfa"});
  EXPECT_NE(sandbox->reason.en.find("Conditional denies not counted"), std::string::npos);
}

TEST(OrgScp, PartialDenyNamesTheActions) {
  auto org = tree();
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel),
                                  scp("p-keys", fixtures::kDenyRootAccessKeys, {"r-root"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* sandbox = find_verdict(analysis, "333333333333");
  EXPECT_EQ(sandbox->status, AccountScpStatus::kPartial);
  EXPECT_EQ(sandbox->denied_actions, std::vector<std::string>{"iam:CreateAccessKey"});
  EXPECT_NE(sandbox->reason.en.find("iam:CreateAccessKey"), std::string::npos);
}

TEST(OrgScp, InvalidScpDeniesNothingAndIsListed) {
  auto org = tree();
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel),
                                  scp("p-seed", fixtures::kSeedScp, {"r-root"})};
  const auto analysis = analyze_organization_scps(org, "aws");
  const auto* sandbox = find_verdict(analysis, "333333333333");
  EXPECT_EQ(sandbox->status, AccountScpStatus::kOpen);
  ASSERT_EQ(sandbox->invalid_policies.size(), 1u);
  EXPECT_EQ(sandbox->invalid_policies[0]->policy->id, "p-seed");
  EXPECT_FALSE(analysis.policies[1].check.valid);
}

TEST(OrgScp, UncollectedContentMakesItUnknownUnlessDeniedAnyway) {
  auto org = tree();
  auto unknown = scp("p-unknown", "", {"ou-web"});
  unknown.content.reset();
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel), unknown};
  auto analysis = analyze_organization_scps(org, "aws");
  EXPECT_EQ(find_verdict(analysis, "222222222222")->status, AccountScpStatus::kUnknown);
  EXPECT_EQ(find_verdict(analysis, "333333333333")->status, AccountScpStatus::kOpen);
  org.service_control_policies.push_back(scp("p-deny", fixtures::kGoodScp, {"r-root"}));
  analysis = analyze_organization_scps(org, "aws");
  EXPECT_EQ(find_verdict(analysis, "222222222222")->status, AccountScpStatus::kDenied);
}

TEST(OrgScp, BrokenPathIsUnknownNotACrash) {
  auto org = tree();
  org.units.push_back({"ou-loop-a", "A", "ou-loop-b"});
  org.units.push_back({"ou-loop-b", "B", "ou-loop-a"});
  org.accounts.push_back({"444444444444", "Loop", "ACTIVE", "ou-loop-a"});
  org.accounts.push_back({"555555555555", "Orphan", "ACTIVE", "ou-gone"});
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, kEveryLevel)};
  const auto analysis = analyze_organization_scps(org, "aws");
  EXPECT_EQ(find_verdict(analysis, "444444444444")->status, AccountScpStatus::kUnknown);
  EXPECT_EQ(find_verdict(analysis, "555555555555")->status, AccountScpStatus::kUnknown);
}

} // namespace
} // namespace rg::policy

namespace rg::policy {
namespace {

// 200 accounts under one OU, FullAWSAccess attached to each (as AWS does) and a root deny on the OU: one
// path, analysed once, and every verdict the same as the one-account analysis gives.
TEST(ScpAnalyzer, AccountsOnOnePathAreAnalysedOnceWithTheSameVerdict) {
  auto org = tree();
  std::vector<std::string> every = kEveryLevel;
  for (int i = 0; i < 200; ++i) {
    const std::string id = std::to_string(900000000000LL + i);
    org.accounts.push_back({id, "member", "ACTIVE", "ou-web"});
    every.push_back(id);
  }
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, every),
                                  scp("p-deny", fixtures::kGoodScp, {"ou-prod"})};
  const ScpAnalyzer analyzer(org);
  for (const auto& account : org.accounts) {
    if (account.parent_id != "ou-web") {
      continue;
    }
    const auto verdict = analyzer.verdict(account.id, "aws");
    EXPECT_EQ(verdict.status, AccountScpStatus::kDenied) << account.id;
    ASSERT_FALSE(verdict.path.empty());
    EXPECT_EQ(verdict.path.back().target_id, account.id); // the remembered analysis, this account's path
    const auto alone = analyze_account_scps(org, analyzer.checks(), account.id, "aws");
    EXPECT_EQ(verdict.reason.en, alone.reason.en);
    EXPECT_EQ(verdict.open_actions, alone.open_actions);
  }
  EXPECT_EQ(analyzer.analyses(), 1U);
  // Another path (the sandbox account under the root): a second analysis.
  EXPECT_EQ(analyzer.verdict("333333333333", "aws").status, AccountScpStatus::kOpen);
  EXPECT_EQ(analyzer.analyses(), 2U);
}

// A Deny whose condition reads the account's own id decides differently per account: never shared.
TEST(ScpAnalyzer, APolicyThatReadsTheAccountIdIsAnalysedPerAccount) {
  auto org = tree();
  org.accounts.push_back({"444444444444", "Other web", "ACTIVE", "ou-web"});
  std::vector<std::string> every = kEveryLevel;
  every.emplace_back("444444444444");
  const std::string deny_one = R"({"Version": "2012-10-17", "Statement": [{"Sid": "DenyRootOf222",
    "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {
      "StringLike": {"aws:PrincipalArn": "arn:*:iam::*:root"},
      "StringEquals": {"aws:PrincipalAccount": "222222222222"}}}]})";
  org.service_control_policies = {scp("p-full", fixtures::kFullAwsAccess, every),
                                  scp("p-deny-222", deny_one, {"ou-web"})};
  const ScpAnalyzer analyzer(org);
  EXPECT_EQ(analyzer.verdict("222222222222", "aws").status, AccountScpStatus::kDenied);
  EXPECT_EQ(analyzer.verdict("444444444444", "aws").status, AccountScpStatus::kOpen);
  EXPECT_EQ(analyzer.analyses(), 2U);
}

} // namespace
} // namespace rg::policy
