// build_fix_plan on findings made in memory: only FAIL findings give steps, steps name their findings and
// merge, root work needs an organization member, and a value off its grammar refuses the plan.
#include "controls/control.hpp"
#include "remediate/fix_plan.hpp"
#include "remediate/fix_values.hpp"

#include <gtest/gtest.h>

namespace rg::remediate {
namespace {

Finding finding(std::string_view control, std::string account, Status status, std::string region = "global",
                std::vector<Evidence> evidence = {}) {
  Finding out;
  out.rule = &controls::find_control(control)->rule;
  out.account_id = std::move(account);
  out.region = std::move(region);
  out.resource = "arn:aws:iam::" + out.account_id + ":root";
  out.status = status;
  out.evidence = std::move(evidence);
  return out;
}

FixContext organization() {
  FixContext context;
  context.management_account = "111111111111";
  context.member_accounts = {"222222222222"};
  return context;
}

TEST(FixPlan, OnlyFailFindingsGiveSteps) {
  const auto plan = build_fix_plan({finding("root-access-keys", "222222222222", Status::kPass),
                                    finding("root-access-keys", "222222222222", Status::kUnknown)},
                                   organization(), Lang::kEn);
  EXPECT_TRUE(plan.steps.empty());
  EXPECT_TRUE(plan.manual.empty());
  EXPECT_TRUE(plan.rejected.empty());
}

TEST(FixPlan, MemberRootStepsRunInARootSessionAndMergeTheFindingsTheyFix) {
  const auto plan =
      build_fix_plan({finding("root-access-keys", "222222222222", Status::kFail),
                      finding("root-credentials-removed", "222222222222", Status::kFail, "global",
                              {{"AccountAccessKeysPresent", "1"},
                               {"AccountSigningCertificatesPresent", "0"},
                               {"AccountPasswordPresent", "0"},
                               {"AccountMFAEnabled", "0"}})},
                     organization(), Lang::kEn);
  ASSERT_EQ(plan.steps.size(), 1U);
  EXPECT_EQ(plan.steps[0].kind, StepKind::kDeleteAccessKeys);
  EXPECT_EQ(plan.steps[0].credentials, Credentials::kMemberRoot);
  ASSERT_EQ(plan.steps[0].fixes.size(), 2U);
  EXPECT_NE(describe(plan.steps[0], Lang::kEn).find("root-access-keys in 222222222222"), std::string::npos);
}

// The Japanese label: the same values, one 「、」 between the findings, and the escape applied to the
// values only, so a Terraform comment keeps its Japanese words while a value stays printable ASCII.
TEST(FixPlan, TheJapaneseLabelEscapesItsValuesOnly) {
  FixStep step;
  step.kind = StepKind::kStartLogging;
  step.account_id = "222222222222";
  step.region = "eu-west-1";
  step.target = "tr\xc3\xa9il\nrm";
  step.fixes = {{"root-usage-alarm", "f1", "222222222222"}, {"root-recent-use", "f2", "222222222222"}};
  const auto label = describe(step, Lang::kJa, comment_safe);
  EXPECT_EQ(label, "222222222222 eu-west-1 の証跡 tr\\xc3\\xa9il\\x0arm がログ記録中 [修正対象: "
                   "222222222222 の root-usage-alarm (f1)、222222222222 の root-recent-use (f2)]");
  EXPECT_EQ(describe(step, Lang::kEn, comment_safe),
            "trail tr\\xc3\\xa9il\\x0arm logging in 222222222222 eu-west-1 [fixes root-usage-alarm in "
            "222222222222 (f1), root-recent-use in 222222222222 (f2)]");
}

TEST(FixPlan, AStandaloneRootNeedsTheConsole) {
  const auto plan =
      build_fix_plan({finding("root-access-keys", "333333333333", Status::kFail)}, FixContext{}, Lang::kEn);
  EXPECT_TRUE(plan.steps.empty());
  ASSERT_EQ(plan.manual.size(), 1U);
  EXPECT_EQ(plan.manual[0].rule->id, "root-access-keys");
}

TEST(FixPlan, TheNamedLinkOfTheAlarmChainIsWhatGetsFixed) {
  const auto plan = build_fix_plan({finding("root-usage-alarm", "222222222222", Status::kFail, "eu-west-1",
                                            {{"MissingLink", "multi-region"}, {"TrailName", "main"}})},
                                   organization(), Lang::kEn);
  ASSERT_EQ(plan.steps.size(), 1U);
  EXPECT_EQ(plan.steps[0].kind, StepKind::kMultiRegionTrail);
  EXPECT_EQ(plan.steps[0].target, "main");
  EXPECT_EQ(plan.steps[0].region, "eu-west-1"); // the trail's home region, where update-trail must run
  EXPECT_EQ(plan.steps[0].credentials, Credentials::kAccountRole);
}

TEST(FixPlan, AValueOffItsGrammarIsRefusedNamingItAndItsSource) {
  const auto plan =
      build_fix_plan({finding("guardduty-enabled", "222222222222", Status::kFail, "us-east-1$(touch pwned)")},
                     organization(), Lang::kEn);
  EXPECT_TRUE(plan.steps.empty());
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_NE(plan.rejected[0].find("region \"us-east-1$(touch pwned)\""), std::string::npos)
      << plan.rejected[0];
  EXPECT_NE(plan.rejected[0].find("guardduty-enabled"), std::string::npos);
  EXPECT_NE(plan.rejected[0].find("regions/<region>/ folder"), std::string::npos);
}

TEST(FixPlan, ANewlineInATrailNameIsRefused) {
  const auto plan = build_fix_plan({finding("root-usage-alarm", "222222222222", Status::kFail, "us-east-1",
                                            {{"MissingLink", "logging"}, {"TrailName", "main\nrm -rf ~"}})},
                                   organization(), Lang::kEn);
  EXPECT_TRUE(plan.steps.empty());
  ASSERT_EQ(plan.rejected.size(), 1U);
  EXPECT_NE(plan.rejected[0].find("main\\x0arm -rf ~"), std::string::npos) << plan.rejected[0];
}

} // namespace
} // namespace rg::remediate
