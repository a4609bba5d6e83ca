// The access token: long enough, random, hex, and compared without an early exit.
#include "dashboard/token.hpp"

#include <gtest/gtest.h>
#include <set>

namespace rg::dashboard {
namespace {

TEST(DashboardToken, Is256BitsOfHex) {
  const auto token = new_token();
  ASSERT_EQ(token.size(), 64U); // 32 bytes: well above the 128 bits a guess must beat
  for (const char c : token) {
    EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << token;
  }
}

TEST(DashboardToken, DiffersEachTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    seen.insert(new_token());
  }
  EXPECT_EQ(seen.size(), 50U);
}

TEST(DashboardToken, MatchesOnlyTheSameToken) {
  const auto token = new_token();
  EXPECT_TRUE(token_matches(token, token));
  auto other = token;
  other.back() = other.back() == '0' ? '1' : '0';
  EXPECT_FALSE(token_matches(other, token));
  other = token;
  other.front() = other.front() == '0' ? '1' : '0';
  EXPECT_FALSE(token_matches(other, token));
  EXPECT_FALSE(token_matches(token.substr(0, 63), token));
  EXPECT_FALSE(token_matches(token + "0", token));
  EXPECT_FALSE(token_matches("", token));
  EXPECT_FALSE(token_matches("", "")); // no token configured never lets anyone in
}

} // namespace
} // namespace rg::dashboard
