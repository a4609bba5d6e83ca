// Statuses and severities as people read them: Security Hub's Japanese console words; English keeps the
// machine values.
#include "findings/severity.hpp"

#include <gtest/gtest.h>

namespace rg {
namespace {

TEST(DisplayNames, JapaneseSeveritiesAreSecurityHubs) {
  EXPECT_EQ(display_name(Severity::kCritical, Lang::kJa), "重大");
  EXPECT_EQ(display_name(Severity::kHigh, Lang::kJa), "高");
  EXPECT_EQ(display_name(Severity::kMedium, Lang::kJa), "中");
  EXPECT_EQ(display_name(Severity::kLow, Lang::kJa), "低");
  EXPECT_EQ(display_name(Severity::kInformational, Lang::kJa), "情報");
}

TEST(DisplayNames, JapaneseStatuses) {
  EXPECT_EQ(display_name(Status::kFail, Lang::kJa), "失敗");
  EXPECT_EQ(display_name(Status::kPass, Lang::kJa), "成功");
  EXPECT_EQ(display_name(Status::kUnknown, Lang::kJa), "不明");
  EXPECT_EQ(display_name(Status::kNotApplicable, Lang::kJa), "該当なし");
}

// Decision 0028: the machine value is NOT_APPLICABLE; people read N/A, which fits the table's column.
TEST(DisplayNames, NotApplicableReadsAsNA) {
  EXPECT_EQ(to_string(Status::kNotApplicable), "NOT_APPLICABLE");
  EXPECT_EQ(display_name(Status::kNotApplicable, Lang::kEn), "N/A");
  EXPECT_EQ(parse_status("not_applicable"), Status::kNotApplicable);
  EXPECT_EQ(parse_status("N/A"), Status::kNotApplicable);
  EXPECT_EQ(parse_status("NA"), std::nullopt);
}

TEST(DisplayNames, EnglishIsTheMachineValue) {
  for (const auto severity :
       {Severity::kInformational, Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kCritical}) {
    EXPECT_EQ(display_name(severity, Lang::kEn), to_string(severity));
  }
  for (const auto status : {Status::kPass, Status::kFail, Status::kUnknown}) {
    EXPECT_EQ(display_name(status, Lang::kEn), to_string(status));
  }
}

} // namespace
} // namespace rg
