#include "report/text_escape.hpp"

#include <fmt/format.h>

namespace rg::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
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
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string truncate_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  constexpr std::string_view kEllipsis = "...";
  size_t cut = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  // Step back over continuation bytes (10xxxxxx) so the cut lands before a lead byte.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

std::vector<std::string> related_requirements(const RuleMetadata& rule) {
  std::vector<std::string> out;
  const auto rows = expand_cis(rule.mappings.cis);
  for (const auto& row : rows.view()) {
    out.push_back(fmt::format("CIS AWS Foundations Benchmark v{}/{}", row.version, row.item));
  }
  if (!rule.mappings.security_hub.empty()) {
    out.push_back(fmt::format("AWS Foundational Security Best Practices/{}", rule.mappings.security_hub));
  }
  return out;
}

} // namespace rg::report
