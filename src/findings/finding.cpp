#include "findings/finding.hpp"

#include "util/hash.hpp"

#include <algorithm>
#include <tuple>

namespace rg {

std::string Finding::finding_id() const {
  std::string key = std::string(rule->id) + '\n' + account_id + '\n' + region + '\n' + resource;
  if (!discriminator.empty()) {
    key += '\n' + discriminator; // only when set, so posture finding ids stay what they were
  }
  return sha256_hex(key).substr(0, 32);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.account_id, a.rule->id, a.region, a.resource, a.discriminator) <
           std::tie(b.account_id, b.rule->id, b.region, b.resource, b.discriminator);
  });
}

} // namespace rg
