// Every example under examples/policies/ against its expected output, examples/policies/expected/
// (text, English and Japanese): the README's table made checkable. Regenerate with RG_UPDATE_GOLDEN=1
// after an intended change and review the diff.
#include "cli/run_binary.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <ostream>
#include <sstream>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;

struct PolicyExample {
  const char* file;     // under examples/policies/
  const char* type;     // --type
  const char* org_id;   // --org-id, or "" for the policy alone
  const char* expected; // the golden's name, without language and extension
  int exit_code;
};

const PolicyExample kExamples[] = {
    {"seed-article-scp.json", "scp", "", "seed-article-scp", 3},
    {"seed-article-identity.json", "identity", "", "seed-article-identity", 3},
    {"string-equals-wildcard.json", "scp", "", "string-equals-wildcard", 3},
    {"deny-root-access-keys.json", "scp", "", "deny-root-access-keys", 0},
    {"deny-root-user.json", "scp", "", "deny-root-user", 0},
    {"deny-root-except-mfa-setup.json", "scp", "", "deny-root-except-mfa-setup", 0},
    {"deny-root-except-breakglass-buckets.json", "scp", "", "deny-root-except-breakglass-buckets", 0},
    {"deny-root-in-organization.json", "scp", "", "deny-root-in-organization", 3},
    {"deny-root-in-organization.json", "scp", "o-a1b2c3d4e5", "deny-root-in-organization.own-org", 0},
    {"allow-list-with-conditions.json", "scp", "", "allow-list-with-conditions", 3},
    {"rcp-deny-root-on-data.json", "rcp", "", "rcp-deny-root-on-data", 0},
    {"rcp-data-perimeter.json", "rcp", "", "rcp-data-perimeter", 3},
    // The member's own root is inside the perimeter: the RCP never restricts it.
    {"rcp-data-perimeter.json", "rcp", "o-a1b2c3d4e5", "rcp-data-perimeter.own-org", 3},
    // A root user of another organization acting on the member's data is denied.
    {"rcp-data-perimeter.json", "rcp", "o-ffffffffff", "rcp-data-perimeter.other-org", 0},
};

// The test's name says which example; gtest would print the struct's bytes.
void PrintTo(const PolicyExample& example, std::ostream* out) {
  *out << example.expected;
}

class PolicyExamples : public ::testing::TestWithParam<std::tuple<PolicyExample, const char*>> {};

TEST_P(PolicyExamples, GiveTheirExpectedOutput) {
  const auto& [example, lang] = GetParam();
  std::vector<std::string> args{"policy", "check",      std::string("examples/policies/") + example.file,
                                "--type", example.type, "--lang",
                                lang,     "--color",    "never"};
  if (*example.org_id != '\0') {
    args.insert(args.end(), {"--org-id", example.org_id});
  }
  const auto result = run_rootguard(args);
  EXPECT_EQ(result.exit_code, example.exit_code) << example.file << "\n" << result.err;
  const auto path = fs::path(RG_SOURCE_DIR) / "examples/policies/expected" /
                    (std::string(example.expected) + "." + lang + ".txt");
  if (std::getenv("RG_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << result.out;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing expected output " << path << " (RG_UPDATE_GOLDEN=1 to write it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(result.out, expected.str()) << "output differs from " << path;
}

std::string example_name(const ::testing::TestParamInfo<PolicyExamples::ParamType>& info) {
  std::string name = std::string(std::get<0>(info.param).expected) + "_" + std::get<1>(info.param);
  for (auto& c : name) {
    c = std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(All, PolicyExamples,
                         ::testing::Combine(::testing::ValuesIn(kExamples), ::testing::Values("en", "ja")),
                         example_name);

// Every example file is in the table: a new example cannot go unchecked.
TEST(PolicyExamplesList, CoversEveryExampleFile) {
  for (const auto& entry : fs::directory_iterator(fs::path(RG_SOURCE_DIR) / "examples/policies")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    const auto name = entry.path().filename().string();
    const bool listed = std::any_of(std::begin(kExamples), std::end(kExamples),
                                    [&](const PolicyExample& e) { return name == e.file; });
    EXPECT_TRUE(listed) << name << " has no expected output in policy_examples_test.cpp";
  }
}

} // namespace
} // namespace rg::testing
