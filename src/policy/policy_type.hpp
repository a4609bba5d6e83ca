#pragma once
// The three policy documents `policy check` understands; each allows different elements and sizes.
#include <optional>
#include <string_view>

namespace rg::policy {

enum class PolicyType { kScp, kIdentity, kResource };

std::optional<PolicyType> parse_policy_type(std::string_view text); // "scp", "identity", "resource"
std::string_view to_string(PolicyType type);

} // namespace rg::policy
