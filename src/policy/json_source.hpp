#pragma once
// Parses policy JSON with every failure located: syntax errors by line and column, duplicate keys by
// JSON path. Policies come from users and snapshots, so nothing here may throw or recurse unboundedly.
#include "policy/policy_problem.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace rg::policy {

// Deeper than any real policy (Statement[].Condition.Op.Key[] is depth 6); stops stack-heavy input.
inline constexpr int kMaxJsonDepth = 64;

// "$.Statement[0]" + "Effect" -> "$.Statement[0].Effect"; keys that are not identifiers are quoted:
// "$.Condition" + "aws:PrincipalArn" -> "$.Condition[\"aws:PrincipalArn\"]".
std::string json_member_path(std::string_view base, std::string_view key);
std::string json_index_path(std::string_view base, size_t index);

// 1-based line and column of a byte offset (columns count bytes, as editors showing UTF-8 do not;
// good enough to find the spot).
void line_column(std::string_view text, size_t offset, int& line, int& column);

// nullopt (and a `json-syntax` or `json-too-deep` problem) when the text is not one JSON value.
std::optional<nlohmann::json> parse_policy_json(std::string_view text, ProblemList& problems);

} // namespace rg::policy
