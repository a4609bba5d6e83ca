#include "i18n/text.hpp"

#include <cstdlib>

namespace rg {

Lang lang_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name); // NOLINT(concurrency-mt-unsafe): nothing here calls setenv
    if (value != nullptr && *value != '\0') {
      const std::string_view text(value);
      return text.substr(0, 2) == "ja" ? Lang::kJa : Lang::kEn;
    }
  }
  return Lang::kEn;
}

bool parse_lang(std::string_view text, Lang& out) {
  if (text == "en") {
    out = Lang::kEn;
    return true;
  }
  if (text == "ja") {
    out = Lang::kJa;
    return true;
  }
  return false;
}

std::string_view to_string(Lang lang) {
  return lang == Lang::kJa ? "ja" : "en";
}

} // namespace rg
