#pragma once
// AWS credentials as a signer needs them. The access key id is not secret (it appears in every signed
// request and in CloudTrail); the secret key and session token are.
#include "aws/secret.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace rg::aws {

struct Credentials {
  std::string access_key_id;
  Secret secret_access_key;
  Secret session_token; // empty for long-term keys
  std::optional<std::chrono::sys_seconds> expiration;
  std::string source; // which provider gave them ("environment", "assume-role", ...), for messages
};

} // namespace rg::aws
