// Reading a mutelist: what a valid file gives, and that every mistake is an error naming the line.
#include "mutelist/mutelist.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

namespace rg::mutelist {
namespace {

using ::testing::HasSubstr;

Mutelist parse_ok(const std::string& text) {
  auto result = parse_mutelist(text, "m.yaml");
  EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().describe());
  return result ? std::move(*result) : Mutelist{};
}

// The problem's text, "m.yaml: line 3, column 5: ...", for a file that must be refused.
std::string refused(const std::string& text) {
  const auto result = parse_mutelist(text, "m.yaml");
  EXPECT_FALSE(result.has_value()) << "accepted:\n" << text;
  return result ? std::string() : result.error().describe();
}

const std::string kHead = "version: 1\nmutes:\n";

TEST(MutelistFile, ReadsEveryField) {
  const auto list = parse_ok(kHead + R"(  - account: "123456789012"
    control: root-hardware-mfa
    region: global
    resource: arn:aws:iam::123456789012:root
    reason: Hardware key on order
    expires: 2027-03-31
    owner: secops@example.com
    ticket: SEC-42
  - finding_id: 0123456789abcdef0123456789abcdef
    reason: Known
    expires: 2026-12-31
)");
  ASSERT_EQ(list.entries.size(), 2U);
  const auto& first = list.entries[0];
  EXPECT_EQ(first.line, 3U);
  EXPECT_EQ(first.account, "123456789012");
  EXPECT_EQ(first.rule, "root-hardware-mfa");
  EXPECT_EQ(first.region, "global");
  EXPECT_EQ(first.resource, "arn:aws:iam::123456789012:root");
  EXPECT_EQ(format_date(first.expires), "2027-03-31");
  EXPECT_EQ(first.mute->entry, "m.yaml:3");
  EXPECT_EQ(first.mute->reason, "Hardware key on order");
  EXPECT_EQ(first.mute->owner, "secops@example.com");
  EXPECT_EQ(first.mute->ticket, "SEC-42");
  EXPECT_EQ(list.entries[1].finding_id, "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(list.entries[1].mute->entry, "m.yaml:11");
  EXPECT_TRUE(list.entries[1].mute->owner.empty());
}

TEST(MutelistFile, DetectionIdsAndPatterns) {
  const auto list = parse_ok(kHead + R"(  - detection: root-console-signin-success
    account: "0000000000??"
    reason: r
    expires: 2026-12-31
  - control: "root-*"
    reason: r
    expires: 2026-12-31
)");
  ASSERT_EQ(list.entries.size(), 2U);
  EXPECT_EQ(list.entries[0].rule, "root-console-signin-success");
  EXPECT_EQ(list.entries[0].account, "0000000000??");
  EXPECT_EQ(list.entries[1].rule, "root-*");
}

TEST(MutelistFile, UnquotedAccountKeepsLeadingZeros) {
  const auto list = parse_ok(kHead + "  - account: 012345678901\n    control: root-mfa\n    reason: r\n"
                                     "    expires: 2026-12-31\n");
  ASSERT_EQ(list.entries.size(), 1U);
  EXPECT_EQ(list.entries[0].account, "012345678901");
}

TEST(MutelistFile, EmptyListIsValid) {
  EXPECT_TRUE(parse_ok("version: 1\nmutes: []\n").entries.empty());
  EXPECT_TRUE(parse_ok("version: 1\nmutes:\n").entries.empty());
}

TEST(MutelistFile, MissingReasonOrExpiryIsRefused) {
  EXPECT_EQ(refused(kHead + "  - control: root-mfa\n    expires: 2026-12-31\n"),
            "m.yaml: line 3, column 5: this entry has no 'reason': say why the exception is accepted");
  EXPECT_EQ(
      refused(kHead + "  - control: root-mfa\n    reason: r\n"),
      "m.yaml: line 3, column 5: this entry has no 'expires' date (YYYY-MM-DD): every exception must end");
  EXPECT_THAT(refused(kHead + "  - control: root-mfa\n    reason: \"  \"\n    expires: 2026-12-31\n"),
              HasSubstr("line 4, column 13: 'reason' is empty"));
}

TEST(MutelistFile, AnEntryThatWouldMuteEverythingIsRefused) {
  EXPECT_THAT(refused(kHead + "  - account: \"123456789012\"\n    reason: r\n    expires: 2026-12-31\n"),
              HasSubstr("names no 'control', 'detection' or 'finding_id'"));
}

TEST(MutelistFile, BadDatesAreRefused) {
  for (const char* date : {"2026-02-30", "2026-13-01", "26-01-01", "2026-1-01", "tomorrow",
                           "2026-01-01T00:00:00Z", "\"\"", "20260101"}) {
    const auto text = refused(kHead + "  - control: root-mfa\n    reason: r\n    expires: " + date + "\n");
    EXPECT_THAT(text, HasSubstr("line 5, column 14: 'expires' must be a date as YYYY-MM-DD"))
        << date << ": " << text;
  }
  EXPECT_TRUE(parse_date("2028-02-29").has_value()); // a leap day
  EXPECT_FALSE(parse_date("2027-02-29").has_value());
}

TEST(MutelistFile, BadAccountIdsAreRefused) {
  for (const char* account : {"12345678901", "1234567890123", "12345678901a", "abc", "\"*1234567890123\"",
                              "arn:aws:iam::123456789012:root"}) {
    const auto text = refused(kHead + "  - account: " + account +
                              "\n    control: root-mfa\n    reason: r\n    expires: 2026-12-31\n");
    EXPECT_THAT(text, HasSubstr("line 3, column 14: 'account' must be a 12-digit AWS account id"))
        << account << ": " << text;
  }
}

TEST(MutelistFile, BadFindingIdsAreRefused) {
  for (const char* id : {"0123", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdeg"}) {
    const auto text = refused(kHead + "  - finding_id: " + id + "\n    reason: r\n    expires: 2026-12-31\n");
    EXPECT_THAT(text, HasSubstr("line 3, column 17: 'finding_id' must be 32 lowercase hex digits"))
        << id << ": " << text;
  }
}

TEST(MutelistFile, UnknownControlIdIsRefusedButAPatternIsNot) {
  EXPECT_THAT(refused(kHead + "  - control: root-mfaa\n    reason: r\n    expires: 2026-12-31\n"),
              HasSubstr("line 3, column 14: unknown control or detection id 'root-mfaa'"));
  parse_ok(kHead + "  - control: no-such-*\n    reason: r\n    expires: 2026-12-31\n");
}

TEST(MutelistFile, UnknownAndRepeatedKeysAreRefused) {
  EXPECT_THAT(
      refused(kHead + "  - control: root-mfa\n    reson: r\n    reason: r\n    expires: 2026-12-31\n"),
      HasSubstr("line 4, column 5: unknown key 'reson'"));
  EXPECT_THAT(
      refused(kHead + "  - control: root-mfa\n    reason: r\n    reason: s\n    expires: 2026-12-31\n"),
      HasSubstr("line 5, column 5: 'reason' is given twice"));
  EXPECT_THAT(refused(kHead + "  - control: root-mfa\n    detection: root-activity-cis\n    reason: r\n"
                              "    expires: 2026-12-31\n"),
              HasSubstr("give 'control' or 'detection', not both"));
  EXPECT_THAT(refused("version: 1\nmute: []\n"), HasSubstr("line 2, column 1: unknown key 'mute'"));
}

TEST(MutelistFile, WrongTypesAreRefused) {
  EXPECT_THAT(refused(kHead + "  - control: [root-mfa]\n    reason: r\n    expires: 2026-12-31\n"),
              HasSubstr("line 3, column 14: 'control' must be text"));
  EXPECT_THAT(refused(kHead + "  - control: root-mfa\n    reason: {a: b}\n    expires: 2026-12-31\n"),
              HasSubstr("line 4, column 13: 'reason' must be text"));
  EXPECT_THAT(refused(kHead + "  - control: root-mfa\n    reason:\n    expires: 2026-12-31\n"),
              HasSubstr("line 4, column 5: 'reason' has no value"));
  EXPECT_THAT(refused(kHead + "  - just a string\n"),
              HasSubstr("line 3, column 5: each entry of 'mutes' must be a map"));
  EXPECT_THAT(refused("version: 1\nmutes: {a: b}\n"), HasSubstr("line 2, column 8: 'mutes' must be a list"));
  EXPECT_THAT(refused("- a\n- b\n"), HasSubstr("line 1, column 1: a mutelist is a map"));
  EXPECT_THAT(refused("version: 2\nmutes: []\n"), HasSubstr("line 1, column 10: 'version' must be 1"));
  EXPECT_THAT(refused("mutes: []\n"), HasSubstr("no 'version: 1'"));
  EXPECT_THAT(refused("version: 1\n"), HasSubstr("no 'mutes' list"));
  EXPECT_EQ(refused(""),
            "m.yaml: a mutelist is a map with 'version: 1' and a 'mutes' list (see docs/mutelist.md)");
  EXPECT_THAT(refused(kHead + "  - {? [a]: b}\n"), HasSubstr("'key' must be text"));
}

TEST(MutelistFile, SyntaxErrorsNameTheLine) {
  const auto text = refused(kHead + "  - control: [root-mfa\n    reason: r\n");
  EXPECT_THAT(text, HasSubstr("m.yaml: line ")) << text;
  EXPECT_THAT(text, HasSubstr("not valid YAML")) << text;
  const auto tabs = refused(kHead + "  - control: root-mfa\n\t reason: r\n");
  EXPECT_THAT(tabs, HasSubstr("m.yaml: line 4")) << tabs;
}

TEST(MutelistFile, LoadReportsAMissingFile) {
  const auto result = load_mutelist("/nonexistent/mutelist.yaml");
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(result.error().describe(), HasSubstr("/nonexistent/mutelist.yaml"));
}

} // namespace
} // namespace rg::mutelist
