// Checks every control at once: ids unique and well-formed, both languages present, mappings sane.
#include "controls/control.hpp"
#include "i18n/display_width.hpp"
#include "policy/check.hpp"
#include "policy/remediation.hpp"

#include <gtest/gtest.h>
#include <set>

namespace rg::controls {
namespace {

TEST(Catalog, IdsAreUniqueAndKebabCase) {
  std::set<std::string_view> ids;
  for (const auto* control : all_controls()) {
    const auto id = control->rule.id;
    EXPECT_TRUE(ids.insert(id).second) << id;
    for (const char c : id) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << id;
    }
    EXPECT_EQ(find_control(id), control);
  }
  EXPECT_EQ(find_control("no-such-control"), nullptr);
}

TEST(Catalog, EveryTextExistsInBothLanguages) {
  for (const auto* control : all_controls()) {
    const auto& rule = control->rule;
    for (const Text* text : {&rule.title, &rule.risk, &rule.explanation, &rule.remediation.console}) {
      EXPECT_FALSE(text->en.empty()) << rule.id;
      EXPECT_FALSE(text->ja.empty()) << rule.id;
      EXPECT_NE(text->en, text->ja) << rule.id;
      // Japanese text is wider than its byte count suggests only if it really is Japanese.
      EXPECT_GT(display_width(text->ja), 0U) << rule.id;
    }
    EXPECT_EQ(rule.remediation.limits.en.empty(), rule.remediation.limits.ja.empty()) << rule.id;
    EXPECT_FALSE(rule.remediation.cli.empty()) << rule.id;
    EXPECT_NE(control->evaluate, nullptr) << rule.id;
  }
}

TEST(Catalog, MappingsFollowTheDomainTable) {
  EXPECT_EQ(find_control("root-access-keys")->rule.mappings.security_hub, "IAM.4");
  EXPECT_EQ(find_control("root-mfa")->rule.mappings.security_hub, "IAM.9");
  EXPECT_EQ(find_control("root-hardware-mfa")->rule.mappings.security_hub, "IAM.6");
  const auto& recent = find_control("root-recent-use")->rule;
  EXPECT_TRUE(recent.mappings.security_hub.empty()); // IAM.20 is retired, not a current mapping
  EXPECT_EQ(recent.mappings.security_hub_retired, "IAM.20");
  EXPECT_EQ(recent.mappings.cis.v1_4_to_v4_0, "1.7");
  EXPECT_EQ(recent.mappings.cis.v5_0, "1.6");
  EXPECT_EQ(recent.mappings.cis.v7_0, "2.7");
  EXPECT_NE(recent.explanation.en.find("retired in April 2024"), std::string_view::npos);
  const auto rows = expand_cis(find_control("root-access-keys")->rule.mappings.cis);
  ASSERT_EQ(rows.count, 9U);
  EXPECT_EQ(rows.rows[0].version, "1.2.0");
  EXPECT_EQ(rows.rows[0].item, "1.12");
  EXPECT_EQ(rows.rows[8].version, "7.0.0");
  EXPECT_EQ(rows.rows[8].item, "2.4");
}

// Advice that does not pass our own checker would be the seed article's mistake again: every policy
// document embedded in a remediation (shell or Terraform heredoc) must be valid for its type.
TEST(Catalog, EveryEmbeddedPolicyPassesThePolicyChecker) {
  size_t checked = 0;
  for (const auto* control : all_controls()) {
    const auto& remediation = control->rule.remediation;
    for (const auto text : {remediation.cli, remediation.terraform}) {
      const bool scp = text.find("SERVICE_CONTROL_POLICY") != std::string_view::npos;
      for (const auto document : policy::embedded_documents(text)) {
        if (document.find("\"Statement\"") == std::string_view::npos) {
          continue; // not a policy (an event pattern, a script)
        }
        const auto result =
            policy::check_policy(document, scp ? policy::PolicyType::kScp : policy::PolicyType::kIdentity);
        EXPECT_TRUE(result.valid) << control->rule.id << ": " << document;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 2U);
}

} // namespace
} // namespace rg::controls
