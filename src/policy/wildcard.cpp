#include "policy/wildcard.hpp"

#include <array>
#include <optional>

namespace rg::policy {
namespace {

char fold(char c, bool ignore_case) {
  return ignore_case && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// Splits into the five fixed parts and the resource (which keeps its colons).
std::optional<std::array<std::string_view, 6>> arn_parts(std::string_view arn) {
  std::array<std::string_view, 6> parts;
  for (size_t i = 0; i < 5; ++i) {
    const auto colon = arn.find(':');
    if (colon == std::string_view::npos) {
      return std::nullopt;
    }
    parts[i] = arn.substr(0, colon);
    arn.remove_prefix(colon + 1);
  }
  parts[5] = arn;
  return parts;
}

} // namespace

bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case) {
  // Iterative greedy match with one backtrack point: linear-ish, no recursion on hostile patterns.
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() &&
               (pattern[p] == '?' || fold(pattern[p], ignore_case) == fold(text[t], ignore_case))) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

bool action_matches(std::string_view pattern, std::string_view action) {
  return wildcard_match(pattern, action, /*ignore_case=*/true);
}

bool arn_matches(std::string_view pattern, std::string_view arn) {
  if (pattern == "*") {
    return true;
  }
  const auto pattern_parts = arn_parts(pattern);
  const auto text_parts = arn_parts(arn);
  if (!pattern_parts || !text_parts) {
    return false;
  }
  for (size_t i = 0; i < 6; ++i) {
    if (!wildcard_match((*pattern_parts)[i], (*text_parts)[i])) {
      return false;
    }
  }
  return true;
}

} // namespace rg::policy
