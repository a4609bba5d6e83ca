// Japanese typography for assembled text: spaces only where Japanese meets ASCII, sentences joined
// without a space, value lists with 「、」.
#include "i18n/code_comments.hpp"
#include "i18n/japanese_text.hpp"

#include <gtest/gtest.h>

namespace rg {
namespace {

TEST(JapaneseText, EmbedSpacesOnlyAgainstAscii) {
  EXPECT_EQ("ルートユーザーには" + ja_embed("パスワード、アクセスキー") + "が残っています",
            "ルートユーザーにはパスワード、アクセスキーが残っています");
  EXPECT_EQ("引き続き" + ja_embed("iam:CreateAccessKey") + "を実行", "引き続き iam:CreateAccessKey を実行");
  EXPECT_EQ("残るのは" + ja_embed("s3:* に対する任意のアクション") + "だけ",
            "残るのは s3:* に対する任意のアクションだけ");
  EXPECT_EQ(ja_embed("  "), "");
}

TEST(JapaneseText, SentencesJoinWithoutASpace) {
  std::string text = "ルートユーザーの使用はありません。";
  ja_append_sentence(text, " CloudTrail にもありません。");
  EXPECT_EQ(text, "ルートユーザーの使用はありません。CloudTrail にもありません。");
  std::string open = "評価できません (未収集)";
  ja_append_sentence(open, "CloudTrail にもありません。");
  EXPECT_EQ(open, "評価できません (未収集)。CloudTrail にもありません。");
  std::string empty;
  ja_append_sentence(empty, "");
  EXPECT_EQ(empty, "");
}

TEST(JapaneseText, ValueListsTakeTheJapaneseComma) {
  EXPECT_EQ(ja_value_lists(
                "(AccountAccessKeysPresent = 1、access_key_1_active = false, access_key_2_active = false)"),
            "(AccountAccessKeysPresent = 1、access_key_1_active = false、access_key_2_active = false)");
  // Prose and quoted values with commas are left alone.
  EXPECT_EQ(ja_value_lists("a, b = c"), "a, b = c");
  EXPECT_EQ(ja_value_lists("x = \"a, b = c\""), "x = \"a, b = c\"");
}

TEST(CodeComments, OnlyTheCommentIsTranslated) {
  const std::string code =
      "# no --user-name: the root user itself\naws iam delete-access-key --access-key-id \"#x\"\n";
  const auto ja = localize_code_comments(code, Lang::kJa);
  EXPECT_EQ(ja, "# --user-name は付けません: 対象はルートユーザー自身です\naws iam delete-access-key "
                "--access-key-id \"#x\"\n");
  EXPECT_EQ(localize_code_comments(code, Lang::kEn), code);
  EXPECT_TRUE(unknown_code_comments(code).empty());
  EXPECT_EQ(unknown_code_comments("aws s3 ls # list them\n"), std::vector<std::string>{"list them"});
}

} // namespace
} // namespace rg
