#include "policy/check.hpp"
#include "policy_fixtures.hpp"

#include <gtest/gtest.h>

namespace rg::policy {
namespace {

const PolicyProblem* find(const CheckResult& result, const std::string& code) {
  for (const auto& p : result.problems) {
    if (p.code == code) {
      return &p;
    }
  }
  return nullptr;
}

TEST(Validator, ScpRejectsPrincipal) {
  const auto result = check_policy(fixtures::kSeedScp, PolicyType::kScp);
  EXPECT_FALSE(result.valid);
  const auto* p = find(result, "scp-principal-not-supported");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$.Statement[0].Principal");
  EXPECT_EQ(p->severity, ProblemSeverity::kError);
  EXPECT_FALSE(p->message.ja.empty());
}

TEST(Validator, IdentityRejectsPrincipalAndResourceNeedsOne) {
  const std::string with_principal =
      R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}})";
  EXPECT_TRUE(find(check_policy(with_principal, PolicyType::kIdentity), "identity-principal-not-supported"));
  EXPECT_FALSE(find(check_policy(with_principal, PolicyType::kResource), "resource-principal-missing"));
  EXPECT_TRUE(
      find(check_policy(fixtures::kFullAwsAccess, PolicyType::kResource), "resource-principal-missing"));
}

// IAM User Guide, "AWS JSON policy elements: NotPrincipal" and "...: Principal".
TEST(Validator, NotPrincipalOnlyWithDenyAndNoPartialWildcardPrincipals) {
  const std::string not_principal_allow = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow",
    "NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}})";
  const auto allow = check_policy(not_principal_allow, PolicyType::kResource);
  EXPECT_FALSE(allow.valid);
  const auto* problem = find(allow, "not-principal-with-allow");
  ASSERT_NE(problem, nullptr);
  EXPECT_EQ(problem->path, "$.Statement.NotPrincipal");
  const std::string not_principal_deny = R"({"Version":"2012-10-17","Statement":{"Effect":"Deny",
    "NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}})";
  EXPECT_TRUE(check_policy(not_principal_deny, PolicyType::kResource).valid);

  const std::string partial = R"({"Version":"2012-10-17","Statement":{"Effect":"Deny",
    "Principal":{"AWS":["arn:aws:iam::*:root","*"]},"Action":"s3:*","Resource":"*"}})";
  const auto wildcard = check_policy(partial, PolicyType::kResource);
  EXPECT_FALSE(wildcard.valid);
  const auto* partial_problem = find(wildcard, "principal-partial-wildcard");
  ASSERT_NE(partial_problem, nullptr);
  EXPECT_NE(partial_problem->message.en.find("arn:aws:iam::*:root"), std::string::npos);
  EXPECT_FALSE(partial_problem->message.ja.empty());
  const std::string whole = R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":{"AWS":"*"},
    "Action":"s3:*","Resource":"*"}})";
  EXPECT_TRUE(check_policy(whole, PolicyType::kResource).valid);
}

// The quota page counts characters; multi-byte text can pass that and still exceed 5,120 bytes.
TEST(Validator, ScpSizeInCharactersIsAnErrorAndInBytesAWarning) {
  auto policy_with_sid = [](const std::string& sid) {
    return R"({"Version":"2012-10-17","Statement":[{"Sid":")" + sid +
           R"(","Effect":"Deny","Action":"*","Resource":"*"}]})";
  };
  std::string japanese;
  for (int i = 0; i < 2000; ++i) {
    japanese += "\u30eb"; // ル: 1 character, 3 bytes
  }
  const auto multibyte = check_policy(policy_with_sid(japanese), PolicyType::kScp);
  EXPECT_TRUE(multibyte.valid);
  EXPECT_TRUE(find(multibyte, "size-bytes-exceeded"));
  EXPECT_FALSE(find(multibyte, "size-exceeded"));
  const auto ascii = check_policy(policy_with_sid(std::string(5200, 'a')), PolicyType::kScp);
  EXPECT_FALSE(ascii.valid);
  EXPECT_TRUE(find(ascii, "size-exceeded"));
  EXPECT_FALSE(find(ascii, "size-bytes-exceeded"));
}

TEST(Validator, SeedIdentityPolicyWarnsTwice) {
  const auto result = check_policy(fixtures::kSeedIdentity, PolicyType::kIdentity);
  EXPECT_TRUE(result.valid);
  EXPECT_TRUE(find(result, "principal-type-root"));
  EXPECT_TRUE(find(result, "identity-cannot-restrict-root"));
  EXPECT_EQ(result.denies_root.scope, RootScope::kNone);
}

TEST(Validator, StringEqualsWithWildcardWarns) {
  const auto result =
      check_policy(fixtures::root_deny("StringEquals", "arn:aws:iam::*:root"), PolicyType::kScp);
  const auto* p = find(result, "string-equals-wildcard");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$.Statement[0].Condition.StringEquals[\"aws:PrincipalArn\"]");
  EXPECT_EQ(result.denies_root.scope, RootScope::kNone);
}

TEST(Validator, UnknownOperatorIsAnError) {
  const auto result =
      check_policy(fixtures::root_deny("StringEqualz", "arn:aws:iam::*:root"), PolicyType::kScp);
  EXPECT_FALSE(result.valid);
  EXPECT_TRUE(find(result, "condition-operator-unknown"));
}

TEST(Validator, DuplicateSids) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[
    {"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}]})";
  const auto result = check_policy(policy, PolicyType::kScp);
  const auto* p = find(result, "sid-duplicate");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$.Statement[1].Sid");
}

TEST(Validator, ActionAndResourceFormats) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[
    {"Effect":"Deny","Action":["CreateUser","iam:CreateUser"],"Resource":["bucket-name","arn:aws:s3:::b"]}]})";
  const auto result = check_policy(policy, PolicyType::kScp);
  const auto* action = find(result, "action-format");
  ASSERT_NE(action, nullptr);
  EXPECT_EQ(action->path, "$.Statement[0].Action[0]");
  const auto* resource = find(result, "resource-format");
  ASSERT_NE(resource, nullptr);
  EXPECT_EQ(resource->path, "$.Statement[0].Resource[0]");
}

TEST(Validator, ScpSizeCountsWhitespaceIdentityDoesNot) {
  std::string padded =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}])";
  padded += std::string(5200, ' ') + "}";
  EXPECT_TRUE(find(check_policy(padded, PolicyType::kScp), "size-exceeded"));
  EXPECT_FALSE(find(check_policy(padded, PolicyType::kIdentity), "size-exceeded"));
  std::string big = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[)";
  for (int i = 0; i < 400; ++i) {
    big += R"("s3:GetObjectVersion",)";
  }
  big += R"("s3:GetObject"],"Resource":"*"}]})";
  const auto result = check_policy(big, PolicyType::kIdentity);
  const auto* p = find(result, "size-exceeded");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$");
  EXPECT_FALSE(result.valid);
}

TEST(Validator, ConditionValueChecks) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"Bool":{"aws:SecureTransport":"yes"},"IpAddress":{"aws:SourceIp":"10.0.0.0/40"},
    "DateLessThan":{"aws:CurrentTime":"tomorrow"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*root"}}}]})";
  const auto result = check_policy(policy, PolicyType::kScp);
  int invalid = 0;
  for (const auto& p : result.problems) {
    invalid += p.code == "condition-value-invalid" ? 1 : 0;
  }
  EXPECT_EQ(invalid, 3);
  EXPECT_TRUE(find(result, "arn-pattern-malformed"));
}

TEST(Validator, VariablesNeedVersion) {
  const std::string policy = R"({"Statement":[{"Effect":"Allow","Action":"s3:*",
    "Resource":"arn:aws:s3:::b/${aws:username}/*"}]})";
  EXPECT_TRUE(find(check_policy(policy, PolicyType::kIdentity), "variable-needs-version"));
}

TEST(Validator, SidFormat) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"deny-root","Effect":"Deny","Action":"*","Resource":"*"}]})";
  EXPECT_TRUE(find(check_policy(policy, PolicyType::kScp), "sid-format"));
}

} // namespace
} // namespace rg::policy
