#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace rg {
namespace {

TEST(Strings, SplitKeepsEmptyFields) {
  const auto parts = split("a,,b,", ',');
  ASSERT_EQ(parts.size(), 4U);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(parts[3], "");
}

TEST(Strings, SubstituteReplacesKnownNamesOnly) {
  EXPECT_EQ(substitute("aws iam x --account ${ACCOUNT_ID} ${OTHER}", {{"ACCOUNT_ID", "111122223333"}}),
            "aws iam x --account 111122223333 ${OTHER}");
  EXPECT_EQ(substitute("${", {}), "${");
}

TEST(Strings, CaseInsensitiveEquality) {
  EXPECT_TRUE(iequals("TRUE", "true"));
  EXPECT_FALSE(iequals("true", "tru"));
  EXPECT_EQ(trim("  x \r\n"), "x");
}

} // namespace
} // namespace rg
