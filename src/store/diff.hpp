#pragma once
// What changed between two recorded runs, finding by finding (matched on the stable finding id).
//
// new: in B only. resolved: in A only. status / severity: the finding's value changed. not applicable:
// the status became NOT_APPLICABLE (a FAIL that stops applying is not fixed, so it is not a plain status
// change that reads as one; decision 0028). newly muted: not
// muted in A, muted in B. mute expired: muted in A, not in B, and B judged the mutelist after the entry's
// end date; mute lifted: muted in A, not in B otherwise (entry removed, no --mutelist). One finding can
// have several changes (status and severity).
#include "store/records.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace rg::store {

enum class ChangeKind {
  kNew,
  kResolved,
  kStatus,
  kNotApplicable,
  kSeverity,
  kNewlyMuted,
  kMuteExpired,
  kMuteLifted
};
inline constexpr std::size_t kChangeKinds = 8;
std::string_view to_string(ChangeKind kind); // "new", "resolved", "status", ...

struct Change {
  ChangeKind kind = ChangeKind::kNew;
  FindingRecord before; // empty for new
  FindingRecord after;  // empty for resolved
  const FindingRecord& current() const { return kind == ChangeKind::kResolved ? before : after; }
};

struct Diff {
  RunRecord a;
  RunRecord b;
  std::vector<Change> changes; // by kind, then account, rule, region, resource
  // Unmuted FAILs in B that were not unmuted FAILs in A (new, turned FAIL, or unmuted): exit code 3.
  std::size_t new_fails = 0;
  std::size_t count(ChangeKind kind) const;
};

Diff compute_diff(const RunRecord& a, const std::vector<FindingRecord>& a_findings, const RunRecord& b,
                  const std::vector<FindingRecord>& b_findings);

} // namespace rg::store
