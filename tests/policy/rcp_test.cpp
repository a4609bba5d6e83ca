// policy check --type rcp: the RCP grammar of the AWS Organizations User Guide ("RCP syntax") and what an
// RCP can mean for a member account's root user ("Resource control policies (RCPs)").
#include "policy/check.hpp"

#include <gtest/gtest.h>
#include <string>

namespace rg::policy {
namespace {

bool has(const CheckResult& result, const std::string& code) {
  for (const auto& p : result.problems) {
    if (p.code == code) {
      return true;
    }
  }
  return false;
}

// The policy AWS attaches to every root, OU and account once RCPs are enabled: its Allow is the only one.
constexpr const char* kRcpFullAwsAccess =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]})";

TEST(Rcp, TheTypeIsNamedRcp) {
  EXPECT_EQ(parse_policy_type("rcp"), PolicyType::kRcp);
  EXPECT_EQ(to_string(PolicyType::kRcp), "rcp");
}

TEST(Rcp, RcpFullAwsAccessIsTheOneValidAllow) {
  const auto result = check_policy(kRcpFullAwsAccess, PolicyType::kRcp);
  EXPECT_TRUE(result.valid);
  EXPECT_FALSE(has(result, "rcp-allow-not-supported"));
  const auto narrowed = check_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]})",
      PolicyType::kRcp);
  EXPECT_FALSE(narrowed.valid);
  EXPECT_TRUE(has(narrowed, "rcp-allow-not-supported"));
}

TEST(Rcp, VersionPrincipalStarAndNoNotElements) {
  const auto no_version =
      check_policy(R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]})",
                   PolicyType::kRcp);
  EXPECT_TRUE(has(no_version, "rcp-version-required"));
  EXPECT_FALSE(no_version.valid);
  const auto named = check_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]})",
                                  PolicyType::kRcp);
  EXPECT_TRUE(has(named, "rcp-principal-must-be-star"));
  const auto missing = check_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]})",
      PolicyType::kRcp);
  EXPECT_TRUE(has(missing, "rcp-principal-required"));
  const auto not_principal = check_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]})",
                                          PolicyType::kRcp);
  EXPECT_TRUE(has(not_principal, "rcp-not-principal-not-supported"));
  const auto not_action = check_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "Principal":"*","NotAction":"s3:GetObject","Resource":"*"}]})",
                                       PolicyType::kRcp);
  EXPECT_TRUE(has(not_action, "rcp-not-action-not-supported"));
  // NotResource is part of the RCP grammar.
  const auto not_resource = check_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    "Principal":"*","Action":"s3:*","NotResource":"arn:aws:s3:::public-*"}]})",
                                         PolicyType::kRcp);
  EXPECT_TRUE(not_resource.valid);
}

TEST(Rcp, ADenyWithPrincipalStarReachesTheMemberRootOnItsResourcesOnly) {
  // Principal "*" takes in the member's root user: the RCP denies it s3:* on the member's resources.
  const auto result = check_policy(
      R"({"Version":"2012-10-17","Statement":[{"Sid":"NoS3","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]})",
      PolicyType::kRcp);
  EXPECT_TRUE(result.valid);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_TRUE(has(result, "rcp-scope")); // and says where that stops: member resources, supported services
  // The same statement as an SCP is rejected (SCPs have no Principal).
  EXPECT_FALSE(
      check_policy(
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]})",
          PolicyType::kScp)
          .valid);
}

TEST(Rcp, SizeIsCountedLikeAnScp) {
  std::string big = R"({"Version":"2012-10-17","Statement":[{"Sid":"Big","Effect":"Deny","Principal":"*",)"
                    R"("Action":"s3:*","Resource":[)";
  for (int i = 0; i < 200; ++i) {
    big += (i > 0 ? "," : "");
    big += "\"arn:aws:s3:::bucket-number-" + std::to_string(i) + "\"";
  }
  big += "]}]}";
  ASSERT_GT(big.size(), 5120U);
  EXPECT_TRUE(has(check_policy(big, PolicyType::kRcp), "size-exceeded"));
}

} // namespace
} // namespace rg::policy
