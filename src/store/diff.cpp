#include "store/diff.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>

namespace rg::store {
namespace {

bool unmuted_fail(const FindingRecord* finding) {
  return finding != nullptr && finding->status == "FAIL" && !finding->muted;
}

} // namespace

std::string_view to_string(ChangeKind kind) {
  static constexpr std::array<std::string_view, kChangeKinds> kNames{
      "new",      "resolved",    "status",       "not-applicable",
      "severity", "newly-muted", "mute-expired", "mute-lifted"};
  return kNames.at(static_cast<std::size_t>(kind));
}

std::size_t Diff::count(ChangeKind kind) const {
  return static_cast<std::size_t>(std::count_if(changes.begin(), changes.end(),
                                                [&](const Change& change) { return change.kind == kind; }));
}

Diff compute_diff(const RunRecord& a, const std::vector<FindingRecord>& a_findings, const RunRecord& b,
                  const std::vector<FindingRecord>& b_findings) {
  Diff diff;
  diff.a = a;
  diff.b = b;
  std::unordered_map<std::string_view, const FindingRecord*> before;
  before.reserve(a_findings.size());
  for (const auto& finding : a_findings) {
    before.emplace(finding.finding_id, &finding);
  }
  std::unordered_map<std::string_view, const FindingRecord*> after;
  after.reserve(b_findings.size());
  for (const auto& finding : b_findings) {
    after.emplace(finding.finding_id, &finding);
  }
  const auto add = [&](ChangeKind kind, const FindingRecord* old_one, const FindingRecord* new_one) {
    diff.changes.push_back({kind, old_one != nullptr ? *old_one : FindingRecord{},
                            new_one != nullptr ? *new_one : FindingRecord{}});
  };
  for (const auto& finding : b_findings) {
    const auto found = before.find(finding.finding_id);
    const FindingRecord* old_one = found == before.end() ? nullptr : found->second;
    if (unmuted_fail(&finding) && !unmuted_fail(old_one)) {
      ++diff.new_fails;
    }
    if (old_one == nullptr) {
      add(ChangeKind::kNew, nullptr, &finding);
      continue;
    }
    if (old_one->status != finding.status) {
      add(finding.status == "NOT_APPLICABLE" ? ChangeKind::kNotApplicable : ChangeKind::kStatus, old_one,
          &finding);
    }
    if (old_one->severity != finding.severity) {
      add(ChangeKind::kSeverity, old_one, &finding);
    }
    if (!old_one->muted && finding.muted) {
      add(ChangeKind::kNewlyMuted, old_one, &finding);
    } else if (old_one->muted && !finding.muted) {
      // Dates as YYYY-MM-DD compare as text.
      const bool expired = !old_one->mute_expires.empty() && !b.mutelist_date.empty() &&
                           b.mutelist_date > old_one->mute_expires;
      add(expired ? ChangeKind::kMuteExpired : ChangeKind::kMuteLifted, old_one, &finding);
    }
  }
  for (const auto& finding : a_findings) {
    if (after.find(finding.finding_id) == after.end()) {
      add(ChangeKind::kResolved, &finding, nullptr);
    }
  }
  std::stable_sort(diff.changes.begin(), diff.changes.end(), [](const Change& x, const Change& y) {
    const auto& p = x.current();
    const auto& q = y.current();
    return std::tie(x.kind, p.account, p.rule_id, p.region, p.resource, p.finding_id) <
           std::tie(y.kind, q.account, q.rule_id, q.region, q.resource, q.finding_id);
  });
  return diff;
}

} // namespace rg::store
