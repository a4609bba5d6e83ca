#include "i18n/japanese_text.hpp"

#include <algorithm>
#include <array>

namespace rg {
namespace {

bool is_ascii_visible(unsigned char c) {
  return c > 0x20 && c < 0x7F;
}

// Text that begins or ends a sentence with a 「。」 or a closing mark needs no 「。」 of its own.
bool ends_sentence(std::string_view text) {
  constexpr std::array<std::string_view, 4> kEnds{"。", "！", "？", "」"};
  return std::ranges::any_of(kEnds, [text](std::string_view end) { return text.ends_with(end); });
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

// Whether `text` at `at` starts "name = ".
bool starts_pair(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && is_name_char(text[end])) {
    ++end;
  }
  return end > at && text.substr(end).starts_with(" = ");
}

// Whether the text before `at` ends a pair: "name = value" with no space inside the value.
bool ends_pair(std::string_view text, size_t at) {
  const size_t equals = text.rfind(" = ", at);
  if (equals == std::string_view::npos) {
    return false;
  }
  const std::string_view value = text.substr(equals + 3, at - equals - 3);
  return !value.empty() && value.find_first_of(" ,\"'") == std::string_view::npos;
}

} // namespace

std::string ja_value_lists(std::string text) {
  for (size_t at = text.find(", "); at != std::string::npos; at = text.find(", ", at + 1)) {
    if (ends_pair(text, at) && starts_pair(text, at + 2)) {
      text.replace(at, 2, "、");
    }
  }
  return text;
}

std::string ja_embed(std::string_view value) {
  value = trim_spaces(value);
  if (value.empty()) {
    return "";
  }
  std::string out;
  if (is_ascii_visible(static_cast<unsigned char>(value.front()))) {
    out += ' ';
  }
  out += value;
  if (is_ascii_visible(static_cast<unsigned char>(value.back()))) {
    out += ' ';
  }
  return out;
}

void ja_append_sentence(std::string& text, std::string_view sentence) {
  sentence = trim_spaces(sentence);
  if (sentence.empty()) {
    return;
  }
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  if (!text.empty() && !ends_sentence(text)) {
    text += "。";
  }
  text += sentence;
}

} // namespace rg
