#pragma once
// A stored finding names its rule by id only: the words (title, risk, remediation) come from this
// rootguard's catalogs, so they are never read from the store.
#include "findings/rule.hpp"

#include <string_view>

namespace rg::dashboard {

// A control, a detection or one of the trail integrity rules; nullptr for an id this rootguard does not
// know (a store written by another version).
const RuleMetadata* find_rule(std::string_view id);

} // namespace rg::dashboard
