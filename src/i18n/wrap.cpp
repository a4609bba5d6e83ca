#include "i18n/wrap.hpp"

#include "i18n/display_width.hpp"

#include <algorithm>
#include <string_view>

namespace rg {
namespace {

// The narrowest line worth wrapping into: below it, one long line reads better than a column of stubs.
constexpr size_t kMinimumLineWidth = 16;

// Characters a line must not start with (JIS X 4051's line-start prohibition, the common subset).
constexpr std::u32string_view kClosing =
    U"、。，．」』）】〕・：；！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ)]},.:;!?";
// Characters a line must not end with.
constexpr std::u32string_view kOpening = U"「『（【〔([{";

bool is_closing(char32_t c) {
  return kClosing.find(c) != std::u32string_view::npos;
}
bool is_opening(char32_t c) {
  return kOpening.find(c) != std::u32string_view::npos;
}

// The unit that is never split when it fits on a line: an English word or identifier, or one Japanese
// character with the punctuation that must stay beside it.
struct Atom {
  std::string text;
  size_t width = 0;
  bool space_before = false;
};

std::vector<Atom> split_atoms(std::string_view text) {
  std::vector<Atom> atoms;
  bool pending_space = false;
  bool in_word = false;    // the last atom is a run of narrow characters still being read
  bool after_open = false; // the last character opens a bracket: the next one stays with it
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    char32_t c = next_code_point(text, pos);
    size_t width = code_point_width(c);
    // A colour (CSI ... m) takes no column: the table paints some words, and only its own sequences
    // reach here (terminal_text escapes every control character from input).
    if (c == U'\033' && pos < text.size() && text[pos] == '[') {
      while (++pos < text.size() && (text[pos] < '@' || text[pos] > '~')) {
      }
      pos = std::min(pos + 1, text.size());
      c = U'm';
      width = 0;
    }
    const std::string_view bytes = text.substr(start, pos - start);
    if (c == U' ' || c == U'\t') {
      pending_space = !atoms.empty();
      in_word = false;
      after_open = false;
      continue;
    }
    const bool wide = width == 2;
    const bool attach =
        !atoms.empty() && !pending_space && ((in_word && !wide) || width == 0 || is_closing(c) || after_open);
    if (attach) {
      atoms.back().text += bytes;
      atoms.back().width += width;
    } else {
      atoms.push_back(Atom{std::string(bytes), width, pending_space});
    }
    in_word = !wide;
    after_open = is_opening(c);
    pending_space = false;
  }
  return atoms;
}

void wrap_paragraph(std::string_view text, size_t width, size_t first_used, size_t indent,
                    std::vector<std::string>& lines) {
  std::string line;
  size_t used = first_used;
  const auto flush = [&] {
    lines.push_back(std::move(line));
    line.clear();
    used = indent;
  };
  for (const auto& atom : split_atoms(text)) {
    const size_t space = !line.empty() && atom.space_before ? 1 : 0;
    if (used + space + atom.width <= width) {
      line.append(space, ' ');
      line += atom.text;
      used += space + atom.width;
      continue;
    }
    if (!line.empty()) {
      flush();
    }
    if (used + atom.width <= width) {
      line += atom.text;
      used += atom.width;
      continue;
    }
    // Longer than any line: cut between code points, never inside one.
    size_t pos = 0;
    while (pos < atom.text.size()) {
      const size_t start = pos;
      const size_t columns = code_point_width(next_code_point(atom.text, pos));
      if (used + columns > width && !line.empty()) {
        flush();
      }
      line.append(atom.text, start, pos - start);
      used += columns;
    }
  }
  lines.push_back(std::move(line));
}

} // namespace

std::vector<std::string> wrap_to_width(std::string_view text, size_t width, size_t first_used,
                                       size_t indent) {
  std::vector<std::string> lines;
  const bool wraps = width > 0 && width >= std::max(first_used, indent) + kMinimumLineWidth;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    const auto paragraph =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (wraps) {
      wrap_paragraph(paragraph, width, lines.empty() ? first_used : indent, indent, lines);
    } else {
      lines.emplace_back(paragraph);
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

} // namespace rg
