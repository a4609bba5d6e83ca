#include "i18n/code_comments.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace rg {
namespace {

// Where the comment text of `line` begins (after "# "), or nullopt when the line has none. Quotes are
// followed so that a '#' inside a string ("aws:PrincipalArn" values, jq filters) is not a comment.
std::optional<size_t> comment_start(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      size_t text = i + 1;
      while (text < line.size() && line[text] == ' ') {
        ++text;
      }
      return text;
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> japanese_for(std::string_view comment) {
  for (const auto& entry : code_comment_catalog()) {
    if (entry.en == comment) {
      return entry.ja;
    }
  }
  return std::nullopt;
}

template <typename OnLine> void for_each_line(std::string_view code, OnLine on_line) {
  for (size_t start = 0; start <= code.size();) {
    const size_t end = std::min(code.find('\n', start), code.size());
    on_line(code.substr(start, end - start), end < code.size());
    start = end + 1;
  }
}

} // namespace

std::string localize_code_comments(std::string_view code, Lang lang) {
  if (lang == Lang::kEn) {
    return std::string(code);
  }
  std::string out;
  out.reserve(code.size() + code.size() / 2);
  for_each_line(code, [&](std::string_view line, bool newline) {
    const auto start = comment_start(line);
    const auto ja = start ? japanese_for(line.substr(*start)) : std::nullopt;
    if (ja) {
      out += line.substr(0, *start);
      out += *ja;
    } else {
      out += line;
    }
    if (newline) {
      out += '\n';
    }
  });
  return out;
}

std::vector<std::string> unknown_code_comments(std::string_view code) {
  std::vector<std::string> unknown;
  for_each_line(code, [&](std::string_view line, bool /*newline*/) {
    if (const auto start = comment_start(line);
        start && *start < line.size() && !japanese_for(line.substr(*start))) {
      unknown.emplace_back(line.substr(*start));
    }
  });
  return unknown;
}

} // namespace rg
