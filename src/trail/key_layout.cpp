#include "trail/key_layout.hpp"

#include <algorithm>
#include <vector>

namespace rg::trail {
namespace {

bool all_digits(std::string_view text, size_t length) {
  if (text.size() != length) {
    return false;
  }
  return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

unsigned to_number(std::string_view digits) {
  unsigned value = 0;
  for (const char c : digits) {
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find_first_of("/\\", start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) {
      parts.push_back(path.substr(start, end - start));
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  return parts;
}

ObjectKind kind_of_service_folder(std::string_view folder) {
  if (folder == "CloudTrail-Digest") {
    return ObjectKind::kDigest;
  }
  if (folder == "CloudTrail-Insight") {
    return ObjectKind::kInsight;
  }
  return ObjectKind::kLog;
}

} // namespace

KeyInfo parse_key(std::string_view path) {
  KeyInfo info;
  const std::vector<std::string_view> parts = components(path);
  if (!parts.empty()) {
    // File names carry the marker too (…_CloudTrail-Digest_…), so a digest copied out of its folder is
    // still recognised.
    const std::string_view name = parts.back();
    if (name.find("_CloudTrail-Digest_") != std::string_view::npos) {
      info.kind = ObjectKind::kDigest;
    } else if (name.find("_CloudTrail-Insight_") != std::string_view::npos) {
      info.kind = ObjectKind::kInsight;
    }
  }
  // The last AWSLogs component wins: a local mirror may itself sit under a folder named AWSLogs.
  size_t base = parts.size();
  for (size_t i = parts.size(); i-- > 0;) {
    if (parts[i] == "AWSLogs") {
      base = i;
      break;
    }
  }
  if (base == parts.size()) {
    return info;
  }
  size_t i = base + 1;
  if (i < parts.size() && parts[i].starts_with("o-")) {
    info.organization_id = std::string(parts[i]);
    ++i;
  }
  if (i >= parts.size() || !all_digits(parts[i], 12)) {
    return info;
  }
  info.account_id = std::string(parts[i]);
  ++i;
  if (i >= parts.size()) {
    return info;
  }
  const ObjectKind folder_kind = kind_of_service_folder(parts[i]);
  if (folder_kind != ObjectKind::kLog) {
    info.kind = folder_kind;
  } else if (parts[i] != "CloudTrail") {
    return info;
  }
  ++i;
  if (i >= parts.size()) {
    return info;
  }
  info.region = std::string(parts[i]);
  ++i;
  if (i + 2 < parts.size() && all_digits(parts[i], 4) && all_digits(parts[i + 1], 2) &&
      all_digits(parts[i + 2], 2)) {
    const std::chrono::year_month_day date{std::chrono::year{static_cast<int>(to_number(parts[i]))},
                                           std::chrono::month{to_number(parts[i + 1])},
                                           std::chrono::day{to_number(parts[i + 2])}};
    if (date.ok()) {
      info.date = date;
    }
  }
  return info;
}

} // namespace rg::trail
