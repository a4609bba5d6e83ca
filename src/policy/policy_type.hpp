#pragma once
// The policy documents `policy check` understands; each allows different elements and sizes.
#include <optional>
#include <string_view>

namespace rg::policy {

// kRcp: a resource control policy of AWS Organizations (Deny statements with Principal "*").
enum class PolicyType { kScp, kIdentity, kResource, kRcp };

std::optional<PolicyType> parse_policy_type(std::string_view text); // "scp", "identity", "resource", "rcp"
std::string_view to_string(PolicyType type);

} // namespace rg::policy
