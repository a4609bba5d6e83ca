#pragma once
// Renders a CheckResult for `policy check --format json|text`. Pure: the CLI writes the string.
#include "i18n/text.hpp"
#include "policy/check.hpp"

#include <string>
#include <string_view>

namespace rg::policy {

// {"file", "type", "valid", "problems": [{code, severity, path, message, line?, column?}],
//  "denies_root": {"scope", "actions", "open_actions", "statements", "blocks_assumed_root", "note"}}
std::string render_check_json(const CheckResult& result, std::string_view file, Lang lang);
std::string render_check_text(const CheckResult& result, std::string_view file, Lang lang);

} // namespace rg::policy
