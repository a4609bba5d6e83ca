#pragma once
// Text from input (CloudTrail fields, snapshot values, file names) made safe to print on a terminal. An
// OSC sequence in a userAgent can set the window title or write the clipboard, `\r` + `ESC[2K` erases the
// real line, U+202E reverses what follows. Every C0 and C1 control, DEL, the bidirectional controls, the
// line/paragraph separators and invalid UTF-8 are shown escaped (`\x1b`, `\u202e`); everything else,
// Japanese included, passes unchanged. Machine formats (JSON) keep values intact and never call this.
#include <string>
#include <string_view>

namespace rg {

std::string terminal_safe(std::string_view text);

// Like terminal_safe but keeps '\n' (multi-line text that rootguard itself laid out, with values inside).
std::string terminal_safe_lines(std::string_view text);

} // namespace rg
