// wrap_to_width: reasons under a table row, for terminals of 80 and 120 columns.
#include "i18n/display_width.hpp"
#include "i18n/wrap.hpp"

#include <gtest/gtest.h>

namespace rg {
namespace {

using Lines = std::vector<std::string>;

// Every line, with the columns before it, stays within the terminal.
void expect_fits(const Lines& lines, size_t width, size_t first_used, size_t indent) {
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE((i == 0 ? first_used : indent) + display_width(lines[i]), width)
        << "line " << i << ": " << lines[i];
  }
}

TEST(Wrap, WidthZeroKeepsOneLine) {
  EXPECT_EQ(wrap_to_width("a b c", 0, 4, 4), Lines{"a b c"});
}

TEST(Wrap, ShortTextIsUnchanged) {
  EXPECT_EQ(wrap_to_width("root has MFA", 80, 13, 13), Lines{"root has MFA"});
}

TEST(Wrap, BreaksBetweenEnglishWords) {
  const auto lines = wrap_to_width("the quick brown fox jumps over the lazy dog", 30, 10, 12);
  EXPECT_EQ(lines, (Lines{"the quick brown fox", "jumps over the", "lazy dog"}));
  expect_fits(lines, 30, 10, 12);
}

TEST(Wrap, AnArnMovesWholeToTheNextLine) {
  const std::string arn = "arn:aws:iam::123456789012:mfa/root-account-mfa-device";
  const auto lines = wrap_to_width("root uses the virtual device " + arn + " only", 80, 13, 15);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0], "root uses the virtual device");
  EXPECT_EQ(lines[1], arn + " only");
  expect_fits(lines, 80, 13, 15);
}

TEST(Wrap, ARunLongerThanALineIsCut) {
  const std::string run(100, 'x');
  const auto lines = wrap_to_width(run, 40, 0, 4);
  ASSERT_EQ(lines.size(), 3U);
  EXPECT_EQ(lines[0].size(), 40U);
  EXPECT_EQ(lines[1].size(), 36U);
  EXPECT_EQ(lines[2].size(), 24U);
}

TEST(Wrap, JapaneseBreaksBetweenCharactersWithinTheWidth) {
  const std::string text = "ルートユーザーのアクセスキーが有効です。アクセスキーを削除してください。";
  const auto lines = wrap_to_width(text, 30, 10, 10);
  ASSERT_GT(lines.size(), 1U);
  expect_fits(lines, 30, 10, 10);
  std::string joined;
  for (const auto& line : lines) {
    joined += line;
  }
  EXPECT_EQ(joined, text); // nothing lost, no space added between Japanese characters
}

TEST(Wrap, NoLineStartsWithClosingPunctuationOrSmallKana) {
  // At every width a line could start with 、。ー or ッ: none may.
  const std::string text = "キーがあります、確認してください。ルートユーザーのアクセスキー。";
  for (size_t width = 20; width <= 40; ++width) {
    const auto lines = wrap_to_width(text, width, 4, 4);
    for (size_t i = 1; i < lines.size(); ++i) {
      for (const std::string_view bad : {"、", "。", "ー", "ッ", "」"}) {
        EXPECT_FALSE(lines[i].starts_with(bad)) << "width " << width << ": " << lines[i];
      }
    }
  }
}

TEST(Wrap, NoLineEndsWithAnOpeningBracket) {
  const std::string text = "設定は「ルートアクセスの一元管理」で行います";
  for (size_t width = 20; width <= 40; ++width) {
    const auto lines = wrap_to_width(text, width, 4, 4);
    for (const auto& line : lines) {
      EXPECT_FALSE(line.ends_with("「")) << "width " << width << ": " << line;
    }
  }
}

TEST(Wrap, MixedJapaneseAndIdentifiers) {
  const std::string text = "フィルター root-api-calls はルートユーザーのイベント ConsoleLogin を検出しません";
  const auto lines = wrap_to_width(text, 40, 13, 15);
  expect_fits(lines, 40, 13, 15);
  for (const auto& line : lines) {
    // The identifiers are never split.
    EXPECT_TRUE(line.find("root-api") == std::string::npos ||
                line.find("root-api-calls") != std::string::npos);
    EXPECT_TRUE(line.find("Console") == std::string::npos || line.find("ConsoleLogin") != std::string::npos);
  }
}

TEST(Wrap, NewlinesAlwaysBreak) {
  EXPECT_EQ(wrap_to_width("one\ntwo", 80, 0, 2), (Lines{"one", "two"}));
  EXPECT_EQ(wrap_to_width("one\ntwo", 0, 0, 2), (Lines{"one", "two"}));
}

TEST(Wrap, TooNarrowATerminalDoesNotWrap) {
  EXPECT_EQ(wrap_to_width("a b c d e f g h", 20, 13, 15), Lines{"a b c d e f g h"});
}

TEST(Wrap, InvalidUtf8IsKeptAndMeasured) {
  const std::string text = "bad \xff\xfe bytes here and more words to wrap";
  const auto lines = wrap_to_width(text, 20, 0, 0);
  std::string joined;
  for (const auto& line : lines) {
    joined += line + " ";
  }
  EXPECT_NE(joined.find("\xff\xfe"), std::string::npos);
  expect_fits(lines, 20, 0, 0);
}

} // namespace
} // namespace rg
