#pragma once
// Japanese typography for text assembled at run time. AWS's Japanese documentation puts a half-width
// space between Japanese and an embedded identifier or number ("証跡 prod-trail は"), but none around
// Japanese words ("パスワード、アクセスキーが残っています") and none between sentences ("…です。次に…").
#include <string>
#include <string_view>

namespace rg {

// `value` ready to sit between Japanese words: a space on each side that meets ASCII text, none where it
// meets Japanese. "パスワード、アクセスキー" stays as it is; "iam:CreateAccessKey" becomes
// " iam:CreateAccessKey ".
std::string ja_embed(std::string_view value);

// Appends one Japanese sentence to another: no space between them, and a 「。」 ends the first when it
// had none. Empty parts add nothing.
void ja_append_sentence(std::string& text, std::string_view sentence);

// The "key = value, key = value" lists the controls quote (credential-report fields, summary counts)
// with 「、」 between their pairs, as every other Japanese list: ", " is replaced only where a pair ends
// before it and another pair ("name = ") starts after it, so values and prose are never touched.
std::string ja_value_lists(std::string text);

} // namespace rg
