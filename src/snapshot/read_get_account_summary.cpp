#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<model::AccountSummary> read_get_account_summary(const Location& account) {
  auto doc =
      load_json(account.path("iam/GetAccountSummary.json"), account.name("iam/GetAccountSummary.json"));
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
    // The API returns integers; a float that is a whole number is tolerated, anything else is not a count.
    if (value.is_number_integer()) {
      summary.values.emplace(key, value.get<long>());
    } else if (value.is_number_float() &&
               value.get<double>() == static_cast<double>(static_cast<long>(value.get<double>()))) {
      summary.values.emplace(key, static_cast<long>(value.get<double>()));
    } else {
      summary.invalid.emplace(key,
                              Problem{ProblemKind::kInvalid, doc->file, "$.SummaryMap." + key,
                                      fmt::format("expected an integer, found {}", json_type_name(value))});
    }
  }
  return summary;
}

} // namespace rg::snapshot
