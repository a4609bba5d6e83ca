#include "util/terminal_text.hpp"

#include <fmt/format.h>

namespace rg {
namespace {

// Length of the UTF-8 sequence starting at text[i] and its code point; 0 when invalid (overlong,
// surrogate, beyond U+10FFFF, truncated).
size_t decode(std::string_view text, size_t i, char32_t& code) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    code = lead & 0x1FU;
    min = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    code = lead & 0x0FU;
    min = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    code = lead & 0x07U;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0U) != 0x80U) {
      return 0;
    }
    code = (code << 6U) | (byte(i + k) & 0x3FU);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return length;
}

bool dangerous(char32_t code) {
  return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F) || code == 0x061C || code == 0x200E ||
         code == 0x200F || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
         code == 0x2028 || code == 0x2029;
}

std::string sanitize(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t code = 0;
    const size_t length = decode(text, i, code);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (code == '\n' && keep_newlines) {
      out += '\n';
    } else if (code == '\\' && i + 1 < text.size() && text[i + 1] == 'x') {
      out += "\\\\"; // so an escaped form cannot be forged by a value that spells one
    } else if (!dangerous(code)) {
      out.append(text.substr(i, length));
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code < 0x80) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
    } else {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
    }
    i += length;
  }
  return out;
}

} // namespace

std::string terminal_safe(std::string_view text) {
  return sanitize(text, /*keep_newlines=*/false);
}

std::string terminal_safe_lines(std::string_view text) {
  return sanitize(text, /*keep_newlines=*/true);
}

} // namespace rg
