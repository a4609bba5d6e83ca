#pragma once
// Japanese for the English messages built at run time: a Problem's message and place, and a FatalError's
// text. As in gettext, the English text is the key: the hundreds of places that build a Problem (and the
// libraries whose messages they carry: nlohmann, simdjson, strerror) stay as they are, and one catalog
// (messages_ja.cpp) says each message in Japanese. A message the catalog does not know stays English
// rather than being dropped; tests/i18n guards that every message the suite can produce is known
// (decision 0023).
#include "i18n/text.hpp"
#include "util/problem.hpp"

#include <span>
#include <string>
#include <string_view>

namespace rg {

// One catalog entry. `en` is the English text with `{}` where a value goes (matched lazily, left to
// right); `ja` names the values by position, `{0}`, `{1}`, so Japanese word order can differ.
struct MessagePattern {
  std::string_view en;
  std::string_view ja;
};

// The catalogs: messages (what is wrong) and places (where in a file it is).
std::span<const MessagePattern> message_catalog();
std::span<const MessagePattern> place_catalog();

// The message in `lang`. In Japanese: the catalog's entry for the whole text, with each value localised
// in turn (a value can be a message itself: "cannot write {}: {}" carries strerror's text); otherwise the
// text's "; "-separated clauses one by one; otherwise the English text.
std::string localize_message(std::string_view english, Lang lang);
// A place ("line 3, column 7", "inflated byte 12, gzip member 2 (from compressed byte 9)") in `lang`.
std::string localize_place(std::string_view english, Lang lang);
// "file: place: message" in `lang` (Problem::describe() is the English form).
std::string describe(const Problem& problem, Lang lang);
// Whether the catalog knows the message (tests: every message the suite produces must be known).
bool is_localized(std::string_view english);
bool is_localized_place(std::string_view english);

} // namespace rg
