#pragma once
// Text wrapped for a terminal: a reason under a table row must not run past the right edge, nor break
// an ARN in two when it fits on the next line.
#include <string>
#include <string_view>
#include <vector>

namespace rg {

// Lines of `text` for a terminal `width` columns wide. The first line starts after `first_used` columns
// already printed on it; the caller starts every later line with `indent` columns (a hanging indent), and
// the returned lines do not include it. Breaks at spaces between English words, and between characters in
// Japanese, except before closing punctuation and small kana (、。」ー) and after opening brackets (「（);
// a run without spaces (an identifier, an ARN, a path) moves whole to the next line, and is cut only when
// it is longer than a line. Columns are East Asian widths. `width` 0, or too narrow for the indent, means
// no wrapping; a newline in `text` always breaks.
std::vector<std::string> wrap_to_width(std::string_view text, size_t width, size_t first_used, size_t indent);

} // namespace rg
