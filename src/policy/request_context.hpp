#pragma once
// What a request looks like to IAM: the action, the resource and the condition keys. Key names are
// case-insensitive in IAM, so they are stored lower-cased; values keep their case.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

// Whether a condition key is in the request. kUnknown exists for "open world" contexts that model a whole
// class of requests (every request root might make), where only some keys are certain.
enum class KeyState { kPresent, kAbsent, kUnknown };

struct RequestContext {
  std::string action;   // "iam:CreateAccessKey"
  std::string resource; // an ARN
  std::map<std::string, std::vector<std::string>>
      keys; // lower-cased name -> values (several for multivalued keys)

  void set(std::string_view key, std::vector<std::string> values);
  void set(std::string_view key, std::string value) { set(key, std::vector<std::string>{std::move(value)}); }
  void erase(std::string_view key);
  const std::vector<std::string>* find(std::string_view key) const; // nullptr when absent

  // Open world: a key not set is unknown unless listed in `known_absent` (lower-cased; an entry ending
  // in '/' covers a family such as aws:principaltag/). Closed world (default): not set means absent.
  bool open_world = false;
  std::set<std::string> known_absent;
  KeyState state(std::string_view key) const;
};

// The root user of `account` signing in with its own credentials: aws:PrincipalArn is
// arn:<partition>:iam::<account>:root, aws:PrincipalType is "Account" (never "Root"), aws:AssumedRoot,
// aws:username and principal tags absent. Open world: every other key (region, source IP, MFA, time) is
// unknown, so a Deny that depends on them is "conditional", never counted as denying root outright.
RequestContext root_user_context(std::string_view partition, std::string_view account, std::string action,
                                 std::string resource);

// The same root identity reached through sts:AssumeRoot from the management account: aws:AssumedRoot "true".
RequestContext assumed_root_context(std::string_view partition, std::string_view account, std::string action,
                                    std::string resource);

std::string root_arn(std::string_view partition, std::string_view account);

} // namespace rg::policy
