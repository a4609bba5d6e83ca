#pragma once
// Comments inside the AWS CLI and Terraform snippets of the control catalog, in the reader's language.
// The code is written once, in English; only a line's `# comment` part is looked up in a catalog
// (code_comments_ja.cpp), keyed by its English text, so a command can never differ between languages.
#include "i18n/messages.hpp"
#include "i18n/text.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rg {

std::span<const MessagePattern> code_comment_catalog();

// `code` with each shell or HCL `# comment` (a '#' at the start of a line or after a blank, outside
// quotes) replaced by the catalog's Japanese when `lang` is ja and the catalog knows it.
std::string localize_code_comments(std::string_view code, Lang lang);

// Every comment of `code` that the catalog does not know (tests: none may be left).
std::vector<std::string> unknown_code_comments(std::string_view code);

} // namespace rg
