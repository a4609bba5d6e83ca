// Set reasoning over requests (docs/decisions/0012-policy-sets.md): the pattern walk finds every
// combination of patterns some string realises, and the request space built on it names exactly
// what a policy leaves open. The old probe sample stays as a cross-check: for every probe request,
// the evaluator and the request space must agree.
#include "policy/check.hpp"
#include "policy/evaluator.hpp"
#include "policy/parser.hpp"
#include "policy/pattern_space.hpp"
#include "policy/request_space.hpp"
#include "policy/root_probes.hpp"
#include "policy_fixtures.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rg::policy {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::vector<bool>> signatures(const PatternSpace& space) {
  std::vector<std::vector<bool>> out;
  for (const auto& signature : space.signatures) {
    out.push_back(signature.matches);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PatternSpace, ActionPatternsGiveOnlyRealisableCombinations) {
  const auto space = enumerate_pattern_space(PatternKind::kAction, {"iam:*", "iam:createaccesskey"}, "aws");
  ASSERT_TRUE(space.complete);
  // "iam:CreateAccessKey" without "iam:*" is impossible; the other three exist.
  const std::vector<std::vector<bool>> expected{{false, false}, {true, false}, {true, true}};
  EXPECT_EQ(signatures(space), expected);
  for (const auto& signature : space.signatures) {
    EXPECT_EQ(signature_of(PatternKind::kAction, {"iam:*", "iam:createaccesskey"}, signature.witness),
              signature.matches)
        << signature.witness;
  }
}

TEST(PatternSpace, ActionsAreCaseInsensitiveAndNeedServiceAndName) {
  const auto space = enumerate_pattern_space(PatternKind::kAction, {"*:*", "IAM:Get*"}, "aws");
  // Every well-formed action has a colon, so "*:*" matches all of them: no {false, ...} signature.
  for (const auto& signature : space.signatures) {
    EXPECT_TRUE(signature.matches[0]) << signature.witness;
  }
  EXPECT_EQ(space.signatures.size(), 2U);
}

TEST(PatternSpace, ArnWildcardsStayInsideTheirPart) {
  // "*" in the region part cannot swallow the colon before the account: a four-part pattern matches
  // nothing, and "arn:aws:s3:::*" needs the empty region and account of S3.
  const std::vector<std::string> patterns{"arn:aws:s3:::breakglass-*", "arn:aws:*:*", "arn:aws:s3:::*"};
  const auto space = enumerate_pattern_space(PatternKind::kArn, patterns, "aws");
  ASSERT_TRUE(space.complete);
  for (const auto& signature : space.signatures) {
    EXPECT_FALSE(signature.matches[1]) << signature.witness;
    EXPECT_EQ(signature_of(PatternKind::kArn, patterns, signature.witness), signature.matches)
        << signature.witness;
  }
  const std::vector<std::vector<bool>> expected{
      {false, false, false}, {false, false, true}, {true, false, true}};
  EXPECT_EQ(signatures(space), expected);
}

TEST(PatternSpace, BareStarResourceMatchesOnlyTheStarPattern) {
  const std::vector<std::string> patterns{"*", "arn:aws:iam::*:root"};
  const auto space = enumerate_pattern_space(PatternKind::kArn, patterns, "aws");
  const auto star =
      std::find_if(space.signatures.begin(), space.signatures.end(), [](const PatternSignature& s) {
        return s.matches == std::vector{true, false};
      });
  ASSERT_NE(star, space.signatures.end());
}

TEST(PatternSpace, OtherPartitionsAreOutsideTheUniverse) {
  const auto space = enumerate_pattern_space(PatternKind::kArn, {"arn:aws:iam::*:root"}, "aws-cn");
  for (const auto& signature : space.signatures) {
    EXPECT_FALSE(signature.matches[0]) << signature.witness;
  }
}

TEST(PatternSpace, HostileStarsStayWithinTheCap) {
  std::vector<std::string> patterns;
  for (int i = 0; i < 12; ++i) {
    patterns.push_back(fmt::format("*{}*{}*:*", static_cast<char>('a' + i), static_cast<char>('b' + i)));
  }
  const auto space = enumerate_pattern_space(PatternKind::kAction, patterns, "aws", 5000);
  EXPECT_FALSE(space.complete); // and it returned: the cap bounds time and memory
}

constexpr std::string_view kRootCondition =
    R"("Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},"Null":{"aws:AssumedRoot":"true"}})";

std::string deny(std::string_view body) {
  return fmt::format(R"({{"Version":"2012-10-17","Statement":[{{"Sid":"DenyRoot","Effect":"Deny",{},{}}}]}})",
                     body, kRootCondition);
}

TEST(RequestSpace, NotResourceExemptionIsNotAll) {
  // SCPs take NotResource since September 2025: root keeps every action on the break-glass buckets.
  const auto result =
      check_policy(deny(R"("Action":"*","NotResource":["arn:aws:s3:::breakglass-*"])"), PolicyType::kScp);
  ASSERT_TRUE(result.valid);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_EQ(result.denies_root.open_actions, std::vector<std::string>{"* on arn:aws:s3:::breakglass-*"});
}

TEST(RequestSpace, ServiceScopedNotResourceNamesActionAndResource) {
  const auto result = check_policy(
      deny(R"("Action":["s3:*"],"NotResource":["arn:aws:s3:::breakglass-*","arn:aws:s3:::breakglass-*/*"])"),
      PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_TRUE(contains(result.denies_root.open_actions, "*")) << "every non-S3 action stays open";
  EXPECT_TRUE(contains(result.denies_root.open_actions, "s3:* on arn:aws:s3:::breakglass-*"));
  EXPECT_TRUE(contains(result.denies_root.open_actions, "s3:* on arn:aws:s3:::breakglass-*/*"));
}

TEST(RequestSpace, NotActionExemptionsAreNamedOneByOne) {
  const auto result = check_policy(
      deny(R"("NotAction":["iam:EnableMFADevice","sts:GetSessionToken","iam:List*"],"Resource":"*")"),
      PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_EQ(result.denies_root.denied_actions, std::vector<std::string>{"*"});
  EXPECT_TRUE(contains(result.denies_root.open_actions, "iam:EnableMFADevice"));
  EXPECT_TRUE(contains(result.denies_root.open_actions, "sts:GetSessionToken"));
  EXPECT_TRUE(contains(result.denies_root.open_actions, "iam:List*"));
  EXPECT_NE(result.denies_root.note.en.find("Every action is denied to root except"), std::string::npos);
}

TEST(RequestSpace, SecondStatementClosingTheGapMakesItAll) {
  const auto policy = fmt::format(R"({{"Version":"2012-10-17","Statement":[
    {{"Sid":"A","Effect":"Deny","NotAction":["iam:EnableMFADevice"],"Resource":"*",{0}}},
    {{"Sid":"B","Effect":"Deny","Action":["iam:*"],"Resource":"*",{0}}}]}})",
                                  kRootCondition);
  const auto result = check_policy(policy, PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kAll);
}

TEST(RequestSpace, ResourceDenyOnlyCoversItsResources) {
  const auto result = check_policy(
      deny(R"("Action":"*","Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"])"), PolicyType::kScp);
  EXPECT_EQ(result.denies_root.scope, RootScope::kSome);
  EXPECT_TRUE(
      contains(result.denies_root.open_actions, "* except on arn:aws:s3:::logs, arn:aws:s3:::logs/*"));
}

TEST(RequestSpace, AllowListPathLeavesOnlyWhatEveryLevelAllows) {
  // Root level FullAWSAccess, OU level an allow-list of S3 and CloudWatch: root keeps only those.
  const auto full = parse_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
  const auto list = parse_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","cloudwatch:*"],"Resource":"*"}]})");
  ASSERT_TRUE(full.document && list.document);
  const std::vector<PolicyAtLevel> policies{{&*full.document, PolicyType::kScp, 0, "FullAWSAccess"},
                                            {&*list.document, PolicyType::kScp, 1, "AllowList"}};
  RequestSpaceOptions options;
  options.require_allow_per_level = true;
  options.levels = 2;
  const auto space =
      analyze_request_space(policies, root_user_context("aws", "210987654321", {}, {}), "aws", options);
  const auto open = space.describe(true);
  EXPECT_EQ(open, (std::vector<std::string>{"s3:*", "cloudwatch:*"}));
  const auto* other = space.classify("iam:CreateAccessKey", "arn:aws:iam::210987654321:root");
  ASSERT_NE(other, nullptr);
  EXPECT_FALSE(other->open);
  EXPECT_EQ(other->levels_without_allow, std::vector<size_t>{1});
}

// The probe sample and the set reasoning must never disagree on a probe request.
void expect_probes_agree(const std::string& text, const std::string& name) {
  const auto parsed = parse_policy(text);
  if (!parsed.document) {
    return;
  }
  for (const auto type : {PolicyType::kScp, PolicyType::kResource}) {
    const std::vector<PolicyAtLevel> policies{{&*parsed.document, type, 0, {}}};
    const auto space =
        analyze_request_space(policies, root_user_context("aws", "210987654321", {}, {}), "aws");
    if (!space.complete) {
      continue;
    }
    for (const auto& probe : root_probes()) {
      const auto context = probe_context(probe, "aws", "210987654321", false);
      const bool denied = evaluate(*parsed.document, type, context).decision == Decision::kExplicitDeny;
      const auto* request_class = space.classify(context.action, context.resource);
      ASSERT_NE(request_class, nullptr) << name << " " << probe.action;
      EXPECT_EQ(request_class->explicit_deny, denied)
          << name << " " << probe.action << " " << context.resource;
    }
  }
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(RequestSpace, ProbesAgreeOnEveryCorpusAndExamplePolicy) {
  size_t files = 0;
  const std::filesystem::path root(RG_SOURCE_DIR);
  for (const auto& folder : {root / "tests" / "corpus" / "policy", root / "examples" / "policies"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
      if (entry.path().extension() == ".json") {
        ++files;
        expect_probes_agree(slurp(entry.path()), entry.path().filename().string());
      }
    }
  }
  for (const auto& text : {fixtures::kGoodScp, fixtures::kSeedScp, fixtures::kSeedIdentity}) {
    expect_probes_agree(text, "fixture");
  }
  EXPECT_GT(files, 10U);
}

} // namespace
} // namespace rg::policy
