#pragma once
// IAM pattern matching. `*` matches any run of characters (colons included) and `?` one character;
// ARN matching applies that to each of the six colon-separated parts separately, so `*` never crosses
// a colon there (the resource part, the sixth, keeps its own colons).
#include <string_view>

namespace rg::policy {

bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case = false);

// Action names: "iam:*AccessKey*" vs "iam:CreateAccessKey", case-insensitive as IAM does.
bool action_matches(std::string_view pattern, std::string_view action);

// ArnLike/ArnEquals and Resource: part by part. A pattern or ARN with fewer than six parts matches
// nothing, except the pattern "*" alone which matches every resource.
bool arn_matches(std::string_view pattern, std::string_view arn);

} // namespace rg::policy
