// Every rule a person can read about (controls, detections, integrity findings) is whole in Japanese:
// each text has its Japanese side, and every comment in its AWS CLI and Terraform snippets is in the
// code-comment catalog. A new control whose comment is missing fails here, naming the comment.
#include "controls/control.hpp"
#include "detections/catalog.hpp"
#include "i18n/code_comments.hpp"
#include "pipeline/integrity_rules.hpp"

#include <gtest/gtest.h>
#include <vector>

namespace rg {
namespace {

std::vector<const RuleMetadata*> every_rule() {
  std::vector<const RuleMetadata*> rules;
  for (const auto* control : controls::all_controls()) {
    rules.push_back(&control->rule);
  }
  for (const auto* detection : detections::catalog()) {
    rules.push_back(&detection->metadata);
  }
  rules.push_back(&pipeline::kTrailIntegrityRootPeriod);
  rules.push_back(&pipeline::kTrailIntegrityFailure);
  return rules;
}

TEST(CatalogCoverage, EveryTextHasItsJapanese) {
  const auto rules = every_rule();
  ASSERT_GT(rules.size(), 20U);
  for (const auto* rule : rules) {
    for (const auto* text : {&rule->title, &rule->risk, &rule->explanation, &rule->remediation.console,
                             &rule->remediation.limits}) {
      EXPECT_EQ(text->en.empty(), text->ja.empty()) << rule->id << ": " << text->en;
      if (!text->en.empty()) {
        EXPECT_NE(text->en, text->ja) << rule->id << ": the same text in both languages: " << text->en;
      }
    }
  }
}

TEST(CatalogCoverage, EveryCodeCommentIsInTheCatalog) {
  for (const auto* rule : every_rule()) {
    for (const auto code : {rule->remediation.cli, rule->remediation.terraform}) {
      for (const auto& comment : unknown_code_comments(code)) {
        ADD_FAILURE() << rule->id << ": comment with no Japanese in code_comments_ja.cpp: " << comment;
      }
    }
  }
}

} // namespace
} // namespace rg
