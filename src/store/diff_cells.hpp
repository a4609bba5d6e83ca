#pragma once
// The cells of one diff row, shared by the text and Markdown renderers (each escapes them its own way).
#include "i18n/text.hpp"
#include "store/diff.hpp"

#include <array>
#include <string>

namespace rg::store {

inline constexpr std::size_t kDiffColumns = 8;
using DiffRow = std::array<std::string, kDiffColumns>;

DiffRow diff_header(Lang lang);
// change, status ("PASS → FAIL" when it changed), severity, control, account, region, resource, detail
// (the mute entry's reason and end date for mute changes).
DiffRow diff_cells(const Change& change, Lang lang);
// "1 new, 2 resolved, ..." (every kind, zeros included) and the new-FAIL line.
std::string diff_counts(const Diff& diff, Lang lang);
std::string new_fails_line(const Diff& diff, Lang lang);

} // namespace rg::store
