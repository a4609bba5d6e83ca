#include "policy/ip_address.hpp"
#include "policy/wildcard.hpp"

#include <gtest/gtest.h>

namespace rg::policy {
namespace {

TEST(Wildcard, StarAndQuestionMark) {
  EXPECT_TRUE(wildcard_match("*", ""));
  EXPECT_TRUE(wildcard_match("a*c", "abbbc"));
  EXPECT_TRUE(wildcard_match("a?c", "abc"));
  EXPECT_FALSE(wildcard_match("a?c", "ac"));
  EXPECT_TRUE(wildcard_match("arn:aws:iam::*:root", "arn:aws:iam::111122223333:root"));
  EXPECT_TRUE(wildcard_match("*:root", "arn:aws:iam::111122223333:root"));
  EXPECT_FALSE(wildcard_match("abc", "ABC"));
  EXPECT_TRUE(wildcard_match("abc", "ABC", true));
  EXPECT_TRUE(wildcard_match("**a**", "xxa"));
}

TEST(Wildcard, HostilePatternStaysFast) {
  const std::string text(5000, 'a');
  const std::string pattern = std::string(50, '*') + "b";
  EXPECT_FALSE(wildcard_match(pattern, text));
}

TEST(ActionMatch, CaseInsensitiveWithWildcards) {
  EXPECT_TRUE(action_matches("iam:*AccessKey*", "iam:CreateAccessKey"));
  EXPECT_TRUE(action_matches("IAM:createaccesskey", "iam:CreateAccessKey"));
  EXPECT_TRUE(action_matches("*", "s3:GetObject"));
  EXPECT_TRUE(action_matches("s3:Get*", "s3:GetObject"));
  EXPECT_FALSE(action_matches("s3:Get*", "s3:PutObject"));
  EXPECT_TRUE(action_matches("ec2:Describe?pcs", "ec2:DescribeVpcs"));
}

TEST(ArnMatch, PartByPart) {
  EXPECT_TRUE(arn_matches("arn:aws:iam::*:root", "arn:aws:iam::111122223333:root"));
  EXPECT_TRUE(arn_matches("*", "anything"));
  EXPECT_TRUE(arn_matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c"));
  // `*` in one part does not reach into the next: the account part "*" cannot eat "111:root".
  EXPECT_FALSE(arn_matches("arn:aws:iam::*", "arn:aws:iam::111122223333:root"));
  // Five parts in the pattern: malformed, matches nothing, while StringLike's * spans the colon.
  EXPECT_FALSE(arn_matches("arn:aws:iam::*root", "arn:aws:iam::111122223333:root"));
  EXPECT_TRUE(wildcard_match("arn:aws:iam::*root", "arn:aws:iam::111122223333:root"));
  EXPECT_FALSE(arn_matches("arn:aws:iam::*:root", "not-an-arn"));
  EXPECT_TRUE(arn_matches("arn:aws:lambda:*:*:function:*", "arn:aws:lambda:us-east-1:1:function:f"));
  EXPECT_FALSE(arn_matches("arn:aws:iam::*:ROOT", "arn:aws:iam::1:root")); // case-sensitive
}

TEST(IpAddress, Cidr) {
  EXPECT_TRUE(ip_in_cidr("203.0.113.7", "203.0.113.0/24"));
  EXPECT_FALSE(ip_in_cidr("203.0.114.7", "203.0.113.0/24"));
  EXPECT_TRUE(ip_in_cidr("10.1.2.3", "10.0.0.0/8"));
  EXPECT_TRUE(ip_in_cidr("192.0.2.1", "192.0.2.1"));
  EXPECT_TRUE(ip_in_cidr("2001:db8::1", "2001:db8::/32"));
  EXPECT_FALSE(ip_in_cidr("2001:db9::1", "2001:db8::/32"));
  EXPECT_FALSE(ip_in_cidr("10.0.0.1", "2001:db8::/32"));
  EXPECT_TRUE(ip_in_cidr("10.0.0.1", "0.0.0.0/0"));
  EXPECT_TRUE(ip_in_cidr("10.0.0.129", "10.0.0.128/25"));
  EXPECT_FALSE(ip_in_cidr("10.0.0.127", "10.0.0.128/25"));
  EXPECT_FALSE(is_valid_cidr("10.0.0.0/33"));
  EXPECT_FALSE(is_valid_cidr("nope"));
  EXPECT_FALSE(is_valid_cidr("10.0.0.0/"));
}

} // namespace
} // namespace rg::policy
