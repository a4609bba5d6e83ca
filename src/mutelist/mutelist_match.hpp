#pragma once
// Whether one mutelist entry matches one finding: every field the entry gives must match (account,
// control/detection id, region, resource: glob patterns; finding id: exact); a field left out matches any.
#include "findings/finding.hpp"
#include "mutelist/mutelist.hpp"

#include <string>

namespace rg::mutelist {

// The finding's id, computed once per finding and only when some entry asks for it (a SHA-256 each).
class FindingIdCache {
public:
  explicit FindingIdCache(const Finding& finding) : finding_(finding) {}
  const std::string& get();

private:
  const Finding& finding_;
  std::string id_;
};

bool entry_matches(const Entry& entry, const Finding& finding, FindingIdCache& id);

} // namespace rg::mutelist
