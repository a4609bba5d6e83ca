#include "snapshot/credential_report_parser.hpp"

#include <chrono>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace rg::snapshot {
namespace {

TEST(CredentialReportParser, ReadsByHeaderNameWhateverTheOrder) {
  const auto report = parse_credential_report_csv(
      "mfa_active,user,password_last_used\nTRUE,<root_account>,2026-01-01T00:00:00+00:00\n", "r.csv");
  ASSERT_TRUE(report);
  const auto* root = report->root();
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->cell("mfa_active"), "TRUE");
  EXPECT_EQ(root->cell("password_last_used"), "2026-01-01T00:00:00+00:00");
  EXPECT_FALSE(root->cell("cert_1_active")); // a column the report lacks is absent, not empty
}

TEST(CredentialReportParser, HandlesCrlfQuotesAndBom) {
  const auto report = parse_credential_report_csv("\xEF\xBB\xBFuser,arn,note\r\n\"<root_account>\",arn:aws:"
                                                  "iam::1:root,\"a, \"\"quoted\"\"\r\nvalue\"\r\n",
                                                  "r.csv");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->rows.size(), 1U);
  EXPECT_EQ(report->rows[0].user(), "<root_account>");
  EXPECT_EQ(report->rows[0].cell("note"), "a, \"quoted\"\r\nvalue");
  EXPECT_TRUE(report->problems.empty());
}

TEST(CredentialReportParser, ShortRowKeepsWhatItHasAndNamesTheLine) {
  const auto report =
      parse_credential_report_csv("user,arn,mfa_active\nalice,arn:a\n<root_account>,arn:r,true\n",
                                  "accounts/1/iam/credential-report.csv");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->rows.size(), 1U); // only root is kept; alice is counted
  EXPECT_EQ(report->user_rows, 1U);
  ASSERT_EQ(report->problems.size(), 1U);
  EXPECT_EQ(report->problems[0].file, "accounts/1/iam/credential-report.csv");
  EXPECT_EQ(report->problems[0].where, "line 2");
  EXPECT_NE(report->problems[0].message.find("2 cells, header has 3"), std::string::npos);
  ASSERT_NE(report->root(), nullptr);
  EXPECT_EQ(report->root()->cell("mfa_active"), "true");
}

TEST(CredentialReportParser, SecondRootRowIsReportedNotSilentlyDropped) {
  const auto report = parse_credential_report_csv(
      "user,arn,mfa_active\n<root_account>,arn:r,true\n<root_account>,arn:r,false\n", "r.csv");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->problems.size(), 1U);
  EXPECT_EQ(report->problems[0].kind, ProblemKind::kUnreadable);
  EXPECT_EQ(report->problems[0].where, "line 3");
  EXPECT_NE(report->problems[0].message.find("line 2"), std::string::npos);
}

// Found by the credential_report fuzzer: every extra root row added a problem, without the cap other bad
// rows have. 1,000 of them give 50 listed and one line counting the rest.
TEST(CredentialReportParser, ExtraRootRowsAreCappedThenCounted) {
  std::string csv = "user,arn,mfa_active\n<root_account>,arn:r,true\n";
  for (int i = 0; i < 1000; ++i) {
    csv += "<root_account>,arn:r,false\n";
  }
  const auto report = parse_credential_report_csv(csv, "r.csv");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->problems.size(), 51U);
  EXPECT_EQ(report->problems.back().message, "950 more <root_account> rows after the first");
  EXPECT_EQ(report->root()->cell("mfa_active"), "true");
}

TEST(CredentialReportParser, AMillionRowsStayFastAndSmall) {
  // Issue 10: a 1M-row report took 64 s and 5.7 GB when every row was kept as a map.
  std::string csv = "user,arn,user_creation_time,password_enabled,mfa_active,access_key_1_active\n";
  csv.reserve(size_t{60} << 20);
  for (int i = 0; i < 1000000; ++i) {
    csv += fmt::format(
        "user{},arn:aws:iam::123456789012:user/user{},2026-01-01T00:00:00+00:00,true,false,true\n", i, i);
  }
  csv += "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,true,false\n";
  const auto start = std::chrono::steady_clock::now();
  const auto report = parse_credential_report_csv(csv, "big.csv");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->user_rows, 1000000U);
  ASSERT_NE(report->root(), nullptr);
  EXPECT_LT(seconds, 20.0); // about 1 s in a release build; generous for sanitizers and a loaded machine
}

TEST(CredentialReportParser, ExtraCellsAreIgnoredAndNoted) {
  const auto report = parse_credential_report_csv("user,arn\n<root_account>,arn:r,surprise\n", "r.csv");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->problems.size(), 1U);
  EXPECT_EQ(report->root()->cells.size(), 2U);
}

TEST(CredentialReportParser, ExtraColumnsInTheHeaderAreFine) {
  const auto report = parse_credential_report_csv("user,arn,a_new_column\n<root_account>,arn:r,x\n", "r.csv");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->root()->cell("a_new_column"), "x");
}

TEST(CredentialReportParser, UnterminatedQuoteIsAnError) {
  const auto report = parse_credential_report_csv("user,arn\n<root_account>,\"arn:r\n", "r.csv");
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().where, "line 2");
}

TEST(CredentialReportParser, NotACredentialReport) {
  EXPECT_FALSE(parse_credential_report_csv("", "r.csv"));
  EXPECT_FALSE(parse_credential_report_csv("name,value\nx,y\n", "r.csv"));
  EXPECT_FALSE(parse_credential_report_csv(std::string("\0\x01\x02", 3), "r.csv"));
}

TEST(CredentialReportParser, MissingTrailingNewline) {
  const auto report = parse_credential_report_csv("user,arn\n<root_account>,arn:r", "r.csv");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->root()->cell("arn"), "arn:r");
}

} // namespace
} // namespace rg::snapshot
