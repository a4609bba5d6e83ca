// Every kind of step in one plan (the example organization does not fail every control), in each
// language: its fix.sh passes bash -n and shellcheck, its AWS CLI commands match botocore, its Terraform
// parses, and the Japanese one has no English left in what the plan's words say.
#include "cli/run_binary.hpp"
#include "controls/control.hpp"
#include "remediate/fix_plan.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <unistd.h>

namespace rg::remediate {
namespace {

namespace fs = std::filesystem;

Finding fail(std::string_view control, std::string account, std::string region, std::string resource,
             std::vector<Evidence> evidence = {}) {
  Finding out;
  out.rule = &controls::find_control(control)->rule;
  out.account_id = std::move(account);
  out.region = std::move(region);
  out.resource = std::move(resource);
  out.status = Status::kFail;
  out.evidence = std::move(evidence);
  return out;
}

FixPlan every_step(Lang lang) {
  FixContext context;
  context.management_account = "111111111111";
  context.member_accounts = {"222222222222", "333333333333"};
  const std::string root2 = "arn:aws:iam::222222222222:root";
  const std::string trail = "arn:aws:cloudtrail:eu-west-1:222222222222:trail/main";
  const std::string group = "arn:aws:logs:eu-west-1:222222222222:log-group:main/cloudtrail:*";
  const std::vector<Finding> findings{
      fail("org-root-access-management", "111111111111", "global",
           "arn:aws:organizations::111111111111:organization/o-abcdefghij", {{"EnabledFeatures", ""}}),
      fail("org-root-scp", "222222222222", "global", root2, {{"attach_target", "ou-abcd-efghijkl"}}),
      fail("org-root-scp", "333333333333", "global", "arn:aws:iam::333333333333:root",
           {{"attach_target", "r-abcd"}, {"existing_root_deny_policy", "p-abcdefgh"}}),
      fail("guardduty-enabled", "222222222222", "eu-west-1",
           "arn:aws:guardduty:eu-west-1:222222222222:detector"),
      fail("guardduty-enabled", "222222222222", "us-east-1",
           "arn:aws:guardduty:us-east-1:222222222222:detector/abc123"),
      fail("guardduty-root-findings", "222222222222", "us-east-1",
           "arn:aws:guardduty:us-east-1:222222222222:detector/abc123/finding/f1"),
      fail("root-usage-alarm", "222222222222", "eu-west-1", trail,
           {{"MissingLink", "logging"}, {"TrailName", "main"}}),
      fail("root-usage-alarm", "333333333333", "eu-west-1", trail,
           {{"MissingLink", "multi-region"}, {"TrailName", "side.trail_1"}}),
      fail("root-usage-alarm", "111111111111", "us-east-1", trail,
           {{"MissingLink", "alarm"},
            {"CloudWatchLogsLogGroupArn", "arn:aws:logs:us-east-1:111111111111:log-group:org/trail:*"},
            {"MetricName", "RootUse"},
            {"MetricNamespace", "Security/Root"}}),
      fail("root-usage-alarm", "222222222222", "eu-west-1", trail,
           {{"MissingLink", "metric-filter"}, {"CloudWatchLogsLogGroupArn", group}}),
      fail("root-usage-alarm", "333333333333", "us-east-1", trail,
           {{"MissingLink", "subscription"}, {"Topic", "arn:aws:sns:us-east-1:333333333333:alerts"}}),
      fail("root-recent-use", "222222222222", "global", root2),
      fail("root-credentials-removed", "222222222222", "global", root2,
           {{"AccountAccessKeysPresent", "1"},
            {"AccountSigningCertificatesPresent", "1"},
            {"AccountPasswordPresent", "1"},
            {"AccountMFAEnabled", "1"}}),
      fail("root-mfa", "333333333333", "global", "arn:aws:iam::333333333333:root"),
      fail("root-hardware-mfa", "111111111111", "global", "arn:aws:iam::111111111111:root"),
  };
  return build_fix_plan(findings, context, lang);
}

class EveryStep : public ::testing::TestWithParam<Lang> {
protected:
  void SetUp() override {
    plan_ = every_step(GetParam());
    ASSERT_TRUE(plan_.rejected.empty()) << plan_.rejected.front();
    dir_ = fs::temp_directory_path() /
           ("rg-every-step-" + std::string(to_string(GetParam())) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "fix.sh") << render_fix_script(plan_);
    for (const auto& file : render_terraform(plan_)) {
      fs::create_directories((dir_ / "tf" / file.path).parent_path());
      std::ofstream(dir_ / "tf" / file.path) << file.text;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  FixPlan plan_;
  fs::path dir_;
};

TEST_P(EveryStep, CoversEveryStepKind) {
  std::set<StepKind> kinds;
  for (const auto& step : plan_.steps) {
    kinds.insert(step.kind);
  }
  EXPECT_EQ(kinds.size(), static_cast<size_t>(StepKind::kDeactivateMfaDevices) + 1);
}

TEST_P(EveryStep, ScriptPassesBashAndShellcheck) {
  const auto syntax = testing::run_program("/bin/bash", {"-n", (dir_ / "fix.sh").string()});
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;
  ASSERT_TRUE(fs::exists("/usr/bin/shellcheck")) << "scripts/install-deps installs shellcheck";
  const auto check =
      testing::run_program("/usr/bin/shellcheck", {"--shell=bash", (dir_ / "fix.sh").string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_P(EveryStep, CommandsMatchBotocore) {
  const auto check = testing::run_program("/usr/bin/env",
                                          {"python3", RG_SOURCE_DIR "/tests/remediate/check_cli_commands.py",
                                           "--scripts", (dir_ / "fix.sh").string()},
                                          {std::string("PATH=") + std::getenv("PATH")});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_P(EveryStep, TerraformParses) {
  const auto check = testing::run_program(
      "/usr/bin/env", {"node", RG_SOURCE_DIR "/tests/tools/validate-hcl.mjs", (dir_ / "tf").string()},
      {std::string("PATH=") + std::getenv("PATH")});
  if (check.exit_code == 77) {
    GTEST_SKIP() << "@cdktf/hcl2json is not installed: tests/tools/setup";
  }
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

// Each step's label differs between the languages and names the same values, so no kind of step was
// left in English; the Japanese script and Terraform keep none of the English phrases.
TEST(EveryStepJapanese, LabelsDifferFromEnglishAndKeepTheValues) {
  const auto plan = every_step(Lang::kJa);
  const auto english = every_step(Lang::kEn);
  ASSERT_EQ(english.steps.size(), plan.steps.size());
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto ja = describe(plan.steps[i], Lang::kJa);
    const auto en = describe(english.steps[i], Lang::kEn);
    EXPECT_NE(ja, en);
    EXPECT_NE(ja.find("[修正対象: "), std::string::npos) << ja;
    EXPECT_EQ(ja.find(" in "), std::string::npos) << ja;
    for (const auto& value : {plan.steps[i].account_id, plan.steps[i].region, plan.steps[i].target}) {
      EXPECT_EQ(ja.find(value) == std::string::npos, en.find(value) == std::string::npos)
          << value << ": " << ja;
    }
  }
  const auto script = render_fix_script(plan);
  for (const char* english_word : {"would run", "already done", "stopped", "Generated by", "(root session)",
                                   "must confirm", "Dry run", "Inside a", "usage:"}) {
    EXPECT_EQ(script.find(english_word), std::string::npos) << english_word;
  }
  for (const auto& file : render_terraform(plan)) {
    for (const char* english_word : {"Generated by", "fixes ", "see aws_", "fix.sh only", "imported from",
                                     "counts once", "Needs trusted", "Deny the root user", "Address that"}) {
      EXPECT_EQ(file.text.find(english_word), std::string::npos) << file.path << ": " << english_word;
    }
  }
}

// The two plans EveryStep does not make: nothing to fix, and a standalone account run as the operator.
TEST(EveryStepJapanese, EmptyAndStandalonePlansSpeakJapanese) {
  FixPlan empty;
  empty.lang = Lang::kJa;
  EXPECT_NE(render_fix_script(empty).find("AWS CLI で修正できる失敗したコントロールはありません。"),
            std::string::npos);
  EXPECT_NE(
      render_terraform(empty).front().text.find("# Terraform で修正できる失敗したコントロールはありません。"),
      std::string::npos);

  const auto standalone = build_fix_plan({fail("guardduty-enabled", "333333333333", "eu-west-1",
                                               "arn:aws:guardduty:eu-west-1:333333333333:detector")},
                                         FixContext{}, Lang::kJa);
  ASSERT_EQ(standalone.steps.size(), 1U);
  const auto script = render_fix_script(standalone);
  EXPECT_NE(script.find(
                "# ---- アカウント 333333333333: オペレーターの認証情報 ----\nexpect_account '333333333333'"),
            std::string::npos)
      << script;
  EXPECT_NE(script.find("(333333333333、オペレーター)"), std::string::npos) << script;
}

INSTANTIATE_TEST_SUITE_P(Lang, EveryStep, ::testing::Values(Lang::kEn, Lang::kJa),
                         [](const ::testing::TestParamInfo<Lang>& param) {
                           return std::string(to_string(param.param));
                         });

} // namespace
} // namespace rg::remediate
