#pragma once
#include <optional>
#include <string_view>

namespace rg {

// Ordered: a larger value is more severe. Names follow Security Hub's severity labels.
enum class Severity { kInformational = 0, kLow, kMedium, kHigh, kCritical };

std::string_view to_string(Severity severity); // "critical"
std::optional<Severity> parse_severity(std::string_view text);

enum class Status { kPass, kFail, kUnknown };

std::string_view to_string(Status status); // "PASS"
std::optional<Status> parse_status(std::string_view text);

} // namespace rg
