// `rootguard policy check` end to end: exit codes, JSON shape, languages, and the bad-input corpus
// through the real binary (a crash would show as a signal, not 0 or 3).
#include "cli/run_binary.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rg::testing {
namespace {

nlohmann::json check_json(const std::string& file, const std::string& type, int expected_exit) {
  const auto result = run_rootguard({"policy", "check", file, "--type", type, "--format", "json"});
  EXPECT_EQ(result.exit_code, expected_exit) << file << "\n" << result.err;
  return nlohmann::json::parse(result.out);
}

bool has_problem(const nlohmann::json& doc, const std::string& code, const std::string& path = "") {
  for (const auto& problem : doc["problems"]) {
    if (problem["code"] == code && (path.empty() || problem["path"] == path)) {
      return true;
    }
  }
  return false;
}

TEST(PolicyCheck, SeedArticleScpIsInvalidAndExitsThree) {
  const auto doc = check_json("examples/policies/seed-article-scp.json", "scp", 3);
  EXPECT_EQ(doc["valid"], false);
  EXPECT_TRUE(has_problem(doc, "scp-principal-not-supported", "$.Statement[0].Principal"));
  EXPECT_EQ(doc["denies_root"]["scope"], "none");
}

TEST(PolicyCheck, SeedArticleIdentityPolicyWarnsAndDeniesNothing) {
  const auto doc = check_json("examples/policies/seed-article-identity.json", "identity", 3);
  EXPECT_EQ(doc["valid"], true);
  EXPECT_TRUE(has_problem(doc, "principal-type-root",
                          "$.Statement[0].Condition.StringEquals[\"aws:PrincipalType\"]"));
  EXPECT_TRUE(has_problem(doc, "identity-cannot-restrict-root"));
  EXPECT_EQ(doc["denies_root"]["scope"], "none");
}

TEST(PolicyCheck, RecommendedScpDeniesAllAndExitsZero) {
  const auto doc = check_json("examples/policies/deny-root-user.json", "scp", 0);
  EXPECT_EQ(doc["valid"], true);
  EXPECT_TRUE(doc["problems"].empty());
  EXPECT_EQ(doc["denies_root"]["scope"], "all");
  EXPECT_EQ(doc["denies_root"]["blocks_assumed_root"], false);
}

TEST(PolicyCheck, AccessKeyOnlyDenyIsSome) {
  const auto doc = check_json("examples/policies/deny-root-access-keys.json", "scp", 0);
  EXPECT_EQ(doc["denies_root"]["scope"], "some");
  EXPECT_EQ(doc["denies_root"]["actions"], nlohmann::json::array({"iam:CreateAccessKey"}));
}

// Set reasoning (decision 0012): the exemptions a probe sample never saw are named, never "all".
TEST(PolicyCheck, NotActionExemptionsAreNamed) {
  const auto doc = check_json("examples/policies/deny-root-except-mfa-setup.json", "scp", 0);
  EXPECT_EQ(doc["denies_root"]["scope"], "some");
  EXPECT_EQ(doc["denies_root"]["actions"], nlohmann::json::array({"*"}));
  EXPECT_EQ(doc["denies_root"]["open_actions"],
            nlohmann::json::array({"iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices",
                                   "iam:ResyncMFADevice", "sts:GetSessionToken"}));
}

TEST(PolicyCheck, NotResourceExemptionIsNamedWithItsResources) {
  const auto doc = check_json("examples/policies/deny-root-except-breakglass-buckets.json", "scp", 0);
  EXPECT_EQ(doc["denies_root"]["scope"], "some");
  EXPECT_EQ(doc["denies_root"]["open_actions"],
            nlohmann::json::array({"* on arn:aws:s3:::breakglass-*", "* on arn:aws:s3:::breakglass-*/*"}));
}

TEST(PolicyCheck, AllowListIsJudgedByWhatItLeaves) {
  const auto doc = check_json("examples/policies/allow-list-with-conditions.json", "scp", 3);
  EXPECT_EQ(doc["denies_root"]["scope"], "none");
  // The conditional ec2 Allow may allow (region), so it is left open too.
  EXPECT_EQ(doc["denies_root"]["allow_list_open"],
            nlohmann::json::array({"cloudwatch:*", "logs:*", "s3:*", "ec2:*"}));
}

TEST(PolicyCheck, StringEqualsWildcardDeniesNothing) {
  const auto doc = check_json("examples/policies/string-equals-wildcard.json", "scp", 3);
  EXPECT_TRUE(has_problem(doc, "string-equals-wildcard"));
  EXPECT_EQ(doc["denies_root"]["scope"], "none");
}

TEST(PolicyCheck, MalformedJsonHasLineAndColumn) {
  const auto doc = check_json("tests/corpus/policy/truncated.json", "scp", 3);
  ASSERT_EQ(doc["problems"].size(), 1U);
  EXPECT_EQ(doc["problems"][0]["code"], "json-syntax");
  EXPECT_EQ(doc["problems"][0]["line"], 1);
}

TEST(PolicyCheck, TextInJapanese) {
  const auto result = run_rootguard(
      {"policy", "check", "examples/policies/seed-article-scp.json", "--type", "scp", "--lang", "ja"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.out.find("SCP は Principal と NotPrincipal をサポートしません"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("ルートユーザーの拒否: なし"), std::string::npos);
}

TEST(PolicyCheck, ErrorsAndUsage) {
  EXPECT_EQ(run_rootguard({"policy", "check", "no/such/file.json", "--type", "scp"}).exit_code, 1);
  EXPECT_EQ(run_rootguard({"policy", "check", "examples/policies/deny-root-user.json"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"policy", "check", "examples/policies/deny-root-user.json", "--type", "bucket"})
                .exit_code,
            2);
  EXPECT_EQ(run_rootguard({"policy"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"policy", "check", "examples/policies/deny-root-user.json", "--type", "scp",
                           "--account", "12"})
                .exit_code,
            2);
}

TEST(PolicyCheck, PartitionAndAccountOptions) {
  const auto result = run_rootguard({"policy", "check", "examples/policies/deny-root-access-keys.json",
                                     "--type", "scp", "--partition", "aws-us-gov", "--format", "json"});
  EXPECT_EQ(result.exit_code, 3); // the pattern names the aws partition only
  EXPECT_EQ(nlohmann::json::parse(result.out)["denies_root"]["scope"], "none");
}

TEST(PolicyCheck, CorpusNeverCrashesTheBinary) {
  size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(RG_SOURCE_DIR) / "tests/corpus/policy")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    ++files;
    const auto relative = "tests/corpus/policy/" + entry.path().filename().string();
    const auto result = run_rootguard({"policy", "check", relative, "--type", "scp", "--format", "json"});
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 3)
        << relative << " exit " << result.exit_code << "\n"
        << result.err;
    EXPECT_TRUE(nlohmann::json::accept(result.out)) << relative;
  }
  EXPECT_GE(files, 20U);
}

} // namespace
} // namespace rg::testing

namespace rg::testing {
namespace {

// aws:PrincipalOrgID is root's organization: unknown to a policy alone (the Deny is conditional, so
// nothing is certainly denied), decided with --org-id (or the id that --org-path starts with).
TEST(PolicyCheck, OrgIdDecidesPrincipalOrgIdConditions) {
  const std::string file = "examples/policies/deny-root-in-organization.json";
  const auto alone = run_rootguard({"policy", "check", file, "--type", "scp", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(alone.out)["denies_root"]["scope"], "none") << alone.out;
  const auto ours = run_rootguard(
      {"policy", "check", file, "--type", "scp", "--format", "json", "--org-id", "o-a1b2c3d4e5"});
  EXPECT_EQ(ours.exit_code, 0) << ours.err;
  EXPECT_EQ(nlohmann::json::parse(ours.out)["denies_root"]["scope"], "all");
  const auto other = run_rootguard(
      {"policy", "check", file, "--type", "scp", "--format", "json", "--org-id", "o-zzzzzzzzzz"});
  EXPECT_EQ(nlohmann::json::parse(other.out)["denies_root"]["scope"], "none");
  const auto by_path = run_rootguard({"policy", "check", file, "--type", "scp", "--format", "json",
                                      "--org-path", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"});
  EXPECT_EQ(nlohmann::json::parse(by_path.out)["denies_root"]["scope"], "all") << by_path.err;
}

TEST(PolicyCheck, OrgIdAndPathAreValidated) {
  const std::string file = "examples/policies/deny-root-in-organization.json";
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"--org-id", "o-short"},
        {"--org-id", "o-ABCDEFGHIJ"},
        {"--org-path", "o-a1b2c3d4e5/r-ab12"},
        {"--org-path", "o-a1b2c3d4e5/../"},
        {"--org-id", "o-a1b2c3d4e5", "--org-path", "o-zzzzzzzzzz/r-ab12/"},
        {"--partition", "aws-moon"}}) {
    std::vector<std::string> args{"policy", "check", file, "--type", "scp"};
    args.insert(args.end(), bad.begin(), bad.end());
    const auto result = run_rootguard(args);
    EXPECT_EQ(result.exit_code, 2) << bad.back() << ": " << result.err;
  }
  const auto iso = run_rootguard({"policy", "check", file, "--type", "scp", "--partition", "aws-iso-f"});
  EXPECT_NE(iso.exit_code, 2) << iso.err;
}

} // namespace
} // namespace rg::testing
