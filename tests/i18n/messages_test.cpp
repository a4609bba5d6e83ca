// The run-time message catalog: whole messages, values localised in turn, clauses, places, and what is
// left alone (paths, ids, anything the catalog does not name).
#include "i18n/messages.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace rg {
namespace {

TEST(Messages, EnglishIsUnchanged) {
  EXPECT_EQ(localize_message("file not found", Lang::kEn), "file not found");
  EXPECT_EQ(localize_place("line 3, column 7", Lang::kEn), "line 3, column 7");
}

TEST(Messages, AWholeMessageWithItsValues) {
  EXPECT_EQ(
      localize_message("--since (2026-12-01T00:00:00Z) is after --until (2026-01-01T00:00:00Z)", Lang::kJa),
      "--since (2026-12-01T00:00:00Z) が --until (2026-01-01T00:00:00Z) より後です");
  // Japanese word order: the values move.
  EXPECT_EQ(localize_message("expected an array, found an object", Lang::kJa),
            "配列が必要ですが、オブジェクトです");
}

TEST(Messages, AValueThatIsAMessageIsLocalisedToo) {
  EXPECT_EQ(localize_message("cannot write /tmp/x: Permission denied", Lang::kJa),
            "/tmp/x に書き込めません: アクセス権がありません");
}

TEST(Messages, ClausesAreLocalisedOneByOne) {
  EXPECT_EQ(localize_message("corrupt gzip data; the records inflated before it are kept", Lang::kJa),
            "gzip データが壊れています。それより前に展開されたレコードは保持されます");
}

TEST(Messages, WhatColonMessageKeepsTheName) {
  EXPECT_EQ(localize_message("--accounts: 12345 is not an account id (twelve digits)", Lang::kJa),
            "--accounts: 12345 はアカウント ID (12 桁の数字) ではありません");
}

TEST(Messages, UnknownTextStaysAsItIsAndIsReported) {
  EXPECT_EQ(localize_message("something no entry names", Lang::kJa), "something no entry names");
  EXPECT_FALSE(is_localized("something no entry names"));
  EXPECT_TRUE(is_localized("file not found"));
  // One unknown clause makes the whole message incomplete.
  EXPECT_FALSE(is_localized("corrupt gzip data; something else"));
}

TEST(Messages, PlacesAndTheirParts) {
  EXPECT_EQ(localize_place("line 5, column 27", Lang::kJa), "5 行 27 列");
  EXPECT_EQ(localize_place("inflated byte 12, gzip member 2 (from compressed byte 9)", Lang::kJa),
            "展開後 12 バイト目、gzip メンバー 2 (圧縮後 9 バイト目から)");
  // A field path is an identifier: kept.
  EXPECT_EQ(localize_place("Records[3], inflated byte 12", Lang::kJa), "Records[3]、展開後 12 バイト目");
}

TEST(Messages, DescribeIsFilePlaceMessage) {
  const Problem problem{ProblemKind::kUnreadable, "accounts/1/iam/GetAccountSummary.json",
                        "line 5, column 27", "invalid JSON; last read: '\"Acc'; expected string literal"};
  EXPECT_EQ(describe(problem, Lang::kEn), problem.describe());
  EXPECT_EQ(describe(problem, Lang::kJa),
            "accounts/1/iam/GetAccountSummary.json: 5 行 27 列: JSON として不正です。"
            "最後に読んだ部分: '\"Acc'。文字列リテラルがあるべき位置です");
}

TEST(Messages, HostileTextIsBounded) {
  // Deep "a: a: a: ..." and many clauses: bounded work, the text kept.
  std::string deep;
  for (int i = 0; i < 10000; ++i) {
    deep += "x: ";
  }
  deep += "file not found";
  EXPECT_FALSE(localize_message(deep, Lang::kJa).empty());
  std::string clauses;
  for (int i = 0; i < 10000; ++i) {
    clauses += "corrupt gzip data; ";
  }
  EXPECT_NE(localize_message(clauses, Lang::kJa).find("gzip データが壊れています"), std::string::npos);
}

TEST(Messages, EveryCatalogEntryIsWellFormed) {
  for (const auto& catalog : {message_catalog(), place_catalog()}) {
    for (const auto& entry : catalog) {
      size_t holes = 0;
      for (size_t at = entry.en.find("{}"); at != std::string_view::npos; at = entry.en.find("{}", at + 2)) {
        ++holes;
      }
      // Each value the English names appears in the Japanese, and no other.
      for (size_t i = 0; i < 10; ++i) {
        const std::string name = fmt::format("{{{}}}", i);
        EXPECT_EQ(entry.ja.find(name) != std::string_view::npos, i < holes) << entry.en << " / " << entry.ja;
      }
      EXPECT_EQ(entry.en.find("{}{}"), std::string_view::npos)
          << "two values with nothing between: " << entry.en;
    }
  }
}

} // namespace
} // namespace rg
