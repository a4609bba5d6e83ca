// Mutelists written to hurt: alias bombs, deep nesting, huge files, many documents, odd bytes. Each is a
// clear error naming the file (and the line where there is one), quickly, never a crash or a hang.
#include "mutelist/mutelist.hpp"
#include "mutelist/yaml_tree.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

namespace rg::mutelist {
namespace {

using ::testing::HasSubstr;

std::string refused(const std::string& text) {
  const auto start = std::chrono::steady_clock::now();
  const auto result = parse_mutelist(text, "bad.yaml");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_FALSE(result.has_value());
  return result ? std::string() : result.error().describe();
}

TEST(MutelistHostile, BillionLaughsIsRefusedAtTheFirstAnchor) {
  std::string text =
      "version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    text += fmt::format("{0}: &{0} [*{1},*{1},*{1},*{1},*{1},*{1},*{1},*{1},*{1}]\n", c,
                        static_cast<char>(c - 1));
  }
  text += "mutes: *i\n";
  EXPECT_EQ(refused(text),
            "bad.yaml: line 2, column 4: anchors (&name) are not allowed in a mutelist: write each "
            "entry out");
}

TEST(MutelistHostile, AliasesAndMergeKeysAreRefused) {
  const auto alias = refused("version: 1\nmutes:\n  - *x\n");
  EXPECT_THAT(alias, HasSubstr("line 3, column 5")) << alias;
  const auto merge = refused("version: 1\nbase: &b {reason: r}\nmutes:\n  - <<: *b\n    control: root-mfa\n");
  EXPECT_THAT(merge, HasSubstr("anchors (&name) are not allowed")) << merge;
}

TEST(MutelistHostile, DeepNestingIsRefusedQuickly) {
  for (const auto& [open, close] :
       std::vector<std::pair<std::string, std::string>>{{"[", "]"}, {"{a: ", "}"}}) {
    std::string text = "version: 1\nmutes: ";
    for (int i = 0; i < 100000; ++i) {
      text += open;
    }
    for (int i = 0; i < 100000; ++i) {
      text += close;
    }
    const auto message = refused(text);
    EXPECT_THAT(message, HasSubstr("bad.yaml: line 2")) << message.substr(0, 200);
  }
  // Block-style nesting, one level per line.
  std::string block = "version: 1\nmutes:\n";
  for (int i = 0; i < 50; ++i) {
    block += std::string(static_cast<size_t>(2 * i + 2), ' ') + "- \n";
  }
  EXPECT_THAT(refused(block), HasSubstr("nested more than 8 levels deep"));
}

TEST(MutelistHostile, HugeFilesAreRefusedBeforeParsing) {
  const std::string text = "version: 1\nmutes: []\n#" + std::string(kMaxFileBytes, 'x') + "\n";
  EXPECT_EQ(refused(text),
            "bad.yaml: larger than 1024 KiB: a mutelist is written by people, not generated in bulk");
  // Through the file reader too: the cap applies before the bytes are read.
  const auto path = std::filesystem::temp_directory_path() / "rootguard-huge-mutelist.yaml";
  std::ofstream(path, std::ios::binary) << text;
  const auto loaded = load_mutelist(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_THAT(loaded.error().describe(), HasSubstr(path.string()));
}

TEST(MutelistHostile, ManyNodesAreRefused) {
  YamlLimits limits;
  limits.max_nodes = 1000;
  std::string text = "[";
  for (int i = 0; i < 2000; ++i) {
    text += "1,";
  }
  text += "1]";
  const auto result = parse_yaml(text, "bad.yaml", limits);
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(result.error().message, HasSubstr("more than 1000 YAML nodes"));
}

TEST(MutelistHostile, TooManyEntriesAreRefused) {
  std::string text = "version: 1\nmutes:\n";
  for (size_t i = 0; i <= kMaxEntries; ++i) {
    text += "- {control: root-mfa, reason: r, expires: 2026-12-31}\n";
  }
  ASSERT_LT(text.size(), kMaxFileBytes);
  EXPECT_THAT(refused(text), HasSubstr("more than 10000 entries"));
}

TEST(MutelistHostile, ASecondDocumentIsRefused) {
  const auto message = refused("version: 1\nmutes: []\n---\nversion: 1\nmutes: []\n");
  EXPECT_THAT(message, HasSubstr("line 3")) << message;
  EXPECT_THAT(message, HasSubstr("one YAML document")) << message;
}

TEST(MutelistHostile, OddBytesAreErrorsOrText) {
  // NUL, invalid UTF-8, a BOM, CR line ends: none crashes; the BOM and CRs are fine YAML.
  (void)parse_mutelist(std::string("version: 1\nmutes: [\0]\n", 22), "bad.yaml");
  (void)parse_mutelist("version: 1\nmutes:\n  - control: \xff\xfe\n    reason: r\n    expires: 2026-12-31\n",
                       "bad.yaml");
  const auto bom = parse_mutelist("\xEF\xBB\xBFversion: 1\r\nmutes: []\r\n", "bad.yaml");
  EXPECT_TRUE(bom.has_value()) << (bom ? "" : bom.error().describe());
  EXPECT_THAT(refused("version: 1\nmutes: !!binary aGVsbG8=\n"), HasSubstr("'mutes' must be a list"));
  EXPECT_THAT(refused("version: 1\nmutes: [\n"), HasSubstr("not valid YAML"));
  EXPECT_THAT(refused("\t\t: : :\n"), HasSubstr("bad.yaml"));
}

} // namespace
} // namespace rg::mutelist
