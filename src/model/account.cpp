#include "model/account.hpp"

#include <algorithm>

namespace rg::model {

Result<long> AccountSummary::get(const std::string& key) const {
  if (const auto found = values.find(key); found != values.end()) {
    return found->second;
  }
  if (const auto found = invalid.find(key); found != invalid.end()) {
    return found->second;
  }
  return Problem{ProblemKind::kAbsent, source, "$.SummaryMap." + key, "value not present"};
}

bool OrganizationsFeatures::has(std::string_view feature) const {
  return std::find(enabled_features.begin(), enabled_features.end(), feature) != enabled_features.end();
}

const Region* Account::find_region(const std::string& region_name) const {
  for (const auto& region : regions) {
    if (region.name == region_name) {
      return &region;
    }
  }
  return nullptr;
}

Problem not_collected(std::string file) {
  return Problem{ProblemKind::kAbsent, std::move(file), "", "not collected (file absent)"};
}

} // namespace rg::model
