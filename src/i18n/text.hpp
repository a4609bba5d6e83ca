#pragma once
// English and Japanese side by side: every user-facing sentence exists in both languages or not at all.
#include <string>
#include <string_view>

namespace rg {

enum class Lang { kEn, kJa };

// Static catalog text (titles, risks, console steps): lives in constinit tables.
struct Text {
  std::string_view en;
  std::string_view ja;
  constexpr std::string_view get(Lang lang) const { return lang == Lang::kJa ? ja : en; }
};

// Text built at run time (a finding's reason with the values seen).
struct LocalizedString {
  std::string en;
  std::string ja;
  const std::string& get(Lang lang) const { return lang == Lang::kJa ? ja : en; }
};

// "ja" for LANG=ja_JP.UTF-8 and friends (LC_ALL and LC_MESSAGES win, as in gettext); English otherwise.
Lang lang_from_environment();
// "en" or "ja"; anything else is nullopt-like: returns false.
bool parse_lang(std::string_view text, Lang& out);
std::string_view to_string(Lang lang);

} // namespace rg
