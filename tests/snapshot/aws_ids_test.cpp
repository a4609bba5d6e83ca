// The id grammars stand between snapshot data and file paths or generated commands: each accepts what
// AWS documents and nothing that could carry a path, a shell word or a terminal escape.
#include "model/aws_ids.hpp"

#include <gtest/gtest.h>

namespace rg::model {
namespace {

TEST(AwsIds, RegionNames) {
  for (const char* good : {"us-east-1", "ap-southeast-7", "us-gov-west-1", "cn-northwest-1", "eu-isoe-west-1",
                           "il-central-1", "mx-central-1"}) {
    EXPECT_TRUE(is_region_name(good)) << good;
  }
  for (const char* bad : {"", "us", "us-1", "us-east", "us-east-", "US-EAST-1", "us-east-123", "us--east-1",
                          "us-east-1$(touch /tmp/pwned)", "us-east-1\n", "../us-east-1", "us-east-1 ",
                          "u1-east-1", "us-east-1-", "us-ea\x1bst-1"}) {
    EXPECT_FALSE(is_region_name(bad)) << bad;
  }
}

TEST(AwsIds, Partitions) {
  for (const char* good : {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-eusc"}) {
    EXPECT_TRUE(is_partition_name(good)) << good;
  }
  for (const char* bad : {"", "aw", "aws-", "aws--cn", "AWS", "aws-cn1", "aws cn", "aws-cn$(x)"}) {
    EXPECT_FALSE(is_partition_name(bad)) << bad;
  }
  EXPECT_EQ(arn_partition("arn:aws-cn:iam::123456789012:root"), "aws-cn");
  EXPECT_EQ(arn_partition("arn:evil:iam::123456789012:root"), "");
  EXPECT_EQ(arn_partition("not-an-arn"), "");
}

TEST(AwsIds, OrganizationIds) {
  EXPECT_TRUE(is_account_id("111122223333"));
  EXPECT_FALSE(is_account_id("11112222333"));
  EXPECT_FALSE(is_account_id("11112222333a"));
  EXPECT_TRUE(is_root_id("r-ab12"));
  EXPECT_FALSE(is_root_id("r-AB12"));
  EXPECT_FALSE(is_root_id("../../accounts"));
  EXPECT_TRUE(is_ou_id("ou-ab12-abcdefgh"));
  EXPECT_FALSE(is_ou_id("ou-ab12-abc"));
  EXPECT_FALSE(is_ou_id("ou-ab12-../../etc"));
  EXPECT_TRUE(is_policy_id("p-FullAWSAccess"));
  EXPECT_TRUE(is_policy_id("p-abcd1234"));
  EXPECT_FALSE(is_policy_id("p-abc/../x"));
}

} // namespace
} // namespace rg::model
