#include "policy/request_context.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace rg::policy {

void RequestContext::set(std::string_view key, std::vector<std::string> values) {
  keys[to_lower(key)] = std::move(values);
}

void RequestContext::erase(std::string_view key) {
  keys.erase(to_lower(key));
}

const std::vector<std::string>* RequestContext::find(std::string_view key) const {
  const auto it = keys.find(to_lower(key));
  return it == keys.end() ? nullptr : &it->second;
}

KeyState RequestContext::state(std::string_view key) const {
  const auto lower = to_lower(key);
  if (keys.contains(lower)) {
    return KeyState::kPresent;
  }
  if (!open_world || known_absent.contains(lower)) {
    return KeyState::kAbsent;
  }
  for (const auto& family : known_absent) {
    if (!family.empty() && family.back() == '/' && lower.starts_with(family)) {
      return KeyState::kAbsent;
    }
  }
  return KeyState::kUnknown;
}

std::string root_arn(std::string_view partition, std::string_view account) {
  return fmt::format("arn:{}:iam::{}:root", partition, account);
}

RequestContext root_user_context(std::string_view partition, std::string_view account, std::string action,
                                 std::string resource) {
  RequestContext context;
  context.action = std::move(action);
  context.resource = std::move(resource);
  context.set("aws:PrincipalArn", root_arn(partition, account));
  context.set("aws:PrincipalType", "Account");
  context.set("aws:PrincipalAccount", std::string(account));
  context.set("aws:userid", std::string(account));
  context.set("aws:PrincipalIsAWSService", "false");
  context.set("aws:ViaAWSService", "false");
  context.open_world = true;
  context.known_absent = {"aws:assumedroot",
                          "aws:username",
                          "aws:principaltag/",
                          "aws:sourceidentity",
                          "aws:federatedprovider",
                          "aws:principalservicename",
                          "aws:principalservicenameslist"};
  return context;
}

RequestContext assumed_root_context(std::string_view partition, std::string_view account, std::string action,
                                    std::string resource) {
  auto context = root_user_context(partition, account, std::move(action), std::move(resource));
  context.set("aws:AssumedRoot", "true");
  context.known_absent.erase("aws:assumedroot");
  return context;
}

} // namespace rg::policy
