#include "policy/json_source.hpp"
#include "policy/parser.hpp"

#include <gtest/gtest.h>

namespace rg::policy {
namespace {

const PolicyProblem* find(const std::vector<PolicyProblem>& problems, const std::string& code) {
  for (const auto& p : problems) {
    if (p.code == code) {
      return &p;
    }
  }
  return nullptr;
}

TEST(JsonPath, QuotesNonIdentifiers) {
  EXPECT_EQ(json_member_path("$", "Statement"), "$.Statement");
  EXPECT_EQ(json_member_path("$.Condition", "aws:PrincipalArn"), "$.Condition[\"aws:PrincipalArn\"]");
  EXPECT_EQ(json_member_path("$", "a\"b"), "$[\"a\\\"b\"]");
  EXPECT_EQ(json_index_path("$.Statement", 2), "$.Statement[2]");
}

TEST(Parser, MalformedJsonHasLineAndColumn) {
  const auto out =
      parse_policy("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": }\n  ]\n}");
  EXPECT_FALSE(out.document);
  const auto* p = find(out.problems, "json-syntax");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->line, 4);
  EXPECT_GT(p->column, 10);
  EXPECT_NE(p->message.en.find("line 4"), std::string::npos);
  EXPECT_NE(p->message.ja.find("4 行"), std::string::npos);
}

TEST(Parser, EmptyAndNonObject) {
  EXPECT_TRUE(find(parse_policy("  \n").problems, "policy-empty"));
  EXPECT_TRUE(find(parse_policy("[]").problems, "policy-not-object"));
  EXPECT_TRUE(find(parse_policy("\"x\"").problems, "policy-not-object"));
  EXPECT_TRUE(find(parse_policy("{} {}").problems, "json-syntax")); // two policy objects
}

TEST(Parser, StatementAsObjectOrArray) {
  auto single =
      parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})");
  ASSERT_TRUE(single.document);
  ASSERT_EQ(single.document->statements.size(), 1u);
  EXPECT_EQ(single.document->statements[0].path, "$.Statement");
  EXPECT_TRUE(single.problems.empty());
  auto list = parse_policy(
      R"({"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]})");
  ASSERT_TRUE(list.document);
  const auto& st = list.document->statements[0];
  EXPECT_EQ(st.path, "$.Statement[0]");
  EXPECT_EQ(st.label(), "A");
  ASSERT_TRUE(st.action);
  EXPECT_EQ(st.action->values.size(), 2u);
  EXPECT_EQ(st.action->value_paths[1], "$.Statement[0].Action[1]");
}

TEST(Parser, StatementNotObject) {
  auto out = parse_policy(
      R"({"Version":"2012-10-17","Statement":["Deny everything",{"Effect":"Deny","Action":"*","Resource":"*"}]})");
  const auto* p = find(out.problems, "statement-not-object");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$.Statement[0]");
  ASSERT_TRUE(out.document);
  EXPECT_EQ(out.document->statements.size(), 1u);
  EXPECT_EQ(out.document->statements[0].path, "$.Statement[1]");
}

TEST(Parser, EmptyActionList) {
  auto out =
      parse_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":[],"Resource":"*"}]})");
  const auto* p = find(out.problems, "action-empty");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$.Statement[0].Action");
  EXPECT_FALSE(out.document->statements[0].well_formed);
}

TEST(Parser, ElementProblemsWithPaths) {
  auto out = parse_policy(R"({"Version":"2012-10-17","Statment":[],"Statement":[
    {"Effect":"Deny","Action":"*","NotAction":"s3:*","Resource":"*"},
    {"Effect":"Block","Action":5,"Resource":"*","Conditions":{}},
    {"Action":"*","Resource":"*"},
    {"Effect":"Allow","Action":"*"},
    {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":"x"}},
    {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":[]}}},
    {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":[{"a":1}]}}},
    {"Sid":7,"Effect":"Allow","Action":"*","Resource":"*"}
  ]})");
  struct Expect {
    const char* code;
    const char* path;
  };
  for (const Expect e :
       {Expect{"unknown-element", "$.Statment"}, Expect{"action-conflict", "$.Statement[0]"},
        Expect{"effect-invalid", "$.Statement[1].Effect"}, Expect{"action-type", "$.Statement[1].Action"},
        Expect{"unknown-element", "$.Statement[1].Conditions"}, Expect{"effect-missing", "$.Statement[2]"},
        Expect{"resource-missing", "$.Statement[3]"},
        Expect{"condition-type", "$.Statement[4].Condition.StringEquals"},
        Expect{"condition-value-empty", "$.Statement[5].Condition.StringEquals.k"},
        Expect{"condition-value-type", "$.Statement[6].Condition.StringEquals.k[0]"},
        Expect{"sid-type", "$.Statement[7].Sid"}}) {
    bool found = false;
    for (const auto& p : out.problems) {
      found = found || (p.code == e.code && p.path == e.path);
    }
    EXPECT_TRUE(found) << e.code << " at " << e.path;
  }
}

TEST(Parser, VersionRules) {
  EXPECT_TRUE(find(parse_policy(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})").problems,
                   "version-missing"));
  EXPECT_TRUE(find(
      parse_policy(R"({"Version":"2024-01-01","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})")
          .problems,
      "version-invalid"));
  EXPECT_TRUE(find(
      parse_policy(R"({"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})")
          .problems,
      "version-old"));
  EXPECT_TRUE(find(
      parse_policy(R"({"Version":2012,"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})").problems,
      "version-invalid"));
}

TEST(Parser, DuplicateKeysAreReportedWithPath) {
  auto out = parse_policy(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]})");
  const auto* p = find(out.problems, "json-duplicate-key");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->path, "$.Statement[0].Effect");
}

TEST(Parser, DeepNestingIsRejectedNotCrashed) {
  std::string deep = R"({"Version":"2012-10-17","Statement":)";
  deep += std::string(100000, '[') + std::string(100000, ']') + "}";
  auto out = parse_policy(deep);
  EXPECT_FALSE(out.document);
  EXPECT_TRUE(find(out.problems, "json-too-deep"));
}

TEST(Parser, ConditionValuesOfAnyScalarType) {
  auto out = parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*",
    "Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:max-keys":[10, 2.5]}}}})");
  ASSERT_TRUE(out.document);
  const auto& conditions = out.document->statements[0].conditions;
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_EQ(conditions[0].values[0], "false");
  EXPECT_EQ(conditions[1].values[0], "10");
  EXPECT_EQ(conditions[1].values[1], "2.5");
  EXPECT_EQ(conditions[0].path, "$.Statement.Condition.Bool[\"aws:SecureTransport\"]");
}

TEST(Parser, SizesCountCharacters) {
  auto out = parse_policy("{ \"Version\" : \"2012-10-17\", \"Statement\": "
                          "{\"Sid\":\"日本\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
  ASSERT_TRUE(out.document);
  EXPECT_GT(out.document->size_all_characters, out.document->size_non_whitespace);
}

} // namespace
} // namespace rg::policy
