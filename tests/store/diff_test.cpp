// Every kind of change between two runs, and what counts as a new FAIL (exit code 3 of diff).
#include "store/diff.hpp"
#include "store/render.hpp"
#include "store_fixtures.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rg::store {
namespace {

using testing::finding;
using testing::muted;

std::vector<std::pair<ChangeKind, std::string>> kinds(const Diff& diff) {
  std::vector<std::pair<ChangeKind, std::string>> out;
  for (const auto& change : diff.changes) {
    out.emplace_back(change.kind, change.current().finding_id);
  }
  return out;
}

TEST(StoreDiff, EveryKindOfChange) {
  const auto a = testing::run("2026-11-01T00:00:00Z", "2026-11-01");
  const auto b = testing::run("2026-12-01T00:00:00Z", "2026-12-01");
  const std::vector<FindingRecord> before{
      finding("same", "FAIL"),
      finding("gone", "FAIL"),
      finding("fixed", "FAIL"),
      finding("regressed", "PASS"),
      finding("rescored", "FAIL", "medium"),
      finding("accepted", "FAIL"),
      muted(finding("expired", "FAIL"), "2026-11-15"),
      muted(finding("lifted", "FAIL"), "2027-06-30"),
  };
  const std::vector<FindingRecord> after{
      finding("same", "FAIL"),
      finding("fixed", "PASS"),
      finding("regressed", "FAIL"),
      finding("rescored", "FAIL", "critical"),
      muted(finding("accepted", "FAIL")),
      finding("expired", "FAIL"),
      finding("lifted", "FAIL"),
      finding("appeared", "FAIL"),
      finding("appeared-pass", "PASS"),
  };
  const auto diff = compute_diff(a, before, b, after);
  using K = ChangeKind;
  const std::vector<std::pair<ChangeKind, std::string>> expected{
      {K::kNew, "appeared"},        {K::kNew, "appeared-pass"},   {K::kResolved, "gone"},
      {K::kStatus, "fixed"},        {K::kStatus, "regressed"},    {K::kSeverity, "rescored"},
      {K::kNewlyMuted, "accepted"}, {K::kMuteExpired, "expired"}, {K::kMuteLifted, "lifted"},
  };
  EXPECT_EQ(kinds(diff), expected);
  // appeared, regressed, expired and lifted are unmuted FAILs that were not before.
  EXPECT_EQ(diff.new_fails, 4U);
  EXPECT_EQ(diff.count(K::kNew), 2U);
  EXPECT_EQ(diff.changes[3].before.status, "FAIL");
  EXPECT_EQ(diff.changes[3].after.status, "PASS");
}

TEST(StoreDiff, StatusAndSeverityOfOneFinding) {
  const auto diff = compute_diff(testing::run(), {finding("x", "PASS", "low")}, testing::run(),
                                 {finding("x", "FAIL", "high")});
  ASSERT_EQ(diff.changes.size(), 2U);
  EXPECT_EQ(diff.changes[0].kind, ChangeKind::kStatus);
  EXPECT_EQ(diff.changes[1].kind, ChangeKind::kSeverity);
  EXPECT_EQ(diff.new_fails, 1U);
}

// Decision 0028: a FAIL that stops applying (the account's partition lacks the control) was not fixed, so
// it is its own kind of change, never a silent "status changed" to read as a fix; N/A -> FAIL is a plain
// status change and a new FAIL.
TEST(StoreDiff, BecomingNotApplicableIsItsOwnChange) {
  const auto diff = compute_diff(testing::run(), {finding("gov", "FAIL"), finding("back", "NOT_APPLICABLE")},
                                 testing::run(), {finding("gov", "NOT_APPLICABLE"), finding("back", "FAIL")});
  using K = ChangeKind;
  const std::vector<std::pair<ChangeKind, std::string>> expected{{K::kStatus, "back"},
                                                                 {K::kNotApplicable, "gov"}};
  EXPECT_EQ(kinds(diff), expected);
  EXPECT_EQ(diff.new_fails, 1U);
  EXPECT_EQ(to_string(K::kNotApplicable), "not-applicable");
  EXPECT_THAT(render_diff_table(diff, Lang::kEn), ::testing::HasSubstr("now not applicable"));
  EXPECT_THAT(render_diff_table(diff, Lang::kEn), ::testing::HasSubstr("FAIL → NOT_APPLICABLE"));
  EXPECT_THAT(render_diff_table(diff, Lang::kJa), ::testing::HasSubstr("該当なしに変化"));
  EXPECT_THAT(render_diff_json(diff), ::testing::HasSubstr("\"not-applicable\": 1"));
}

TEST(StoreDiff, NothingChanged) {
  const std::vector<FindingRecord> same{finding("a", "FAIL"), muted(finding("b", "FAIL"))};
  const auto diff = compute_diff(testing::run(), same, testing::run(), same);
  EXPECT_TRUE(diff.changes.empty());
  EXPECT_EQ(diff.new_fails, 0U);
  EXPECT_THAT(render_diff_table(diff, Lang::kEn), ::testing::HasSubstr("No changes."));
  EXPECT_THAT(render_diff_table(diff, Lang::kJa), ::testing::HasSubstr("変化はありません。"));
}

TEST(StoreDiff, NewMutedFailIsNotANewFail) {
  const auto diff = compute_diff(testing::run(), {}, testing::run(), {muted(finding("m", "FAIL"))});
  EXPECT_EQ(diff.count(ChangeKind::kNew), 1U);
  EXPECT_EQ(diff.new_fails, 0U);
}

TEST(StoreDiff, MarkdownEscapesHostileValues) {
  auto hostile = finding("h", "FAIL");
  hostile.resource = "x | <img src=x onerror=alert(1)> [link](http://evil.example) # `code` \n## heading";
  const auto diff = compute_diff(testing::run(), {}, testing::run(), {hostile});
  const auto markdown = render_diff_markdown(diff, Lang::kEn);
  EXPECT_THAT(markdown, ::testing::Not(::testing::HasSubstr("<img")));
  EXPECT_THAT(markdown, ::testing::Not(::testing::HasSubstr("](")));
  EXPECT_THAT(markdown, ::testing::Not(::testing::HasSubstr("http://")));
  EXPECT_THAT(markdown, ::testing::Not(::testing::HasSubstr("\n## heading")));
  EXPECT_THAT(markdown, ::testing::HasSubstr("x \\| &lt;img"));
}

TEST(StoreDiff, TableEscapesTerminalControls) {
  auto hostile = finding("t", "FAIL");
  hostile.resource = "arn\x1b]0;title\x07\u202e";
  const auto diff = compute_diff(testing::run(), {}, testing::run(), {hostile});
  const auto text = render_diff_table(diff, Lang::kEn);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_THAT(text, ::testing::HasSubstr("\\x1b"));
}

} // namespace
} // namespace rg::store
