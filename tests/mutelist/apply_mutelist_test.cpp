// Muting findings: one test per matching rule, expiry judged on an injected day, stale and expired
// entries in the review, first match wins, the critical-finding limit, and the summary's counts.
#include "controls/control.hpp"
#include "detections/catalog.hpp"
#include "mutelist/apply_mutelist.hpp"
#include "util/fatal_error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

namespace rg::mutelist {
namespace {

using ::testing::HasSubstr;

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year{2026}, month{6}, day{15}};

const RuleMetadata& rule(std::string_view id) {
  if (const auto* control = controls::find_control(id)) {
    return control->rule;
  }
  return detections::find_detection(id)->metadata;
}

Finding finding(std::string_view rule_id, std::string account, std::string region, std::string resource,
                Status status = Status::kFail) {
  Finding out;
  out.rule = &rule(rule_id);
  out.account_id = std::move(account);
  out.region = std::move(region);
  out.resource = std::move(resource);
  out.status = status;
  return out;
}

Finding root_mfa(std::string account = "111111111111") {
  return finding("root-mfa", account, "global", "arn:aws:iam::" + account + ":root");
}

Mutelist list(const std::string& entries) {
  auto parsed = parse_mutelist("version: 1\nmutes:\n" + entries, "m.yaml");
  EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().describe());
  return parsed ? std::move(*parsed) : Mutelist{};
}

std::string entry(const std::string& matchers, const std::string& expires = "2026-12-31") {
  return "  - " + matchers + "\n    reason: accepted\n    expires: " + expires + "\n";
}

bool mutes(const std::string& matchers, const Finding& target) {
  const auto mutelist = list(entry(matchers));
  Muter muter(mutelist, kToday);
  return muter.mute(target) != nullptr;
}

TEST(MutelistMatch, ByControl) {
  EXPECT_TRUE(mutes("control: root-mfa", root_mfa()));
  EXPECT_FALSE(mutes("control: root-hardware-mfa", root_mfa()));
  EXPECT_TRUE(mutes("control: root-*", root_mfa()));
  EXPECT_FALSE(mutes("control: guardduty-*", root_mfa()));
}

TEST(MutelistMatch, ByDetection) {
  const auto event =
      finding("root-console-signin-success", "111111111111", "us-east-1", "arn:aws:iam::111111111111:root");
  EXPECT_TRUE(mutes("detection: root-console-signin-success", event));
  EXPECT_FALSE(mutes("detection: root-console-signin-failure", event));
}

TEST(MutelistMatch, ByAccount) {
  EXPECT_TRUE(mutes("control: root-mfa\n    account: \"111111111111\"", root_mfa()));
  EXPECT_FALSE(mutes("control: root-mfa\n    account: \"222222222222\"", root_mfa()));
  EXPECT_TRUE(mutes("control: root-mfa\n    account: \"1111*\"", root_mfa()));
  EXPECT_TRUE(mutes("control: root-mfa\n    account: \"11111111111?\"", root_mfa()));
  EXPECT_FALSE(mutes("control: root-mfa\n    account: \"1111111111?\"", root_mfa()));
}

TEST(MutelistMatch, ByRegion) {
  const auto detector = finding("guardduty-enabled", "111111111111", "us-east-1",
                                "arn:aws:guardduty:us-east-1:111111111111:detector/d1");
  EXPECT_TRUE(mutes("control: guardduty-enabled\n    region: us-east-1", detector));
  EXPECT_TRUE(mutes("control: guardduty-enabled\n    region: us-*", detector));
  EXPECT_FALSE(mutes("control: guardduty-enabled\n    region: ap-northeast-1", detector));
  EXPECT_FALSE(mutes("control: guardduty-enabled\n    region: us-east", detector)); // no prefix match
}

TEST(MutelistMatch, ByResource) {
  EXPECT_TRUE(mutes("control: root-mfa\n    resource: arn:aws:iam::111111111111:root", root_mfa()));
  EXPECT_TRUE(mutes("control: root-mfa\n    resource: \"arn:aws:iam::*:root\"", root_mfa()));
  EXPECT_FALSE(mutes("control: root-mfa\n    resource: arn:aws:iam::111111111111:user/x", root_mfa()));
}

TEST(MutelistMatch, ByFindingId) {
  const auto target = root_mfa();
  EXPECT_TRUE(mutes("finding_id: " + target.finding_id(), target));
  EXPECT_FALSE(mutes("finding_id: " + root_mfa("222222222222").finding_id(), target));
  // A finding id and a control together: both must match.
  EXPECT_FALSE(mutes("finding_id: " + target.finding_id() + "\n    control: root-hardware-mfa", target));
}

TEST(MutelistMatch, EveryGivenFieldMustMatch) {
  EXPECT_FALSE(mutes("control: root-mfa\n    account: \"111111111111\"\n    region: us-east-1", root_mfa()));
  EXPECT_TRUE(mutes("control: root-mfa\n    account: \"111111111111\"\n    region: global", root_mfa()));
}

TEST(MutelistExpiry, MutesThroughTheExpiryDayAndNotAfter) {
  const auto target = root_mfa();
  for (const auto& [expires, muted] : std::vector<std::pair<std::string, bool>>{
           {"2026-06-14", false}, {"2026-06-15", true}, {"2026-06-16", true}, {"2025-12-31", false}}) {
    const auto mutelist = list(entry("control: root-mfa", expires));
    Muter muter(mutelist, kToday);
    EXPECT_EQ(muter.mute(target) != nullptr, muted) << expires;
  }
}

TEST(MutelistExpiry, ExpiredEntriesAreReportedWithWhatTheyNoLongerMute) {
  const auto mutelist = list(entry("control: root-mfa", "2026-01-31") + entry("control: root-signing-certs"));
  report::Report report;
  report.findings = {root_mfa(), root_mfa("222222222222")};
  apply_mutelist(mutelist, kToday, report);
  EXPECT_FALSE(report.findings[0].muted());
  EXPECT_FALSE(report.findings[1].muted());
  ASSERT_TRUE(report.mutelist.has_value());
  EXPECT_EQ(report.mutelist->today, "2026-06-15");
  ASSERT_EQ(report.mutelist->entries.size(), 2U);
  EXPECT_EQ(report.mutelist->entries[0].state, report::MuteEntryState::kExpired);
  EXPECT_EQ(report.mutelist->entries[0].matched, 2U);
  EXPECT_EQ(report.mutelist->entries[1].state, report::MuteEntryState::kStale);
  EXPECT_EQ(report.mutelist->expired(), 1U);
  EXPECT_EQ(report.mutelist->stale(), 1U);
  EXPECT_EQ(report::summarize(report).unmuted_fail(), 2U);
}

TEST(MutelistExpiry, AnExpiredEntryHandsOverToALaterOne) {
  const auto mutelist = list(entry("control: root-mfa", "2026-01-31") + entry("control: root-*"));
  Muter muter(mutelist, kToday);
  const auto mute = muter.mute(root_mfa());
  ASSERT_NE(mute, nullptr);
  EXPECT_EQ(mute->entry, "m.yaml:6");
}

TEST(MutelistStale, AnEntryIsStaleOnlyWhenItMatchedNothing) {
  // The second entry never mutes (the first wins) but it matches, so it is active, not stale.
  const auto mutelist =
      list(entry("control: root-mfa") + entry("control: root-*") + entry("control: guardduty-*"));
  report::Report report;
  report.findings = {root_mfa()};
  apply_mutelist(mutelist, kToday, report);
  ASSERT_TRUE(report.findings[0].muted());
  EXPECT_EQ(report.findings[0].muted_by->entry, "m.yaml:3");
  EXPECT_EQ(report.mutelist->entries[0].state, report::MuteEntryState::kActive);
  EXPECT_EQ(report.mutelist->entries[1].state, report::MuteEntryState::kActive);
  EXPECT_EQ(report.mutelist->entries[2].state, report::MuteEntryState::kStale);
}

TEST(MutelistApply, AMutedFindingKeepsItsStatusAndCountsApart) {
  const auto mutelist = list(entry("control: root-mfa\n    account: \"111111111111\""));
  report::Report report;
  auto pass = root_mfa();
  pass.status = Status::kPass;
  pass.account_id = "111111111111";
  pass.resource = "arn:aws:iam::111111111111:root2";
  report.findings = {root_mfa(), root_mfa("222222222222"), pass};
  apply_mutelist(mutelist, kToday, report);
  EXPECT_EQ(report.findings[0].status, Status::kFail);
  EXPECT_TRUE(report.findings[0].muted());
  EXPECT_EQ(report.findings[0].muted_by->reason, "accepted");
  EXPECT_FALSE(report.findings[1].muted());
  EXPECT_TRUE(report.findings[2].muted());
  const auto summary = report::summarize(report);
  EXPECT_EQ(summary.fail, 2U);
  EXPECT_EQ(summary.muted, 2U);
  EXPECT_EQ(summary.fail_muted, 1U);
  EXPECT_EQ(summary.unmuted_fail(), 1U);
}

TEST(MutelistCritical, ACriticalFindingMayBeMutedForAYearAtMost) {
  // root-mfa is critical: 366 days from 2026-06-15 is 2027-06-16.
  {
    const auto mutelist = list(entry("control: root-mfa", "2027-06-16"));
    Muter muter(mutelist, kToday);
    EXPECT_NE(muter.mute(root_mfa()), nullptr);
  }
  const auto mutelist = list(entry("control: root-mfa", "2027-06-17"));
  Muter muter(mutelist, kToday);
  try {
    (void)muter.mute(root_mfa());
    FAIL() << "a critical finding was muted for more than a year";
  } catch (const FatalError& error) {
    EXPECT_EQ(error.code(), ExitCode::kUsage);
    EXPECT_THAT(std::string(error.what()),
                HasSubstr("m.yaml:3: this entry would mute the critical finding root-mfa"))
        << error.what();
  }
  // Not critical (root-signing-certs is medium): any future date is accepted.
  const auto medium = list(entry("control: root-signing-certs", "2099-01-01"));
  Muter lenient(medium, kToday);
  EXPECT_NE(
      lenient.mute(finding("root-signing-certs", "111111111111", "global", "arn:aws:iam::111111111111:root")),
      nullptr);
}

TEST(MutelistCritical, AnExpiredEntryIsNeverRefused) {
  const auto mutelist = list(entry("control: root-mfa", "2020-01-01"));
  Muter muter(mutelist, kToday);
  EXPECT_EQ(muter.mute(root_mfa()), nullptr);
}

} // namespace
} // namespace rg::mutelist
