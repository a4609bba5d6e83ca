#pragma once
// Terminal column width of UTF-8 text: East Asian Wide and Fullwidth characters take two columns,
// so a table that mixes Japanese and ASCII stays aligned.
#include <string>
#include <string_view>

namespace rg {

size_t display_width(std::string_view utf8);
// One code point of UTF-8 at `pos`, which moves past it; an invalid byte is U+FFFD and one byte long.
char32_t next_code_point(std::string_view text, size_t& pos);
// Columns one code point takes: 2 for East Asian Wide and Fullwidth, 0 for combining marks, else 1.
size_t code_point_width(char32_t c);
// Pads with spaces up to `width` columns (never truncates).
std::string pad_to_width(std::string_view utf8, size_t width);
// Cuts to at most `width` columns, ending with "…" when something was cut; never splits a character.
std::string truncate_to_width(std::string_view utf8, size_t width);

} // namespace rg
