// The service control policy readers (organization/ListPolicies-SERVICE_CONTROL_POLICY.json,
// DescribePolicy/<id>.json, ListTargetsForPolicy/<id>.json) on tests/snapshot/data/organization, and
// what the policy engine concludes from what they read.
#include "policy/org_scp.hpp"
#include "snapshot/scp_readers.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace rg::snapshot {
namespace {

using policy::AccountScpStatus;
using policy::analyze_organization_scps;
using policy::find_verdict;

const std::filesystem::path kOrgDir = std::filesystem::path(RG_TEST_DATA_DIR) / "data" / "organization";

TEST(OrgScpReader, ReadsPoliciesContentAndTargets) {
  std::vector<Problem> problems;
  auto policies = read_service_control_policies(kOrgDir, "organization", problems);
  ASSERT_TRUE(policies) << policies.error().describe();
  ASSERT_EQ(policies->size(), 4u);
  const auto& full = (*policies)[0];
  EXPECT_EQ(full.id, "p-FullAWSAccess");
  EXPECT_TRUE(full.aws_managed);
  ASSERT_TRUE(full.content);
  ASSERT_TRUE(full.targets);
  EXPECT_EQ(full.targets->size(), 6u);
  EXPECT_EQ((*full.targets)[0].type, "ROOT");
  const auto& missing = (*policies)[3];
  EXPECT_FALSE(missing.content);
  EXPECT_FALSE(missing.targets);
  ASSERT_EQ(problems.size(), 2u); // read_service_control_policies reports absence too
  EXPECT_EQ(problems[0].kind, ProblemKind::kAbsent);
  EXPECT_EQ(problems[0].file, "organization/DescribePolicy/p-missing01.json");
  EXPECT_EQ(problems[1].kind, ProblemKind::kUnreadable);
  EXPECT_EQ(problems[1].file, "organization/ListTargetsForPolicy/p-missing01.json");
  EXPECT_NE(problems[1].where.find("line 1"), std::string::npos);
}

TEST(OrgScpReader, AbsentListMeansNotCollected) {
  std::vector<Problem> problems;
  model::Organization org;
  load_service_control_policies(kOrgDir / "nope", "organization", org, problems);
  EXPECT_FALSE(org.scps_collected);
  EXPECT_TRUE(problems.empty());
  load_service_control_policies(kOrgDir, "organization", org, problems);
  EXPECT_TRUE(org.scps_collected);
  EXPECT_EQ(org.service_control_policies.size(), 4u);
  ASSERT_EQ(problems.size(), 1u); // the absent DescribePolicy is "not collected", not a problem
  EXPECT_EQ(problems[0].kind, ProblemKind::kUnreadable);
}

TEST(OrgScpReader, TypeErrorsNameThePath) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "rg_scp_reader";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "list.json") << R"({"Policies":[{"Name":"x"}]})";
    std::ofstream(dir / "describe.json") << R"({"Policy":{"Content":7}})";
  }
  auto list = read_list_policies(dir / "list.json", "list.json");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().where, "$.Policies[0].Id");
  auto describe = read_describe_policy(dir / "describe.json", "describe.json");
  ASSERT_FALSE(describe);
  EXPECT_EQ(describe.error().where, "$.Policy.Content");
  EXPECT_EQ(describe.error().kind, ProblemKind::kInvalid);
}

TEST(OrgScpReader, SnapshotDataEndToEnd) {
  model::Organization org;
  org.management_account_id = "111111111111";
  org.root_ids = {"r-ab12"};
  org.units = {{"ou-ab12-prod0001", "Prod", "r-ab12"}, {"ou-ab12-sand0001", "Sandbox", "r-ab12"}};
  org.accounts = {{"111111111111", "Management", "ACTIVE", "r-ab12"},
                  {"222222222222", "Prod App", "ACTIVE", "ou-ab12-prod0001"},
                  {"333333333333", "Sandbox", "ACTIVE", "ou-ab12-sand0001"}};
  std::vector<Problem> problems;
  load_service_control_policies(kOrgDir, "organization", org, problems);
  const auto analysis = analyze_organization_scps(org, "aws");
  EXPECT_EQ(find_verdict(analysis, "222222222222")->status, AccountScpStatus::kDenied);
  // p-missing01's targets are unreadable: it might be attached to the sandbox path.
  const auto* sandbox = find_verdict(analysis, "333333333333");
  EXPECT_EQ(sandbox->status, AccountScpStatus::kUnknown);
  ASSERT_EQ(sandbox->invalid_policies.size(), 1u);
  EXPECT_EQ(sandbox->invalid_policies[0]->policy->name, "BlogRootDeny");
}

} // namespace
} // namespace rg::snapshot
