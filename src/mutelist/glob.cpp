#include "mutelist/glob.hpp"

#include <cstddef>

namespace rg::mutelist {
namespace {

// Bytes in the UTF-8 sequence starting at `at` (1 for ASCII and for a stray byte, so bad UTF-8 still
// advances); never past the end.
std::size_t code_point_size(std::string_view text, std::size_t at) {
  std::size_t size = 1;
  while (at + size < text.size() && (static_cast<unsigned char>(text[at + size]) & 0xC0U) == 0x80U) {
    ++size;
  }
  return size;
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  // Where the last `*` was and where in the text it started matching: on a mismatch, that star takes one
  // more character. Only the last star needs remembering, which keeps this linear per star.
  std::size_t star = std::string_view::npos;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      t += code_point_size(text, t);
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      star_text += code_point_size(text, star_text);
      t = star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

} // namespace rg::mutelist
