#include "i18n/display_width.hpp"
#include "store/diff_cells.hpp"
#include "store/render.hpp"
#include "util/terminal_text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::store {

std::string render_diff_table(const Diff& diff, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string out = ja ? fmt::format("{} から {} への変化\n", terminal_safe(run_label(diff.a, lang)),
                                     terminal_safe(run_label(diff.b, lang)))
                       : fmt::format("Changes from {} to {}\n", terminal_safe(run_label(diff.a, lang)),
                                     terminal_safe(run_label(diff.b, lang)));
  out += fmt::format("{}\n{}\n", diff_counts(diff, lang), new_fails_line(diff, lang));
  if (diff.changes.empty()) {
    out += ja ? "\n変化はありません。\n" : "\nNo changes.\n";
    return out;
  }
  std::vector<DiffRow> rows{diff_header(lang)};
  for (const auto& change : diff.changes) {
    auto cells = diff_cells(change, lang);
    for (auto& cell : cells) {
      cell = terminal_safe(cell);
    }
    rows.push_back(std::move(cells));
  }
  std::array<std::size_t, kDiffColumns> widths{};
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < kDiffColumns; ++column) {
      widths.at(column) = std::max(widths.at(column), display_width(row.at(column)));
    }
  }
  out += '\n';
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t column = 0; column < kDiffColumns; ++column) {
      line += column + 1 == kDiffColumns
                  ? fmt::format(" {}", row.at(column))
                  : fmt::format(" {} ", pad_to_width(row.at(column), widths.at(column)));
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += fmt::format("{}\n", line);
  }
  return out;
}

} // namespace rg::store
