#include "policy/policy_type.hpp"

namespace rg::policy {

std::optional<PolicyType> parse_policy_type(std::string_view text) {
  if (text == "scp") {
    return PolicyType::kScp;
  }
  if (text == "identity") {
    return PolicyType::kIdentity;
  }
  if (text == "resource") {
    return PolicyType::kResource;
  }
  if (text == "rcp") {
    return PolicyType::kRcp;
  }
  return std::nullopt;
}

std::string_view to_string(PolicyType type) {
  switch (type) {
  case PolicyType::kScp:
    return "scp";
  case PolicyType::kIdentity:
    return "identity";
  case PolicyType::kResource:
    return "resource";
  case PolicyType::kRcp:
    return "rcp";
  }
  return "scp";
}

} // namespace rg::policy
