#pragma once
#include "i18n/text.hpp"

#include <optional>
#include <string_view>

namespace rg {

// Ordered: a larger value is more severe. Names follow Security Hub's severity labels.
enum class Severity { kInformational = 0, kLow, kMedium, kHigh, kCritical };

std::string_view to_string(Severity severity); // "critical"
std::optional<Severity> parse_severity(std::string_view text);

// kNotApplicable: the control does not exist in the account's partition as AWS defines it (decision 0028),
// so there is nothing to fix; never a failure, never an incomplete run.
enum class Status { kPass, kFail, kUnknown, kNotApplicable };

std::string_view to_string(Status status); // "PASS", "FAIL", "UNKNOWN", "NOT_APPLICABLE"
// Any case; "N/A" is taken for NOT_APPLICABLE, as the table shows it.
std::optional<Status> parse_status(std::string_view text);

// For people (table, HTML, Markdown): Security Hub's console words in the report's language (重大, 高, ...;
// 成功, 失敗; NOT_APPLICABLE is N/A / 該当なし). Machine formats keep to_string's English values whatever the
// language.
std::string_view display_name(Severity severity, Lang lang);
std::string_view display_name(Status status, Lang lang);

} // namespace rg
