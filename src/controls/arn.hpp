#pragma once
// ARN parts, for following a trail to its log group and an alarm to its SNS topic across regions and
// accounts.
#include <optional>
#include <string>
#include <string_view>

namespace rg::controls {

struct ArnParts {
  std::string partition;
  std::string service;
  std::string region;
  std::string account;
  std::string resource; // everything after the fifth colon
};

std::optional<ArnParts> parse_arn(std::string_view arn);

// arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/Default:* -> "CloudTrail/Default"
std::optional<std::string> log_group_name(const ArnParts& arn);

} // namespace rg::controls
