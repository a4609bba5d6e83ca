#pragma once
// The CloudWatch Logs filter-pattern language for JSON events:
//   { $.a = "x" && ($.b NOT EXISTS || $.c != "y") }
// with =, !=, <, <=, >, >=, EXISTS, NOT EXISTS, IS NULL, IS TRUE, IS FALSE, &&, ||, parentheses, and `*`
// wildcards in string values (quoted or not). Parsed into a tree so patterns are judged by meaning.
#include "util/result.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rg::logs {

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe, kExists, kNotExists, kIsNull, kIsTrue, kIsFalse };

struct Literal {
  bool is_number = false;
  double number = 0;
  std::string text; // the string value (unescaped), or the number as written
};

struct Comparison {
  std::vector<std::string> path; // "$.userIdentity.type" -> {"userIdentity", "type"}; "[0]" -> "0"
  std::string selector;          // as written, for messages
  Op op = Op::kEq;
  Literal value; // for the binary operators
};

struct Node {
  enum class Kind { kAnd, kOr, kLeaf } kind = Kind::kLeaf;
  std::vector<Node> children;
  Comparison leaf;
};

struct FilterPattern {
  std::string text;
  Node root;
};

// Problems say where (column) and what; text patterns (not JSON `{ ... }`) and %regex% values are
// reported as unsupported, since rootguard cannot judge them by meaning.
Result<FilterPattern> parse_filter_pattern(std::string_view text);

// Does the pattern match this JSON event? A comparison on a field that does not exist is false
// (test absence with NOT EXISTS).
bool matches(const FilterPattern& pattern, const nlohmann::json& event);

// `*` in `pattern` matches any run of characters; everything else is literal and case-sensitive.
bool glob_match(std::string_view pattern, std::string_view value);

// The CIS AWS Foundations / Security Hub CloudWatch.1 root-usage pattern.
inline constexpr std::string_view kCisRootUsagePattern =
    R"({ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" })";

} // namespace rg::logs
