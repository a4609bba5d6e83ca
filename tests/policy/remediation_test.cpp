#include "policy/check.hpp"
#include "policy/remediation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rg::policy {
namespace {

TEST(Remediation, EveryGeneratedPolicyPassesTheChecker) {
  ASSERT_FALSE(generated_policies().empty());
  for (const auto& generated : generated_policies()) {
    const auto result = check_policy(generated.text, generated.type);
    EXPECT_TRUE(result.valid) << generated.name;
    for (const auto& problem : result.problems) {
      ADD_FAILURE() << generated.name << ": " << problem.code << " " << problem.path << " "
                    << problem.message.en;
    }
    EXPECT_EQ(result.denies_root.scope, RootScope::kAll) << generated.name;
    EXPECT_FALSE(result.denies_root.blocks_assumed_root) << generated.name;
    EXPECT_EQ(check_exit_code(result), 0);
    // Every partition: GovCloud and China accounts are protected by the same text.
    for (const char* partition : {"aws", "aws-us-gov", "aws-cn"}) {
      EXPECT_EQ(
          check_policy(generated.text, generated.type, {partition, "123456789012", {}, {}}).denies_root.scope,
          RootScope::kAll)
          << partition;
    }
  }
}

TEST(Remediation, CliAndTerraformCarryTheSamePolicy) {
  const auto in_cli = embedded_documents(kRootDenyCli);
  ASSERT_EQ(in_cli.size(), 1u);
  EXPECT_EQ(in_cli[0], kRootDenyScp);
  const auto in_terraform = embedded_documents(kRootDenyTerraform);
  ASSERT_EQ(in_terraform.size(), 1u);
  const auto heredoc = in_terraform[0];
  const auto result = check_policy(heredoc, PolicyType::kScp);
  EXPECT_TRUE(result.valid);
  EXPECT_EQ(result.denies_root.scope, RootScope::kAll);
  EXPECT_EQ(nlohmann::json::parse(heredoc), nlohmann::json::parse(kRootDenyScp));
  for (const char* needle : {"aws_organizations_policy\"", "aws_organizations_policy_attachment",
                             "SERVICE_CONTROL_POLICY", "aws_iam_organizations_features"}) {
    EXPECT_NE(kRootDenyTerraform.find(needle), std::string_view::npos) << needle;
  }
}

TEST(Remediation, WordsInBothLanguages) {
  for (const auto& text : {kRootDenyConsole, kRootOnlyTasks}) {
    EXPECT_FALSE(text.en.empty());
    EXPECT_FALSE(text.ja.empty());
  }
  EXPECT_NE(kRootOnlyTasks.en.find("AssumeRoot"), std::string_view::npos);
  EXPECT_NE(kRootDenyConsole.en.find("Root access management"), std::string_view::npos);
  EXPECT_NE(kRootDenyCli.find("attach-policy"), std::string_view::npos);
}

} // namespace
} // namespace rg::policy
