// The mutelist's wildcards at their edges: empty text, stars at either end, runs of stars, `?` on
// multi-byte characters, and a pattern shaped to make naive backtracking exponential.
#include "mutelist/glob.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <string>

namespace rg::mutelist {
namespace {

TEST(MutelistGlob, ExactTextMatchesOnlyItself) {
  EXPECT_TRUE(glob_match("root-mfa", "root-mfa"));
  EXPECT_FALSE(glob_match("root-mfa", "root-mfa2"));
  EXPECT_FALSE(glob_match("root-mfa", "root-mf"));
  EXPECT_FALSE(glob_match("Root-MFA", "root-mfa")); // case-sensitive, as AWS ids are
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("", "x"));
}

TEST(MutelistGlob, StarMatchesAnyRunIncludingNoneAndSeparators) {
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("*", "anything at all"));
  EXPECT_TRUE(glob_match("root-*", "root-"));
  EXPECT_TRUE(glob_match("root-*", "root-hardware-mfa"));
  EXPECT_TRUE(glob_match("*-mfa", "root-hardware-mfa"));
  EXPECT_TRUE(glob_match("arn:aws:iam::*:root", "arn:aws:iam::123456789012:root"));
  EXPECT_TRUE(glob_match("arn:*/finding/*", "arn:aws:guardduty:us-east-1:1:detector/d/finding/f"));
  EXPECT_TRUE(glob_match("a**b", "ab"));
  EXPECT_TRUE(glob_match("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXbYbZ"));
  EXPECT_FALSE(glob_match("root-*", "roo"));
}

TEST(MutelistGlob, QuestionMarkIsExactlyOneCharacter) {
  EXPECT_TRUE(glob_match("us-east-?", "us-east-1"));
  EXPECT_FALSE(glob_match("us-east-?", "us-east-"));
  EXPECT_FALSE(glob_match("us-east-?", "us-east-12"));
  EXPECT_TRUE(glob_match("44444444444?", "444444444444"));
  // One code point, not one byte: "ルート" is three characters of three bytes each.
  EXPECT_TRUE(glob_match("???", "ルート"));
  EXPECT_FALSE(glob_match("??", "ルート"));
  EXPECT_TRUE(glob_match("ル?ト", "ルート"));
  EXPECT_TRUE(glob_match("*ト", "ルート"));
}

TEST(MutelistGlob, StrayBytesStillAdvance) {
  EXPECT_TRUE(glob_match("?", "\xff"));
  EXPECT_TRUE(glob_match("a?b", "a\x80\x80\x80\x80\x80\x80\x80\x80"
                                "b")); // continuation bytes are one stray character with their lead
  EXPECT_TRUE(glob_match("*", "\xc3"));
}

TEST(MutelistGlob, AdversarialPatternStaysFast) {
  const std::string text(4000, 'a');
  std::string pattern;
  for (int i = 0; i < 500; ++i) {
    pattern += "a*";
  }
  pattern += "b";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(glob_match(pattern, text));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

} // namespace
} // namespace rg::mutelist
