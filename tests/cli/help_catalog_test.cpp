// The catalog of --help's Japanese (src/cli/help_ja.hpp) against the very tree main() builds.
#include "cli/app.hpp"
#include "cli/help_ja.hpp"
#include "i18n/display_width.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rg::cli {
namespace {

TEST(CliHelp, EveryTextOfEveryCommandHasItsJapanese) {
  CLI::App app{kAppDescription};
  Action action;
  add_all_commands(app, action);
  const auto texts = help_texts(app);
  EXPECT_GT(texts.size(), 70U); // the tree was walked, hidden commands and list options included
  for (const auto& text : texts) {
    const auto ja = help_ja(text);
    EXPECT_TRUE(ja.has_value()) << "no Japanese for: {\"" << text << "\", \"\"},";
    if (ja) {
      EXPECT_NE(*ja, text);
      EXPECT_EQ(ja->find("。 "), std::string::npos) << *ja;
    }
  }
}

TEST(CliHelp, EnglishLeavesTheHelpAsItWas) {
  CLI::App app{kAppDescription};
  Action action;
  add_all_commands(app, action);
  const std::string before = app.help();
  const std::string scan_before = app.get_subcommand("scan")->help();
  localize_help(app, Lang::kEn);
  EXPECT_EQ(app.help(), before);
  EXPECT_EQ(app.get_subcommand("scan")->help(), scan_before);
}

TEST(CliHelp, JapaneseTranslatesDescriptionsAndCliElevensWords) {
  CLI::App app{kAppDescription};
  Action action;
  add_all_commands(app, action);
  localize_help(app, Lang::kJa);
  const std::string help = app.get_subcommand("scan")->help("rootguard");
  EXPECT_NE(help.find("使い方: rootguard scan [オプション]"), std::string::npos) << help;
  EXPECT_NE(help.find("\nオプション:\n"), std::string::npos) << help;
  EXPECT_EQ(help.find("Print this help message"), std::string::npos) << help;
  EXPECT_NE(help.find("--severity TEXT ..."), std::string::npos) << help; // names and values kept
}

TEST(CliHelp, TheLeftColumnIsPaddedByDisplayWidth) {
  CLI::App app{kAppDescription};
  Action action;
  add_all_commands(app, action);
  localize_help(app, Lang::kJa);
  const std::string help = app.get_subcommand("diff")->help("rootguard");
  const size_t store = help.find("  --store TEXT 必須");
  ASSERT_NE(store, std::string::npos) << help;
  const size_t description = help.find("scan/trail", store);
  ASSERT_NE(description, std::string::npos) << help;
  EXPECT_EQ(display_width(std::string_view(help).substr(store, description - store)), 30U) << help;
}

TEST(CliHelp, AListOptionsAllowedValuesAreKeptOrTranslated) {
  EXPECT_EQ(help_ja("Only findings with these statuses (comma-separated or repeated; PASS, FAIL, UNKNOWN, "
                    "NOT_APPLICABLE)"),
            "指定したステータスの検出結果のみ（カンマ区切りまたは繰り返し指定。PASS, FAIL, UNKNOWN, "
            "NOT_APPLICABLE）");
  EXPECT_EQ(help_ja("Only findings with these statuses (comma-separated or repeated; region names)"),
            "指定したステータスの検出結果のみ（カンマ区切りまたは繰り返し指定。リージョン名）");
  EXPECT_EQ(help_ja("Not in the catalog (comma-separated or repeated; PASS, FAIL, UNKNOWN)"), std::nullopt);
  EXPECT_EQ(help_ja("Only findings with these statuses (comma-separated or repeated; unknown prose)"),
            std::nullopt);
}

TEST(CliHelp, HelpIsAskedForBeforeAnyDoubleDash) {
  const char* scan_help[] = {"rootguard", "scan", "--help"};
  const char* short_help[] = {"rootguard", "-h"};
  const char* man[] = {"rootguard", "man"};
  const char* after_dashes[] = {"rootguard", "trail", "--", "--help"};
  EXPECT_TRUE(asks_for_help(3, scan_help));
  EXPECT_TRUE(asks_for_help(2, short_help));
  EXPECT_FALSE(asks_for_help(2, man));
  EXPECT_FALSE(asks_for_help(4, after_dashes));
}

TEST(CliHelp, LangIsLeftOutOfTheUnknownWordCheckOnlyWithHelp) {
  const char* top_help[] = {"rootguard", "--help", "--lang", "ja"};
  const char* top_help_equals[] = {"rootguard", "--lang=ja", "-h"};
  const char* no_help[] = {"rootguard", "--lang", "ja"};
  const char* operand[] = {"rootguard", "trail", "-h", "--", "--lang", "ja"};
  EXPECT_EQ(words_to_parse(4, top_help), std::vector<std::string>{"--help"});
  EXPECT_EQ(words_to_parse(3, top_help_equals), std::vector<std::string>{"-h"});
  EXPECT_EQ(words_to_parse(3, no_help), (std::vector<std::string>{"--lang", "ja"}));
  EXPECT_EQ(words_to_parse(6, operand), (std::vector<std::string>{"trail", "-h", "--", "--lang", "ja"}));
}

} // namespace
} // namespace rg::cli
