#include "remediate/fix_values.hpp"

#include "controls/arn.hpp"
#include "model/aws_ids.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::remediate {
namespace {

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_alnum(char c) {
  return is_lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

bool all_of(std::string_view text, bool (*allowed)(char)) {
  return std::all_of(text.begin(), text.end(), allowed);
}

std::optional<std::string> length_problem(std::string_view value, size_t min, size_t max) {
  if (value.size() < min || value.size() > max) {
    return fmt::format("must be {} to {} characters long, not {}", min, max, value.size());
  }
  return std::nullopt;
}

bool printable_ascii(char c) {
  return c > ' ' && c < 0x7f;
}

// arn:partition:service:region:account:resource. Region and account may be empty (IAM, S3); the
// resource is printable ASCII without spaces, quotes, backslashes or backticks, which no ARN rootguard
// writes into a fix contains.
std::optional<std::string> arn_problem(std::string_view value) {
  if (auto problem = length_problem(value, 12, 2048)) {
    return problem;
  }
  if (!all_of(value, printable_ascii)) {
    return "contains a space, a control character or non-ASCII text";
  }
  for (const char c : value) {
    if (c == '\'' || c == '"' || c == '\\' || c == '`' || c == '$' || c == ';' || c == '&' || c == '|' ||
        c == '<' || c == '>' || c == '(' || c == ')' || c == '{' || c == '}') {
      return fmt::format("contains '{}', which no ARN in a fix may hold", c);
    }
  }
  if (!value.starts_with("arn:")) {
    return "does not start with arn:";
  }
  const auto parts = controls::parse_arn(value);
  if (!parts) {
    return "does not have the six colon-separated parts of an ARN";
  }
  if (!model::is_partition_name(parts->partition)) {
    return fmt::format("has an unknown partition");
  }
  if (parts->service.empty() ||
      !all_of(parts->service, [](char c) { return is_lower_alnum(c) || c == '-'; })) {
    return "has an invalid service";
  }
  if (!parts->region.empty() && !model::is_region_name(parts->region)) {
    return "has an invalid region";
  }
  if (!parts->account.empty() && !model::is_account_id(parts->account) && parts->account != "aws") {
    return "has an invalid account id";
  }
  if (parts->resource.empty()) {
    return "has no resource";
  }
  return std::nullopt;
}

std::optional<std::string> prefixed_id_problem(std::string_view value, std::string_view prefix, size_t min,
                                               size_t max) {
  if (!value.starts_with(prefix)) {
    return fmt::format("does not start with {}", prefix);
  }
  const auto rest = value.substr(prefix.size());
  if (rest.size() < min || rest.size() > max || !all_of(rest, is_lower_alnum)) {
    return fmt::format("must be {} followed by {} to {} lowercase letters or digits", prefix, min, max);
  }
  return std::nullopt;
}

} // namespace

std::string_view value_kind_name(ValueKind kind) {
  switch (kind) {
  case ValueKind::kAccountId:
    return "account id";
  case ValueKind::kRegion:
    return "region";
  case ValueKind::kPartition:
    return "partition";
  case ValueKind::kArn:
    return "ARN";
  case ValueKind::kTargetId:
    return "SCP target id";
  case ValueKind::kPolicyId:
    return "policy id";
  case ValueKind::kTrailName:
    return "trail name";
  case ValueKind::kLogGroupName:
    return "log group name";
  case ValueKind::kTopicName:
    return "SNS topic name";
  case ValueKind::kDetectorId:
    return "GuardDuty detector id";
  case ValueKind::kMetricName:
    return "metric name";
  case ValueKind::kOrganizationId:
    return "organization id";
  }
  return "value";
}

std::optional<std::string> invalid_reason(ValueKind kind, std::string_view value) {
  switch (kind) {
  case ValueKind::kAccountId:
    if (!model::is_account_id(value)) {
      return "must be exactly 12 digits";
    }
    return std::nullopt;
  case ValueKind::kRegion:
    if (!model::is_region_name(value)) {
      return "does not match ^[a-z]{2}(-[a-z]+)+-\\d{1,2}$";
    }
    return std::nullopt;
  case ValueKind::kPartition:
    if (!model::is_partition_name(value)) {
      return "is not an AWS partition (aws, aws-cn, aws-us-gov, aws-iso...)";
    }
    return std::nullopt;
  case ValueKind::kArn:
    return arn_problem(value);
  case ValueKind::kTargetId:
    if (value.starts_with("r-")) {
      return model::is_root_id(value)
                 ? std::nullopt
                 : std::optional<std::string>("must be r- followed by 4 to 32 lowercase letters or digits");
    }
    if (value.starts_with("ou-")) {
      return model::is_ou_id(value)
                 ? std::nullopt
                 : std::optional<std::string>("must be ou-<4-32 letters or digits>-<8-32 letters or digits>");
    }
    return invalid_reason(ValueKind::kAccountId, value)
               ? std::optional<std::string>("must be a root (r-...), an OU (ou-...) or a 12-digit account id")
               : std::nullopt;
  case ValueKind::kPolicyId:
    return prefixed_id_problem(value, "p-", 8, 128);
  case ValueKind::kOrganizationId:
    return prefixed_id_problem(value, "o-", 10, 32);
  case ValueKind::kTrailName:
    if (auto problem = length_problem(value, 3, 128)) {
      return problem;
    }
    if (!all_of(value, [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; }) ||
        !is_alnum(value.front()) || !is_alnum(value.back())) {
      return "may hold only letters, digits, '.', '_' and '-', and must start and end with a letter or "
             "digit";
    }
    return std::nullopt;
  case ValueKind::kLogGroupName:
    if (auto problem = length_problem(value, 1, 512)) {
      return problem;
    }
    if (!all_of(value, [](char c) {
          return is_alnum(c) || c == '.' || c == '_' || c == '-' || c == '/' || c == '#';
        })) {
      return "may hold only letters, digits and . _ - / #";
    }
    return std::nullopt;
  case ValueKind::kTopicName: {
    auto name = value;
    if (name.ends_with(".fifo")) {
      name.remove_suffix(5);
    }
    if (auto problem = length_problem(name, 1, 256)) {
      return problem;
    }
    if (!all_of(name, [](char c) { return is_alnum(c) || c == '_' || c == '-'; })) {
      return "may hold only letters, digits, '_' and '-'";
    }
    return std::nullopt;
  }
  case ValueKind::kDetectorId:
    if (auto problem = length_problem(value, 1, 300)) {
      return problem;
    }
    if (!all_of(value, is_lower_alnum)) {
      return "may hold only lowercase letters and digits";
    }
    return std::nullopt;
  case ValueKind::kMetricName:
    if (auto problem = length_problem(value, 1, 255)) {
      return problem;
    }
    if (!all_of(value, [](char c) {
          return is_alnum(c) || c == '.' || c == '_' || c == '-' || c == '/' || c == '#' || c == ':';
        })) {
      return "may hold only letters, digits and . _ - / # :";
    }
    return std::nullopt;
  }
  return "unknown kind";
}

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

std::string hcl_escape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool opens_template = i + 1 < text.size() && text[i + 1] == '{';
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '"':
      out += "\\\"";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '$':
      out += opens_template ? "$$" : "$";
      break;
    case '%':
      out += opens_template ? "%%" : "%";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out;
}

std::string hcl_string(std::string_view text) {
  return fmt::format("\"{}\"", hcl_escape(text));
}

std::string markdown_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '\n':
    case '\r':
    case '\t':
      out += ' ';
      break;
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '#':
    case '|':
    case '!':
    case '~':
      out += '\\';
      out += c;
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        out += ' ';
      } else {
        out += c;
      }
    }
  }
  return out;
}

std::string comment_safe(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '\\') {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace rg::remediate
