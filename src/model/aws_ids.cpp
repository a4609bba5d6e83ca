#include "model/aws_ids.hpp"

#include <algorithm>
#include <array>

namespace rg::model {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

bool lower_alnum(char c) {
  return digit(c) || (c >= 'a' && c <= 'z');
}

bool all_of(std::string_view text, size_t min, size_t max, bool (*allowed)(char)) {
  return text.size() >= min && text.size() <= max && std::all_of(text.begin(), text.end(), allowed);
}

} // namespace

bool is_account_id(std::string_view text) {
  return all_of(text, 12, 12, digit);
}

bool is_root_id(std::string_view text) {
  return text.starts_with("r-") && all_of(text.substr(2), 4, 32, lower_alnum);
}

bool is_ou_id(std::string_view text) {
  if (!text.starts_with("ou-")) {
    return false;
  }
  const auto rest = text.substr(3);
  const auto dash = rest.find('-');
  return dash != std::string_view::npos && all_of(rest.substr(0, dash), 4, 32, lower_alnum) &&
         all_of(rest.substr(dash + 1), 8, 32, lower_alnum);
}

bool is_policy_id(std::string_view text) {
  return text.starts_with("p-") && all_of(text.substr(2), 8, 128, [](char c) {
           return lower_alnum(c) || (c >= 'A' && c <= 'Z') || c == '_';
         });
}

bool is_region_name(std::string_view text) {
  constexpr size_t kMaxRegionName = 32;
  if (text.size() > kMaxRegionName || text.size() < 2 || text[0] < 'a' || text[0] > 'z' || text[1] < 'a' ||
      text[1] > 'z') {
    return false;
  }
  const auto last_dash = text.rfind('-');
  if (last_dash == std::string_view::npos || last_dash < 3 ||
      !all_of(text.substr(last_dash + 1), 1, 2, digit)) {
    return false;
  }
  // Between the two-letter prefix and the number: one or more "-word" parts of lower-case letters.
  std::string_view middle = text.substr(2, last_dash - 2);
  while (!middle.empty()) {
    if (middle[0] != '-') {
      return false;
    }
    middle.remove_prefix(1);
    const auto next = middle.find('-');
    const auto word = middle.substr(0, next);
    if (!all_of(word, 1, kMaxRegionName, [](char c) { return c >= 'a' && c <= 'z'; })) {
      return false;
    }
    middle = next == std::string_view::npos ? std::string_view{} : middle.substr(next);
  }
  return true;
}

bool is_partition_name(std::string_view text) {
  constexpr std::array<std::string_view, 8> kPartitions{"aws",       "aws-cn",    "aws-us-gov", "aws-iso",
                                                        "aws-iso-b", "aws-iso-e", "aws-iso-f",  "aws-eusc"};
  return std::find(kPartitions.begin(), kPartitions.end(), text) != kPartitions.end();
}

std::string_view arn_partition(std::string_view arn) {
  if (!arn.starts_with("arn:")) {
    return {};
  }
  const auto rest = arn.substr(4);
  const auto colon = rest.find(':');
  const auto partition = rest.substr(0, colon);
  return colon != std::string_view::npos && is_partition_name(partition) ? partition : std::string_view{};
}

std::string_view global_service_region(std::string_view partition) {
  if (partition == "aws-cn") {
    return "cn-north-1";
  }
  if (partition == "aws-us-gov") {
    return "us-gov-west-1";
  }
  if (partition == "aws-iso") {
    return "us-iso-east-1";
  }
  if (partition == "aws-iso-b") {
    return "us-isob-east-1";
  }
  if (partition == "aws-iso-f") {
    return "us-isof-south-1";
  }
  return "us-east-1";
}

bool is_organization_id(std::string_view text) {
  if (!text.starts_with("o-") || text.size() < 12 || text.size() > 34) {
    return false;
  }
  return std::all_of(text.begin() + 2, text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

bool is_organization_path(std::string_view text) {
  if (!text.ends_with('/')) {
    return false;
  }
  size_t index = 0;
  for (size_t start = 0; start < text.size(); ++index) {
    const size_t slash = text.find('/', start);
    const auto part = text.substr(start, slash - start);
    const bool ok = index == 0 ? is_organization_id(part) : index == 1 ? is_root_id(part) : is_ou_id(part);
    if (!ok) {
      return false;
    }
    start = slash + 1;
  }
  return index >= 2;
}

} // namespace rg::model
