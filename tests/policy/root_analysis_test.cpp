#include "policy/check.hpp"
#include "policy/check_report.hpp"
#include "policy_fixtures.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rg::policy {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST(DeniesRoot, SeedArticleScpDeniesNothing) {
  const auto result = check_policy(fixtures::kSeedScp, PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kNone);
  EXPECT_EQ(check_exit_code(result), 3);
}

TEST(DeniesRoot, SeedArticleIdentityPolicyDeniesNothing) {
  const auto result = check_policy(fixtures::kSeedIdentity, PolicyType::kIdentity);
  EXPECT_EQ(result.denies_root.scope, RootScope::kNone);
  EXPECT_EQ(check_exit_code(result), 3);
  // Even as an SCP (where it would apply to root) the Root value never matches.
  EXPECT_EQ(check_policy(fixtures::kSeedIdentity, PolicyType::kScp).denies_root.scope, RootScope::kNone);
}

TEST(DeniesRoot, ControlTowerShapeDeniesAllAndKeepsAssumeRoot) {
  const auto result = check_policy(fixtures::kGoodScp, PolicyType::kScp);
  EXPECT_TRUE(result.valid);
  EXPECT_EQ(result.denies_root.scope, RootScope::kAll);
  EXPECT_FALSE(result.denies_root.blocks_assumed_root);
  EXPECT_TRUE(contains(result.denies_root.statements, "DenyRootUser"));
  EXPECT_EQ(check_exit_code(result), 0);
  EXPECT_FALSE(has_code(result.problems, "root-deny-blocks-assumeroot"));
}

TEST(DeniesRoot, StringLikeAndArnLikeBothWork) {
  for (const char* op : {"StringLike", "ArnLike", "ArnEquals"}) {
    const auto result = check_policy(fixtures::root_deny(op, "arn:aws:iam::*:root"), PolicyType::kScp);
    EXPECT_EQ(result.denies_root.scope, RootScope::kAll) << op;
    EXPECT_TRUE(result.denies_root.blocks_assumed_root) << op;
    EXPECT_TRUE(has_code(result.problems, "root-deny-blocks-assumeroot")) << op;
  }
}

TEST(DeniesRoot, StringEqualsWildcardDoesNot) {
  EXPECT_EQ(check_policy(fixtures::root_deny("StringEquals", "arn:aws:iam::*:root"), PolicyType::kScp)
                .denies_root.scope,
            RootScope::kNone);
}

TEST(DeniesRoot, MalformedArnPatternDiffersBetweenOperators) {
  EXPECT_EQ(check_policy(fixtures::root_deny("StringLike", "arn:aws:iam::*root"), PolicyType::kScp)
                .denies_root.scope,
            RootScope::kAll);
  EXPECT_EQ(
      check_policy(fixtures::root_deny("ArnLike", "arn:aws:iam::*root"), PolicyType::kScp).denies_root.scope,
      RootScope::kNone);
}

TEST(DeniesRoot, PrincipalTypeAccountWorksRootDoesNot) {
  const auto make = [](const std::string& value) {
    return R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
      "Condition":{"StringEquals":{"aws:PrincipalType":")" +
           value + R"("}}}]})";
  };
  EXPECT_EQ(check_policy(make("Root"), PolicyType::kScp).denies_root.scope, RootScope::kNone);
  EXPECT_EQ(check_policy(make("Account"), PolicyType::kScp).denies_root.scope, RootScope::kAll);
}

TEST(DeniesRoot, OnlyAccessKeysIsSome) {
  const auto result = check_policy(fixtures::kDenyRootAccessKeys, PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_EQ(result.denies_root.denied_actions, std::vector<std::string>{"iam:CreateAccessKey"});
  EXPECT_TRUE(contains(result.denies_root.open_actions, "*"));
  EXPECT_EQ(check_exit_code(result), 0);
}

TEST(DeniesRoot, NotActionExemptionMakesItSome) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "NotAction":["iam:CreateAccessKey"],"Resource":"*",
    "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},"Null":{"aws:AssumedRoot":"true"}}}]})";
  const auto result = check_policy(policy, PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_TRUE(contains(result.denies_root.denied_actions, "*"));
  EXPECT_EQ(result.denies_root.open_actions, std::vector<std::string>{"iam:CreateAccessKey"});
}

TEST(DeniesRoot, ConditionsOnUnknownKeysAreNotCounted) {
  // The documented region-restriction SCP: root is denied only outside the allowed regions.
  const std::string regions =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyOutsideRegions","Effect":"Deny",
    "NotAction":["iam:*","organizations:*","sts:*","support:*"],"Resource":"*",
    "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","ap-northeast-1"]}}}]})";
  const auto result = check_policy(regions, PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kNone);
  EXPECT_EQ(result.denies_root.conditional_statements, std::vector<std::string>{"DenyOutsideRegions"});
  EXPECT_NE(result.denies_root.note.en.find("not counted"), std::string::npos);
  // Root without MFA is denied, root with MFA is not: not a root deny either.
  const std::string mfa =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},
                 "BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]})";
  EXPECT_EQ(check_policy(mfa, PolicyType::kScp).denies_root.scope, RootScope::kNone);
  // A condition that is certainly false for root wins over one that is unknown.
  const std::string never =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"StringEquals":{"aws:PrincipalType":"Root"},"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}]})";
  const auto never_result = check_policy(never, PolicyType::kScp);
  EXPECT_TRUE(never_result.denies_root.conditional_statements.empty());
}

TEST(DeniesRoot, DenyForEveryoneAlsoDeniesRoot) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]})";
  EXPECT_EQ(check_policy(policy, PolicyType::kScp).denies_root.scope, RootScope::kAll);
}

TEST(DeniesRoot, AllowListIsNotARootDeny) {
  EXPECT_EQ(check_policy(fixtures::kFullAwsAccess, PolicyType::kScp).denies_root.scope, RootScope::kNone);
}

TEST(DeniesRoot, AccountSpecificArnCoversOnlyThatAccount) {
  const auto policy = fixtures::root_deny("StringEquals", "arn:aws:iam::${aws:PrincipalAccount}:root");
  EXPECT_EQ(check_policy(policy, PolicyType::kScp).denies_root.scope, RootScope::kAll);
  const auto fixed = fixtures::root_deny("StringEquals", "arn:aws:iam::123456789012:root");
  EXPECT_EQ(check_policy(fixed, PolicyType::kScp).denies_root.scope, RootScope::kNone);
  EXPECT_EQ(check_policy(fixed, PolicyType::kScp, {"aws", "123456789012", {}, {}}).denies_root.scope,
            RootScope::kAll);
}

TEST(DeniesRoot, OtherPartitionsNeedMatchingPatterns) {
  const auto policy = fixtures::root_deny("ArnLike", "arn:aws:iam::*:root");
  EXPECT_EQ(check_policy(policy, PolicyType::kScp, {"aws-us-gov", "111122223333", {}, {}}).denies_root.scope,
            RootScope::kNone);
  const auto any = fixtures::root_deny("ArnLike", "arn:*:iam::*:root");
  EXPECT_EQ(check_policy(any, PolicyType::kScp, {"aws-cn", "111122223333", {}, {}}).denies_root.scope,
            RootScope::kAll);
}

TEST(DeniesRoot, ResourcePolicyCanDenyRoot) {
  const std::string bucket =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyAll","Effect":"Deny","Principal":"*",
    "Action":"*","Resource":"*"}]})";
  EXPECT_EQ(check_policy(bucket, PolicyType::kResource).denies_root.scope, RootScope::kAll);
}

TEST(CheckReport, JsonShape) {
  const auto result = check_policy(fixtures::kSeedScp, PolicyType::kScp);
  const auto json = nlohmann::json::parse(render_check_json(result, "seed.json", Lang::kEn));
  EXPECT_EQ(json["valid"], false);
  EXPECT_EQ(json["type"], "scp");
  ASSERT_TRUE(json["problems"].is_array());
  bool found = false;
  for (const auto& p : json["problems"]) {
    found = found || (p["code"] == "scp-principal-not-supported" && p["path"] == "$.Statement[0].Principal" &&
                      p["severity"] == "error");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(json["denies_root"]["scope"], "none");
  EXPECT_TRUE(json["denies_root"]["actions"].is_array());
  const auto ja = nlohmann::json::parse(render_check_json(result, "seed.json", Lang::kJa));
  EXPECT_NE(ja["problems"][0]["message"].get<std::string>().find("SCP"), std::string::npos);
}

TEST(CheckReport, SyntaxErrorCarriesLineAndColumn) {
  const auto result = check_policy("{\n\"Version\": \"2012-10-17\",,\n}", PolicyType::kScp);
  const auto json = nlohmann::json::parse(render_check_json(result, "bad.json", Lang::kEn));
  EXPECT_EQ(json["problems"][0]["code"], "json-syntax");
  EXPECT_EQ(json["problems"][0]["line"], 2);
}

TEST(CheckReport, TextNamesScopeAndActions) {
  const auto text =
      render_check_text(check_policy(fixtures::kDenyRootAccessKeys, PolicyType::kScp), "k.json", Lang::kEn);
  EXPECT_NE(text.find("denies root: some (iam:CreateAccessKey)"), std::string::npos);
  const auto ja = render_check_text(check_policy(fixtures::kGoodScp, PolicyType::kScp), "k.json", Lang::kJa);
  EXPECT_NE(ja.find("ルートユーザーの拒否: すべて"), std::string::npos);
}

} // namespace
} // namespace rg::policy
