#pragma once
// A parsed IAM policy document. Every part keeps its JSON path so messages can point at it; values
// are kept as written (case, wildcards, variables) and interpreted only by the evaluator.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rg::policy {

enum class Effect { kAllow, kDeny };

// Action/NotAction or Resource/NotResource: the "Not" form applies to everything it does not list.
struct MatchList {
  bool negated = false;
  std::vector<std::string> values;
  std::vector<std::string> value_paths; // one per value
  std::string path;                     // of the element itself
};

// Principal/NotPrincipal: "*" or {"AWS": [...], "Service": [...], ...}.
struct PrincipalBlock {
  bool negated = false;
  bool wildcard = false;                                                 // "Principal": "*"
  std::vector<std::pair<std::string, std::vector<std::string>>> entries; // type -> identifiers
  std::string path;
};

// One key test inside Condition: {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::*:root"]}}.
struct ConditionTest {
  std::string operator_name; // as written: "ForAnyValue:StringLikeIfExists"
  std::string key;           // as written; compared case-insensitively
  std::vector<std::string> values;
  std::string path; // $.Statement[0].Condition.StringLike["aws:PrincipalArn"]
};

struct Statement {
  std::string path; // "$.Statement[0]", or "$.Statement" for a single statement object
  size_t index = 0;
  std::optional<std::string> sid;
  std::optional<Effect> effect; // nullopt when missing or invalid: the statement never applies
  std::optional<MatchList> action;
  std::optional<MatchList> resource;
  std::optional<PrincipalBlock> principal;
  std::vector<ConditionTest> conditions;
  bool well_formed = true; // false when a structural error leaves its meaning unknown

  // "Sid DenyRoot" or the path: how findings name a statement.
  std::string label() const { return sid && !sid->empty() ? *sid : path; }
};

struct Document {
  std::optional<std::string> version;
  std::optional<std::string> id;
  std::vector<Statement> statements;
  size_t size_all_characters = 0; // what SCP limits count (every character, whitespace included)
  size_t size_bytes = 0;          // the same text in UTF-8 bytes (AWS support has said SCPs count bytes)
  size_t size_non_whitespace = 0; // what IAM managed-policy limits count
};

} // namespace rg::policy
