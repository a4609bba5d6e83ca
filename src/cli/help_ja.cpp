#include "cli/help_ja.hpp"

#include "i18n/display_width.hpp"

#include <algorithm>
#include <array>
#include <memory>

namespace rg::cli {
namespace {

// A list option's description (list_options.cpp): "DESCRIPTION (comma-separated or repeated; ALLOWED)".
constexpr std::string_view kListOpen = " (comma-separated or repeated; ";

// CLI11's own words in the help it formats (CLI/Formatter.hpp's get_label keys).
constexpr std::array<MessagePattern, 9> kLabels{{
    {"Usage", "使い方"},
    {"OPTIONS", "オプション"},
    {"SUBCOMMAND", "サブコマンド"},
    {"SUBCOMMANDS", "サブコマンド"},
    {"Positionals", "位置引数"},
    {"REQUIRED", "必須"},
    {"Env", "環境変数"},
    {"Needs", "必要なオプション"},
    {"Excludes", "同時に指定できないオプション"},
}};

// CLI11's formatter pads the left column ("--store TEXT REQUIRED") by bytes; in Japanese a label such as
// 必須 takes two columns per three bytes, so the column is padded by display width instead.
class JapaneseFormatter : public CLI::Formatter {
public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const size_t width = get_column_width();
    const size_t used = display_width(name);
    std::string out = name;
    if (!description.empty()) {
      out += used >= width ? "\n" + std::string(width, ' ') : std::string(width - used, ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') {
          out += std::string(width, ' ');
        }
      }
    } else if (used < width) {
      out += std::string(width - used, ' ');
    }
    return out + "\n";
  }
};

std::optional<std::string_view> lookup(std::string_view english) {
  const auto catalog = help_catalog();
  const auto entry = std::find_if(catalog.begin(), catalog.end(),
                                  [english](const MessagePattern& p) { return p.en == english; });
  return entry == catalog.end() ? std::nullopt : std::optional<std::string_view>(entry->ja);
}

void add_text(std::vector<std::string>& texts, const std::string& text) {
  if (!text.empty() && std::find(texts.begin(), texts.end(), text) == texts.end()) {
    texts.push_back(text);
  }
}

void collect(const CLI::App& app, std::vector<std::string>& texts) {
  add_text(texts, app.get_description());
  add_text(texts, app.get_footer());
  add_text(texts, app.get_group());
  for (const auto* option : app.get_options()) {
    add_text(texts, option->get_description());
    add_text(texts, option->get_group());
  }
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    collect(*sub, texts);
  }
}

std::string translated(const std::string& english) {
  if (english.empty()) {
    return english;
  }
  auto ja = help_ja(english);
  return ja ? *std::move(ja) : english;
}

void translate(CLI::App& app, const std::shared_ptr<JapaneseFormatter>& formatter) {
  app.formatter(formatter);
  app.description(translated(app.get_description()));
  if (!app.get_footer().empty()) {
    app.footer(translated(app.get_footer()));
  }
  if (!app.get_group().empty()) { // an empty group hides the command
    app.group(translated(app.get_group()));
  }
  for (auto* option : app.get_options()) {
    option->description(translated(option->get_description()));
    if (!option->get_group().empty()) {
      option->group(translated(option->get_group()));
    }
  }
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    translate(*sub, formatter);
  }
}

} // namespace

std::vector<std::string> help_texts(const CLI::App& app) {
  std::vector<std::string> texts;
  collect(app, texts);
  return texts;
}

std::optional<std::string> help_ja(std::string_view english) {
  if (const auto whole = lookup(english)) {
    return std::string(*whole);
  }
  const size_t open = english.rfind(kListOpen);
  if (open == std::string_view::npos || !english.ends_with(")")) {
    return std::nullopt;
  }
  const std::string_view base = english.substr(0, open);
  const std::string_view allowed =
      english.substr(open + kListOpen.size(), english.size() - open - kListOpen.size() - 1);
  const auto base_ja = lookup(base);
  if (!base_ja) {
    return std::nullopt;
  }
  // The allowed values are words of their own (ids, PASS, critical) unless the catalog says them.
  const auto allowed_ja = lookup(allowed);
  if (!allowed_ja && std::any_of(allowed.begin(), allowed.end(), [](char c) { return c == ' '; }) &&
      allowed.find(", ") == std::string_view::npos) {
    return std::nullopt; // prose the catalog lacks ("region names")
  }
  return std::string(*base_ja) + "（カンマ区切りまたは繰り返し指定。" +
         std::string(allowed_ja ? *allowed_ja : allowed) + "）";
}

void localize_help(CLI::App& app, Lang lang) {
  if (lang != Lang::kJa) {
    return;
  }
  auto formatter = std::make_shared<JapaneseFormatter>();
  if (const auto current = app.get_formatter()) {
    formatter->column_width(current->get_column_width());
  }
  for (const auto& label : kLabels) {
    formatter->label(std::string(label.en), std::string(label.ja));
  }
  translate(app, formatter);
}

bool asks_for_help(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") {
      return false;
    }
    if (word == "-h" || word == "--help" || word == "--help-all") {
      return true;
    }
  }
  return false;
}

std::vector<std::string> words_to_parse(int argc, const char* const* argv) {
  const bool help = asks_for_help(argc, argv);
  std::vector<std::string> words;
  bool operands = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    operands = operands || word == "--";
    if (help && !operands && word == "--lang") {
      ++i; // and its value
      continue;
    }
    if (help && !operands && word.starts_with("--lang=")) {
      continue;
    }
    words.emplace_back(word);
  }
  return words;
}

} // namespace rg::cli
