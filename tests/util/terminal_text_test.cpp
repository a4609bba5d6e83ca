#include "util/terminal_text.hpp"

#include <gtest/gtest.h>

namespace rg {
namespace {

TEST(TerminalText, ControlsAndBidiAreShownEscaped) {
  EXPECT_EQ(terminal_safe("a\x1b]0;title\x07z"), "a\\x1b]0;title\\x07z");
  EXPECT_EQ(terminal_safe("ip\r\x1b[2Kfake"), "ip\\r\\x1b[2Kfake");
  EXPECT_EQ(terminal_safe("evil \u202egnp.exe"), "evil \\u202egnp.exe");
  EXPECT_EQ(terminal_safe("\u2066x\u2069\u200f\u061c"), "\\u2066x\\u2069\\u200f\\u061c");
  EXPECT_EQ(terminal_safe("\xc2\x9b"
                          "31m"),
            "\\u009b31m"); // C1 CSI
  EXPECT_EQ(terminal_safe("del\x7f"), "del\\x7f");
  EXPECT_EQ(terminal_safe("tab\tnl\n"), "tab\\tnl\\n");
}

TEST(TerminalText, InvalidUtf8IsEscapedByteByByte) {
  EXPECT_EQ(terminal_safe("a\xff\xfe"), "a\\xff\\xfe");
  EXPECT_EQ(terminal_safe("\xed\xa0\x80"), "\\xed\\xa0\\x80"); // a UTF-8 encoded surrogate
  EXPECT_EQ(terminal_safe("\xe3\x81"), "\\xe3\\x81");          // truncated
}

TEST(TerminalText, OrdinaryTextAndJapanesePassUnchanged) {
  const std::string text = "ルートユーザーのアクセスキー arn:aws:iam::123456789012:root 203.0.113.7 😀";
  EXPECT_EQ(terminal_safe(text), text);
  EXPECT_EQ(terminal_safe_lines("line one\nline two\x1b"), "line one\nline two\\x1b");
}

TEST(TerminalText, AnEscapedFormCannotBeForged) {
  // A value that spells "\x1b" itself must not look like an escaped control.
  EXPECT_EQ(terminal_safe("\\x1b"), "\\\\x1b");
}

} // namespace
} // namespace rg
