#pragma once
// What a request looks like to IAM: the action, the resource and the condition keys. Key names are
// case-insensitive in IAM, so they are stored lower-cased; values keep their case.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

struct RequestContext {
  std::string action;   // "iam:CreateAccessKey"
  std::string resource; // an ARN
  std::map<std::string, std::vector<std::string>>
      keys; // lower-cased name -> values (several for multivalued keys)

  void set(std::string_view key, std::vector<std::string> values);
  void set(std::string_view key, std::string value) { set(key, std::vector<std::string>{std::move(value)}); }
  void erase(std::string_view key);
  const std::vector<std::string>* find(std::string_view key) const; // nullptr when absent
};

// The root user of `account` signing in with its own credentials: aws:PrincipalArn is
// arn:<partition>:iam::<account>:root, aws:PrincipalType is "Account" (never "Root"), aws:AssumedRoot absent.
RequestContext root_user_context(std::string_view partition, std::string_view account, std::string action,
                                 std::string resource);

// The same root identity reached through sts:AssumeRoot from the management account: aws:AssumedRoot "true".
RequestContext assumed_root_context(std::string_view partition, std::string_view account, std::string action,
                                    std::string resource);

std::string root_arn(std::string_view partition, std::string_view account);

} // namespace rg::policy
