#include "policy/evaluator.hpp"
#include "policy/parser.hpp"
#include "policy_fixtures.hpp"

#include <gtest/gtest.h>

namespace rg::policy {
namespace {

Document doc(const std::string& text) {
  auto parsed = parse_policy(text);
  EXPECT_TRUE(parsed.document) << text;
  return parsed.document.value_or(Document{});
}

RequestContext root(const std::string& action = "s3:GetObject",
                    const std::string& resource = "arn:aws:s3:::b/k") {
  return root_user_context("aws", "111122223333", action, resource);
}

RequestContext user(const std::string& action = "s3:GetObject",
                    const std::string& resource = "arn:aws:s3:::b/k") {
  RequestContext ctx;
  ctx.action = action;
  ctx.resource = resource;
  ctx.set("aws:PrincipalArn", "arn:aws:iam::111122223333:user/alice");
  ctx.set("aws:PrincipalType", "User");
  ctx.set("aws:PrincipalAccount", "111122223333");
  ctx.set("aws:username", "alice");
  return ctx;
}

Decision decide(const std::string& text, const RequestContext& ctx, PolicyType type = PolicyType::kScp) {
  const auto d = doc(text);
  return evaluate(d, type, ctx).decision;
}

TEST(Evaluator, StringLikeRootArnDeniesRootOnly) {
  const auto policy = fixtures::root_deny("StringLike", "arn:aws:iam::*:root");
  EXPECT_EQ(decide(policy, root()), Decision::kExplicitDeny);
  EXPECT_EQ(decide(policy, user()), Decision::kImplicitDeny);
}

TEST(Evaluator, StringEqualsWithWildcardDoesNotDenyRoot) {
  EXPECT_NE(decide(fixtures::root_deny("StringEquals", "arn:aws:iam::*:root"), root()),
            Decision::kExplicitDeny);
}

TEST(Evaluator, PrincipalTypeRootNeverMatches) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"StringEquals":{"aws:PrincipalType":"Root"}}}]})";
  EXPECT_EQ(decide(policy, root()), Decision::kImplicitDeny);
  const std::string account =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"StringEquals":{"aws:PrincipalType":"Account"}}}]})";
  EXPECT_EQ(decide(account, root()), Decision::kExplicitDeny);
}

TEST(Evaluator, PrincipalElementInScpNeverApplies) {
  EXPECT_EQ(decide(fixtures::kSeedScp, root_user_context("aws", "123456789012", "s3:GetObject", "*")),
            Decision::kImplicitDeny);
}

TEST(Evaluator, NullAssumedRootKeepsAssumeRootSessionsWorking) {
  EXPECT_EQ(decide(fixtures::kGoodScp, root()), Decision::kExplicitDeny);
  const auto task = assumed_root_context("aws", "111122223333", "iam:DeleteLoginProfile", "*");
  EXPECT_EQ(decide(fixtures::kGoodScp, task), Decision::kImplicitDeny);
}

TEST(Evaluator, ExplicitDenyWinsOverAllow) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[
    {"Effect":"Allow","Action":"*","Resource":"*"},
    {"Effect":"Deny","Action":"s3:*","Resource":"*"}]})";
  EXPECT_EQ(decide(policy, user("s3:PutObject")), Decision::kExplicitDeny);
  EXPECT_EQ(decide(policy, user("ec2:RunInstances", "*")), Decision::kAllow);
}

TEST(Evaluator, NoAllowIsImplicitDeny) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}})";
  EXPECT_EQ(decide(policy, user("s3:GetObject")), Decision::kImplicitDeny);
  EXPECT_EQ(decide(policy, user("ec2:DescribeInstances", "*")), Decision::kAllow);
}

TEST(Evaluator, NotActionExemptions) {
  // The documented "deny everything except" shape: root may still manage its own MFA.
  const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:List*"],"Resource":"*",
    "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})";
  EXPECT_EQ(decide(policy, root("iam:EnableMFADevice", "*")), Decision::kImplicitDeny);
  EXPECT_EQ(decide(policy, root("iam:ListUsers", "*")), Decision::kImplicitDeny);
  EXPECT_EQ(decide(policy, root("iam:CreateAccessKey", "*")), Decision::kExplicitDeny);
  EXPECT_EQ(decide(policy, user("iam:CreateAccessKey", "*")), Decision::kImplicitDeny);
}

TEST(Evaluator, NotResource) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*",
    "NotResource":["arn:aws:s3:::public-bucket","arn:aws:s3:::public-bucket/*"]}]})";
  EXPECT_EQ(decide(policy, user("s3:GetObject", "arn:aws:s3:::public-bucket/x")), Decision::kImplicitDeny);
  EXPECT_EQ(decide(policy, user("s3:GetObject", "arn:aws:s3:::private/x")), Decision::kExplicitDeny);
}

TEST(Evaluator, ResourceWildcardsAndVariables) {
  // The documented home-folder example: ${aws:username} in the resource.
  const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*",
    "Resource":"arn:aws:s3:::home-bucket/home/${aws:username}/*"}]})";
  EXPECT_EQ(decide(policy, user("s3:PutObject", "arn:aws:s3:::home-bucket/home/alice/notes.txt"),
                   PolicyType::kIdentity),
            Decision::kAllow);
  EXPECT_EQ(decide(policy, user("s3:PutObject", "arn:aws:s3:::home-bucket/home/bob/notes.txt"),
                   PolicyType::kIdentity),
            Decision::kImplicitDeny);
  // Root has no aws:username: the variable matches nothing.
  EXPECT_EQ(
      decide(policy, root("s3:PutObject", "arn:aws:s3:::home-bucket/home/alice/x"), PolicyType::kIdentity),
      Decision::kImplicitDeny);
  // Version 2008-10-17: variables are literal text.
  const std::string old = R"({"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*",
    "Resource":"arn:aws:s3:::home-bucket/home/${aws:username}/*"}]})";
  EXPECT_EQ(decide(old, user("s3:PutObject", "arn:aws:s3:::home-bucket/home/alice/notes.txt"),
                   PolicyType::kIdentity),
            Decision::kImplicitDeny);
}

TEST(Evaluator, ConditionOperatorsAreAndedAndKeysAnded) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},
                 "StringEquals":{"aws:PrincipalAccount":"999999999999"}}}]})";
  EXPECT_EQ(decide(policy, root()), Decision::kImplicitDeny);
  const std::string matching =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},
                 "StringEquals":{"aws:PrincipalAccount":["999999999999","111122223333"]}}}]})";
  EXPECT_EQ(decide(matching, root()), Decision::kExplicitDeny);
}

TEST(Evaluator, UnknownOperatorMakesDenyNotApply) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"ArnLikeIgnoreCase":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})";
  const auto d = doc(policy);
  const auto result = evaluate(d, PolicyType::kScp, root());
  EXPECT_EQ(result.decision, Decision::kImplicitDeny);
  ASSERT_EQ(result.unknown_operators.size(), 1u);
}

TEST(Evaluator, ResourcePolicyPrincipals) {
  const std::string bucket = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",
    "Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
    "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
  auto ctx = root();
  ctx.set("aws:SecureTransport", "false");
  EXPECT_EQ(decide(bucket, ctx, PolicyType::kResource), Decision::kExplicitDeny);
  const std::string account_principal = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]})";
  EXPECT_EQ(decide(account_principal, root(), PolicyType::kResource), Decision::kExplicitDeny);
  EXPECT_EQ(decide(account_principal, user(), PolicyType::kResource),
            Decision::kExplicitDeny); // the whole account
  const std::string other = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "Principal":{"AWS":["222233334444"]},"Action":"s3:*","Resource":"*"}]})";
  EXPECT_EQ(decide(other, root(), PolicyType::kResource), Decision::kImplicitDeny);
  const std::string not_principal = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*"}]})";
  EXPECT_EQ(decide(not_principal, root(), PolicyType::kResource), Decision::kExplicitDeny);
  EXPECT_EQ(decide(not_principal, user(), PolicyType::kResource), Decision::kImplicitDeny);
  const std::string service = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:*","Resource":"*"}]})";
  EXPECT_EQ(decide(service, root(), PolicyType::kResource), Decision::kImplicitDeny);
}

TEST(Evaluator, IfExistsOnAbsentKeyApplies) {
  // Documented: deny unless the request comes from the corporate range, when the key exists.
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"NotIpAddressIfExists":{"aws:SourceIp":["192.0.2.0/24"]}}}]})";
  auto inside = user();
  inside.set("aws:SourceIp", "192.0.2.5");
  auto outside = user();
  outside.set("aws:SourceIp", "198.51.100.5");
  EXPECT_EQ(decide(policy, inside), Decision::kImplicitDeny);
  EXPECT_EQ(decide(policy, outside), Decision::kExplicitDeny);
  EXPECT_EQ(decide(policy, user()), Decision::kExplicitDeny); // absent key: IfExists is true
}

TEST(Evaluator, ActionMatchingIsCaseInsensitive) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"IAM:createACCESSkey",
    "Resource":"*"}]})";
  EXPECT_EQ(decide(policy, user("iam:CreateAccessKey", "*")), Decision::kExplicitDeny);
}

TEST(Evaluator, MalformedStatementNeverApplies) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"deny","Action":"*","Resource":"*"}]})";
  EXPECT_EQ(decide(policy, root()), Decision::kImplicitDeny);
}

} // namespace
} // namespace rg::policy
