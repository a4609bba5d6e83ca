#include "policy/condition_eval.hpp"
#include "policy/condition_operator.hpp"

#include <gtest/gtest.h>

namespace rg::policy {
namespace {

bool eval(const std::string& op, const std::string& key, std::vector<std::string> values,
          const RequestContext& ctx, bool variables = true) {
  ConditionTest test{op, key, std::move(values), "$.c"};
  return evaluate_condition_test(test, ctx, {variables});
}

RequestContext root_ctx() {
  return root_user_context("aws", "111122223333", "s3:GetObject", "arn:aws:s3:::b/k");
}

TEST(ConditionOperator, Parsing) {
  auto op = parse_condition_operator("ForAllValues:StringNotLikeIfExists");
  ASSERT_TRUE(op);
  EXPECT_EQ(op->qualifier, SetQualifier::kForAllValues);
  EXPECT_EQ(op->base, BaseOperator::kStringNotLike);
  EXPECT_TRUE(op->if_exists);
  EXPECT_FALSE(parse_condition_operator("stringequals"));
  EXPECT_FALSE(parse_condition_operator("StringEqualz"));
  EXPECT_FALSE(parse_condition_operator("NullIfExists"));
  EXPECT_FALSE(parse_condition_operator("ForAnyValue:Null"));
  EXPECT_FALSE(parse_condition_operator("IfExists"));
  EXPECT_TRUE(parse_condition_operator("BinaryEqualsIfExists"));
}

TEST(Condition, StringLikeRootArnMatchesRoot) {
  EXPECT_TRUE(eval("StringLike", "aws:PrincipalArn", {"arn:aws:iam::*:root"}, root_ctx()));
  EXPECT_TRUE(eval("ArnLike", "aws:PrincipalArn", {"arn:aws:iam::*:root"}, root_ctx()));
  EXPECT_TRUE(eval("ArnEquals", "aws:PrincipalArn", {"arn:aws:iam::*:root"}, root_ctx()));
}

TEST(Condition, StringEqualsDoesNotExpandWildcards) {
  EXPECT_FALSE(eval("StringEquals", "aws:PrincipalArn", {"arn:aws:iam::*:root"}, root_ctx()));
  EXPECT_TRUE(eval("StringEquals", "aws:PrincipalArn", {"arn:aws:iam::111122223333:root"}, root_ctx()));
}

TEST(Condition, PrincipalTypeOfRootIsAccount) {
  EXPECT_FALSE(eval("StringEquals", "aws:PrincipalType", {"Root"}, root_ctx()));
  EXPECT_TRUE(eval("StringEquals", "aws:PrincipalType", {"Account"}, root_ctx()));
  EXPECT_TRUE(eval("StringEqualsIgnoreCase", "aws:PrincipalType", {"account"}, root_ctx()));
}

TEST(Condition, KeyNamesAreCaseInsensitive) {
  EXPECT_TRUE(eval("StringLike", "AWS:PRINCIPALARN", {"arn:aws:iam::*:root"}, root_ctx()));
  EXPECT_TRUE(eval("StringEquals", "aws:principaltype", {"Account"}, root_ctx()));
}

TEST(Condition, ValuesAreOredAndNegatedOperatorsAreNor) {
  EXPECT_TRUE(eval("StringEquals", "aws:PrincipalType", {"User", "Account"}, root_ctx()));
  EXPECT_FALSE(eval("StringNotEquals", "aws:PrincipalType", {"User", "Account"}, root_ctx()));
  EXPECT_TRUE(eval("StringNotEquals", "aws:PrincipalType", {"User", "AssumedRole"}, root_ctx()));
}

TEST(Condition, AbsentKeys) {
  const auto ctx = root_ctx();
  EXPECT_FALSE(eval("StringEquals", "aws:SourceIp", {"1.2.3.4"}, ctx));
  EXPECT_TRUE(eval("StringNotEquals", "aws:username", {"alice"}, ctx)); // documented: negated + absent = true
  EXPECT_TRUE(eval("StringEqualsIfExists", "aws:username", {"alice"}, ctx));
  EXPECT_TRUE(eval("Null", "aws:AssumedRoot", {"true"}, ctx));
  EXPECT_FALSE(eval("Null", "aws:AssumedRoot", {"false"}, ctx));
  EXPECT_TRUE(eval("Null", "aws:PrincipalArn", {"false"}, ctx));
  const RequestContext closed; // closed world: a key not set is absent
  EXPECT_TRUE(eval("ForAllValues:StringEquals", "aws:TagKeys", {"a"}, closed)); // vacuous truth
  EXPECT_FALSE(eval("ForAnyValue:StringEquals", "aws:TagKeys", {"a"}, closed));
  EXPECT_TRUE(eval("StringNotEquals", "aws:SourceVpc", {"vpc-1"}, closed));
}

TEST(Condition, RootContextIsOpenWorld) {
  const auto ctx = root_ctx();
  auto truth = [&](const std::string& op, const std::string& key, std::vector<std::string> values) {
    ConditionTest test{op, key, std::move(values), "$.c"};
    return condition_truth(test, ctx, {});
  };
  // Region, source IP, MFA: every root request has some value rootguard cannot know.
  EXPECT_EQ(truth("StringNotEquals", "aws:RequestedRegion", {"eu-west-1"}), Truth::kUnknown);
  EXPECT_EQ(truth("NotIpAddress", "aws:SourceIp", {"192.0.2.0/24"}), Truth::kUnknown);
  EXPECT_EQ(truth("BoolIfExists", "aws:MultiFactorAuthPresent", {"false"}), Truth::kUnknown);
  EXPECT_EQ(truth("Null", "aws:SourceIp", {"true"}), Truth::kUnknown);
  // What is certain about root: its ARN and type, no username, no tags, not an AssumeRoot session.
  EXPECT_EQ(truth("ArnLike", "aws:PrincipalArn", {"arn:aws:iam::*:root"}), Truth::kTrue);
  EXPECT_EQ(truth("StringEquals", "aws:PrincipalType", {"Root"}), Truth::kFalse);
  EXPECT_EQ(truth("StringNotEquals", "aws:username", {"alice"}), Truth::kTrue);
  EXPECT_EQ(truth("StringEquals", "aws:PrincipalTag/team", {"ops"}), Truth::kFalse);
  EXPECT_EQ(truth("Null", "aws:AssumedRoot", {"true"}), Truth::kTrue);
  std::vector<ConditionTest> tests{{"ArnLike", "aws:PrincipalArn", {"arn:aws:iam::*:root"}, "$.a"},
                                   {"StringNotEquals", "aws:RequestedRegion", {"eu-west-1"}, "$.b"}};
  EXPECT_EQ(conditions_truth(tests, ctx, {}), Truth::kUnknown);
  tests.push_back({"StringEquals", "aws:PrincipalType", {"Root"}, "$.c"});
  EXPECT_EQ(conditions_truth(tests, ctx, {}), Truth::kFalse); // one certain false decides
}

TEST(Condition, AssumedRootPresentForTaskSessions) {
  const auto ctx = assumed_root_context("aws", "111122223333", "iam:DeleteLoginProfile", "*");
  EXPECT_FALSE(eval("Null", "aws:AssumedRoot", {"true"}, ctx));
  EXPECT_TRUE(eval("Bool", "aws:AssumedRoot", {"true"}, ctx));
}

TEST(Condition, SetQualifiers) {
  RequestContext ctx;
  ctx.set("aws:TagKeys", std::vector<std::string>{"env", "team"});
  EXPECT_TRUE(eval("ForAllValues:StringEquals", "aws:TagKeys", {"env", "team", "cost"}, ctx));
  EXPECT_FALSE(eval("ForAllValues:StringEquals", "aws:TagKeys", {"env"}, ctx));
  EXPECT_TRUE(eval("ForAnyValue:StringEquals", "aws:TagKeys", {"env"}, ctx));
  EXPECT_FALSE(eval("ForAnyValue:StringEquals", "aws:TagKeys", {"cost"}, ctx));
  EXPECT_TRUE(eval("ForAnyValue:StringNotEquals", "aws:TagKeys", {"env"}, ctx));
  EXPECT_FALSE(eval("ForAllValues:StringNotEquals", "aws:TagKeys", {"env"}, ctx));
  EXPECT_TRUE(eval("ForAnyValue:StringLike", "aws:TagKeys", {"te*"}, ctx));
}

TEST(Condition, NumericDateBoolBinaryIp) {
  RequestContext ctx;
  ctx.set("s3:max-keys", "10");
  ctx.set("aws:CurrentTime", "2026-11-29T02:00:00Z");
  ctx.set("aws:EpochTime", "1796004000");
  ctx.set("aws:SecureTransport", "true");
  ctx.set("aws:SourceIp", "203.0.113.9");
  ctx.set("key:binary", "QmluYXJ5VmFsdWU=");
  EXPECT_TRUE(eval("NumericLessThanEquals", "s3:max-keys", {"10"}, ctx));
  EXPECT_FALSE(eval("NumericLessThan", "s3:max-keys", {"10"}, ctx));
  EXPECT_TRUE(eval("NumericGreaterThan", "s3:max-keys", {"9.5"}, ctx));
  EXPECT_TRUE(eval("NumericNotEquals", "s3:max-keys", {"11"}, ctx));
  EXPECT_FALSE(eval("NumericEquals", "s3:max-keys", {"ten"}, ctx));
  EXPECT_TRUE(eval("DateGreaterThan", "aws:CurrentTime", {"2026-01-01T00:00:00Z"}, ctx));
  EXPECT_FALSE(eval("DateLessThan", "aws:CurrentTime", {"2026-01-01"}, ctx));
  EXPECT_TRUE(eval("DateLessThan", "aws:CurrentTime", {"1900000000"}, ctx)); // epoch seconds
  EXPECT_TRUE(eval("DateEquals", "aws:EpochTime", {"1796004000"}, ctx));
  EXPECT_TRUE(eval("Bool", "aws:SecureTransport", {"true"}, ctx));
  EXPECT_TRUE(eval("Bool", "aws:SecureTransport", {"TRUE"}, ctx));
  EXPECT_FALSE(eval("Bool", "aws:SecureTransport", {"false"}, ctx));
  EXPECT_TRUE(eval("BinaryEquals", "key:binary", {"QmluYXJ5VmFsdWU="}, ctx));
  EXPECT_TRUE(eval("IpAddress", "aws:SourceIp", {"203.0.113.0/24"}, ctx));
  EXPECT_FALSE(eval("NotIpAddress", "aws:SourceIp", {"203.0.113.0/24", "10.0.0.0/8"}, ctx));
  EXPECT_TRUE(eval("NotIpAddress", "aws:SourceIp", {"10.0.0.0/8"}, ctx));
}

TEST(Condition, PolicyVariables) {
  auto ctx = root_ctx();
  EXPECT_TRUE(eval("StringEquals", "aws:PrincipalArn", {"arn:aws:iam::${aws:PrincipalAccount}:root"}, ctx));
  EXPECT_FALSE(eval("StringEquals", "aws:PrincipalArn", {"arn:aws:iam::${aws:PrincipalAccount}:root"}, ctx,
                    /*variables=*/false));
  // Absent variable without a default: the value matches nothing.
  EXPECT_FALSE(eval("StringLike", "aws:PrincipalArn", {"${aws:username}*"}, ctx));
  EXPECT_TRUE(eval("StringLike", "aws:PrincipalArn", {"${aws:username, 'arn'}*"}, ctx));
}

TEST(Condition, UnknownOperatorIsFalseAndReported) {
  std::vector<std::string> unknown;
  ConditionTest test{
      "StringEqualz", "aws:PrincipalType", {"Account"}, "$.Statement[0].Condition.StringEqualz"};
  EXPECT_FALSE(evaluate_condition_test(test, root_ctx(), {}, &unknown));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0], test.path);
  ConditionTest negated{"StringNotEqualz", "aws:PrincipalType", {"User"}, "$.x"};
  EXPECT_FALSE(evaluate_condition_test(negated, root_ctx(), {}));
}

TEST(Condition, ArnLikeAndStringLikeDifferOnMalformedPattern) {
  EXPECT_TRUE(eval("StringLike", "aws:PrincipalArn", {"arn:aws:iam::*root"}, root_ctx()));
  EXPECT_FALSE(eval("ArnLike", "aws:PrincipalArn", {"arn:aws:iam::*root"}, root_ctx()));
  EXPECT_TRUE(eval("StringLike", "aws:PrincipalArn", {"*:root"}, root_ctx()));
  EXPECT_FALSE(eval("ArnLike", "aws:PrincipalArn", {"*:root"}, root_ctx()));
}

} // namespace
} // namespace rg::policy
