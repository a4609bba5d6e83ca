#include "i18n/display_width.hpp"

#include <cstdint>

namespace rg {
namespace {

// Ranges from Unicode's EastAsianWidth.txt (W and F), condensed to the blocks that occur in practice.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0x3099 || c == 0x309A;
}

} // namespace

char32_t next_code_point(std::string_view text, size_t& pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  size_t length = 1;
  char32_t code = byte;
  if (byte >= 0xF0 && byte < 0xF8) {
    length = 4;
    code = byte & 0x07U;
  } else if (byte >= 0xE0) {
    length = 3;
    code = byte & 0x0FU;
  } else if (byte >= 0xC0) {
    length = 2;
    code = byte & 0x1FU;
  } else if (byte >= 0x80) {
    ++pos;
    return 0xFFFD;
  }
  if (pos + length > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0U) != 0x80U) {
      ++pos;
      return 0xFFFD;
    }
    code = (code << 6U) | (next & 0x3FU);
  }
  pos += length;
  return code;
}

size_t code_point_width(char32_t c) {
  if (is_zero_width(c)) {
    return 0;
  }
  return is_wide(c) ? 2 : 1;
}

size_t display_width(std::string_view utf8) {
  size_t width = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    width += code_point_width(next_code_point(utf8, pos));
  }
  return width;
}

std::string pad_to_width(std::string_view utf8, size_t width) {
  std::string result(utf8);
  const size_t current = display_width(utf8);
  if (current < width) {
    result.append(width - current, ' ');
  }
  return result;
}

std::string truncate_to_width(std::string_view utf8, size_t width) {
  if (display_width(utf8) <= width) {
    return std::string(utf8);
  }
  if (width == 0) {
    return {};
  }
  std::string result;
  size_t used = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    const size_t start = pos;
    const size_t w = code_point_width(next_code_point(utf8, pos));
    if (used + w > width - 1) {
      break;
    }
    result.append(utf8.substr(start, pos - start));
    used += w;
  }
  result += "…";
  return result;
}

} // namespace rg
