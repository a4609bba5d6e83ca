// The grammars a value must match before it reaches a generated fix, and the escapes for shell, HCL and
// Markdown.
#include "remediate/fix_values.hpp"

#include <gtest/gtest.h>

namespace rg::remediate {
namespace {

TEST(FixValues, AccountIdIsTwelveDigits) {
  EXPECT_TRUE(is_valid(ValueKind::kAccountId, "123456789012"));
  for (const char* bad : {"12345678901", "1234567890123", "12345678901a", "", "123456789012\n"}) {
    EXPECT_FALSE(is_valid(ValueKind::kAccountId, bad)) << bad;
  }
}

TEST(FixValues, RegionMatchesThePattern) {
  for (const char* good : {"us-east-1", "ap-northeast-1", "us-gov-west-1", "cn-north-1", "eu-central-2"}) {
    EXPECT_TRUE(is_valid(ValueKind::kRegion, good)) << good;
  }
  for (const char* bad : {"us-east-1$(touch /tmp/pwned)", "us-east", "US-EAST-1", "us-east-1 ", "useast1",
                          "us--east-1", "us-east-1\n", "global", ""}) {
    EXPECT_FALSE(is_valid(ValueKind::kRegion, bad)) << bad;
  }
}

TEST(FixValues, ArnGrammar) {
  EXPECT_TRUE(is_valid(ValueKind::kArn, "arn:aws:sns:us-east-1:666666666666:staging-alerts"));
  EXPECT_TRUE(is_valid(ValueKind::kArn, "arn:aws:logs:us-east-1:222222222222:log-group:prod/cloudtrail:*"));
  EXPECT_TRUE(is_valid(ValueKind::kArn, "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials"));
  for (const char* bad :
       {"arn:aws:sns:us-east-1:666666666666:topic\nrm -rf ~", "arn:aws:sns:us-east-1:6666:t",
        "arn:evil:sns:us-east-1:666666666666:t", "arn:aws:sns:us-east-1:666666666666:$(id)",
        "arn:aws:sns:us-east-1:666666666666:a'b", "arn:aws:sns:us-east-1:666666666666:`id`",
        "arn:aws:sns:us-east-1:666666666666:", "not-an-arn"}) {
    EXPECT_FALSE(is_valid(ValueKind::kArn, bad)) << bad;
  }
}

TEST(FixValues, OrganizationIds) {
  EXPECT_TRUE(is_valid(ValueKind::kTargetId, "r-ex01"));
  EXPECT_TRUE(is_valid(ValueKind::kTargetId, "ou-ex01-sand2222"));
  EXPECT_TRUE(is_valid(ValueKind::kTargetId, "333333333333"));
  EXPECT_FALSE(is_valid(ValueKind::kTargetId, "ou-ex01-sand2222;id"));
  EXPECT_FALSE(is_valid(ValueKind::kTargetId, "ou-ex01"));
  EXPECT_TRUE(is_valid(ValueKind::kPolicyId, "p-denyroot0001"));
  EXPECT_FALSE(is_valid(ValueKind::kPolicyId, "p-${x}"));
}

TEST(FixValues, AwsNames) {
  EXPECT_TRUE(is_valid(ValueKind::kTrailName, "batch-trail"));
  EXPECT_FALSE(is_valid(ValueKind::kTrailName, "batch trail"));
  EXPECT_FALSE(is_valid(ValueKind::kTrailName, "-trail"));
  EXPECT_TRUE(is_valid(ValueKind::kLogGroupName, "prod/cloudtrail"));
  EXPECT_TRUE(is_valid(ValueKind::kLogGroupName, "aws-cloudtrail-logs-1#x"));
  EXPECT_FALSE(is_valid(ValueKind::kLogGroupName, "prod/$(id)"));
  EXPECT_TRUE(is_valid(ValueKind::kTopicName, "staging-alerts"));
  EXPECT_TRUE(is_valid(ValueKind::kTopicName, "alerts.fifo"));
  EXPECT_FALSE(is_valid(ValueKind::kTopicName, "alerts.x"));
  EXPECT_TRUE(is_valid(ValueKind::kDetectorId, "d2222aaaa"));
  EXPECT_FALSE(is_valid(ValueKind::kDetectorId, "D2222"));
  EXPECT_TRUE(is_valid(ValueKind::kPartition, "aws-us-gov"));
  EXPECT_FALSE(is_valid(ValueKind::kPartition, "aws;id"));
}

TEST(FixValues, ReasonsSayWhatIsWrong) {
  EXPECT_EQ(invalid_reason(ValueKind::kAccountId, "12"), "must be exactly 12 digits");
  EXPECT_FALSE(invalid_reason(ValueKind::kRegion, "us-east-1").has_value());
}

TEST(FixValues, ShellQuoteIsOneInertWord) {
  EXPECT_EQ(shell_quote("us-east-1"), "'us-east-1'");
  EXPECT_EQ(shell_quote("a'b"), "'a'\\''b'");
  EXPECT_EQ(shell_quote("$(touch x) `id` ${HOME}"), "'$(touch x) `id` ${HOME}'");
}

TEST(FixValues, HclEscapesQuotesBackslashesTemplatesAndNewlines) {
  EXPECT_EQ(hcl_escape("a\"b\\c"), "a\\\"b\\\\c");
  EXPECT_EQ(hcl_escape("${path.module}"), "$${path.module}");
  EXPECT_EQ(hcl_escape("%{ if x }"), "%%{ if x }");
  EXPECT_EQ(hcl_escape("$x %d"), "$x %d"); // not template introducers
  EXPECT_EQ(hcl_escape("a\nb"), "a\\nb");
  EXPECT_EQ(hcl_string("x"), "\"x\"");
}

TEST(FixValues, MarkdownCannotOpenMarkupOrLines) {
  EXPECT_EQ(markdown_escape("a\n# b"), "a \\# b");
  EXPECT_EQ(markdown_escape("<img src=x>"), "&lt;img src=x&gt;");
  EXPECT_EQ(markdown_escape("[x](javascript:1) `c` |t|"), "\\[x\\](javascript:1) \\`c\\` \\|t\\|");
}

TEST(FixValues, CommentSafeIsOnePrintableLine) {
  EXPECT_EQ(comment_safe("a\nb\\"), "a\\x0ab\\x5c");
}

} // namespace
} // namespace rg::remediate
