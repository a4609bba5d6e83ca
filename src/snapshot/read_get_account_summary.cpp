#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <optional>

namespace rg::snapshot {

Result<model::AccountSummary> read_get_account_summary(const Location& account) {
  const std::string name = path_below_scope(File::kGetAccountSummary);
  auto doc = load_json(account.path(name), account.name(name));
  if (!doc) {
    return doc.error();
  }
  auto map = require_member(*doc, doc->root, "$", "SummaryMap", nlohmann::json::value_t::object);
  if (!map) {
    return map.error();
  }
  model::AccountSummary summary;
  summary.source = doc->file;
  for (const auto& [key, value] : (*map)->items()) {
    // The API returns non-negative integer counts. A whole float is tolerated; a negative, fractional,
    // huge (18446744073709551615 once wrapped to -1 and passed) or non-finite value is not a count.
    // The float is range-checked before any cast: 1e300 to long is undefined behaviour.
    constexpr double kMaxCount = 1e12;
    std::optional<long> count;
    if (value.is_number_unsigned() && value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxCount)) {
      count = static_cast<long>(value.get<std::uint64_t>());
    } else if (value.is_number_float()) {
      const double number = value.get<double>();
      if (std::isfinite(number) && number >= 0 && number <= kMaxCount && number == std::floor(number)) {
        count = static_cast<long>(number);
      }
    }
    if (count) {
      summary.values.emplace(key, *count);
    } else {
      summary.invalid.emplace(
          key, Problem{ProblemKind::kUnreadable, doc->file, "$.SummaryMap." + key,
                       value.is_number()
                           ? fmt::format("{} is not a count (a whole number from 0 to 10^12)", value.dump())
                           : fmt::format("expected an integer, found {}", json_type_name(value))});
    }
  }
  return summary;
}

} // namespace rg::snapshot
