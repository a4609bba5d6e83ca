#include "util/strings.hpp"

#include <algorithm>

namespace rg {

std::string to_lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return result;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && to_lower(a) == to_lower(b);
}

std::string substitute(std::string_view text,
                       const std::vector<std::pair<std::string, std::string>>& values) {
  std::string result;
  result.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find("${", pos);
    if (open == std::string_view::npos) {
      break;
    }
    const size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) {
      break;
    }
    result.append(text.substr(pos, open - pos));
    const auto name = text.substr(open + 2, close - open - 2);
    const auto found =
        std::find_if(values.begin(), values.end(), [&](const auto& entry) { return entry.first == name; });
    if (found != values.end()) {
      result += found->second;
    } else {
      result.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  result.append(text.substr(pos));
  return result;
}

} // namespace rg
