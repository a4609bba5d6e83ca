#pragma once
// --help in Japanese. As with messages (i18n/messages.hpp), the English text is the key: every command
// file keeps its English descriptions, and one catalog (help_ja.cpp) says each in Japanese. The tree is
// translated in place after it is built, only when help is printed: `man` and `completion` render the
// same tree and stay English (decision 0023).
#include "i18n/messages.hpp"
#include "i18n/text.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rg::cli {

// The catalog: app and option descriptions and group names, each {en, ja}.
std::span<const MessagePattern> help_catalog();

// Every text a person reads in the --help of `app` and each command below it, hidden ones included:
// descriptions of commands and options, footers and group names, each once, in tree order.
std::vector<std::string> help_texts(const CLI::App& app);

// `english` in Japanese: the catalog's entry, or for a list option's "DESCRIPTION (comma-separated or
// repeated; ALLOWED)" the description's and the allowed values' entries. nullopt when a part is unknown.
std::optional<std::string> help_ja(std::string_view english);

// In Japanese: replaces each of help_texts(app) by help_ja() (a text the catalog lacks stays English) and
// gives every command a formatter whose own words ("Usage", "REQUIRED", ...) are Japanese. In English:
// nothing.
void localize_help(CLI::App& app, Lang lang);

// Whether the command line asks for help (-h, --help or --help-all before any "--").
bool asks_for_help(int argc, const char* const* argv);

// The words after argv[0] that unknown_word_message() checks and CLI11 parses. With help asked for,
// --lang (and its value) is left out wherever it stands: it chooses the help's language as it chooses the
// messages' (see message_lang()), also for the commands that have no --lang of their own (`rootguard
// --help --lang ja`, `rootguard completion --help --lang ja`, where "ja" would be taken for the shell).
std::vector<std::string> words_to_parse(int argc, const char* const* argv);

} // namespace rg::cli
