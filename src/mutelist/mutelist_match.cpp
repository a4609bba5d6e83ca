#include "mutelist/mutelist_match.hpp"

#include "mutelist/glob.hpp"

namespace rg::mutelist {
namespace {

bool field_matches(const std::string& pattern, std::string_view value) {
  return pattern.empty() || glob_match(pattern, value);
}

} // namespace

const std::string& FindingIdCache::get() {
  if (id_.empty()) {
    id_ = finding_.finding_id();
  }
  return id_;
}

bool entry_matches(const Entry& entry, const Finding& finding, FindingIdCache& id) {
  // The cheap fields first; the finding id (a hash) last.
  return field_matches(entry.rule, finding.rule->id) && field_matches(entry.account, finding.account_id) &&
         field_matches(entry.region, finding.region) && field_matches(entry.resource, finding.resource) &&
         (entry.finding_id.empty() || entry.finding_id == id.get());
}

} // namespace rg::mutelist
