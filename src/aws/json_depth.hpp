#pragma once
// A bound on the nesting of a JSON answer before it is parsed: nlohmann::json copies and compares
// recursively, so 200 000 nested arrays from a hostile endpoint would overflow the stack. AWS answers
// nest a few dozen levels at most.
#include <string_view>

namespace rg::aws {

inline constexpr int kMaxJsonDepth = 256;

// True when no point of `text` is nested deeper than `limit` arrays or objects (strings skipped).
bool json_depth_within(std::string_view text, int limit = kMaxJsonDepth);

} // namespace rg::aws
