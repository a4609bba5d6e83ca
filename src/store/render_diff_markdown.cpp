// Markdown for a pull-request comment: every value from the store is escaped (remediate's
// markdown_escape, then the characters GitHub's autolinks start from), so a resource name cannot open a
// link, a heading, an image, raw HTML or a new table cell.
#include "remediate/fix_values.hpp"
#include "store/diff_cells.hpp"
#include "store/render.hpp"

#include <fmt/format.h>

namespace rg::store {
namespace {

std::string cell(std::string_view text) {
  std::string out;
  for (const char c : remediate::markdown_escape(text)) {
    if (c == ':' || c == '@' || c == '.' || c == '(' || c == ')') {
      out += '\\'; // "http://", "www." and "a@b" no longer autolink
    }
    out += c;
  }
  return out;
}

} // namespace

std::string render_diff_markdown(const Diff& diff, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string out = fmt::format("### rootguard diff: {} → {}\n\n", cell(run_label(diff.a, lang)),
                                cell(run_label(diff.b, lang)));
  out += fmt::format("**{}**\n\n{}\n", cell(new_fails_line(diff, lang)), cell(diff_counts(diff, lang)));
  if (diff.changes.empty()) {
    out += ja ? "\n変化はありません。\n" : "\nNo changes.\n";
    return out;
  }
  const auto header = diff_header(lang);
  std::string line = "\n|";
  std::string rule = "|";
  for (const auto& name : header) {
    line += fmt::format(" {} |", cell(name));
    rule += " --- |";
  }
  out += fmt::format("{}\n{}\n", line, rule);
  for (const auto& change : diff.changes) {
    std::string row = "|";
    for (const auto& value : diff_cells(change, lang)) {
      row += fmt::format(" {} |", cell(value));
    }
    out += fmt::format("{}\n", row);
  }
  return out;
}

} // namespace rg::store
