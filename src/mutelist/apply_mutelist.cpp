#include "mutelist/apply_mutelist.hpp"

#include "mutelist/mutelist_match.hpp"
#include "util/assert.hpp"
#include "util/fatal_error.hpp"

#include <fmt/format.h>

namespace rg::mutelist {
namespace {

bool expired(const Entry& entry, Date today) {
  return std::chrono::sys_days{today} > std::chrono::sys_days{entry.expires};
}

} // namespace

Muter::Muter(const Mutelist& mutelist, Date today)
    : mutelist_(mutelist), today_(today), matched_(mutelist.entries.size(), 0) {
  RG_ASSERT(today.ok()); // a caller that forgot to set the day would judge every entry against year 0
}

std::shared_ptr<const Mute> Muter::mute(const Finding& finding) {
  FindingIdCache id(finding);
  std::shared_ptr<const Mute> muted_by;
  for (std::size_t i = 0; i < mutelist_.entries.size(); ++i) {
    const auto& entry = mutelist_.entries[i];
    if (!entry_matches(entry, finding, id)) {
      continue;
    }
    ++matched_[i];
    if (expired(entry, today_)) {
      continue; // counted, so the review can say what it would still have muted
    }
    const auto days_left = (std::chrono::sys_days{entry.expires} - std::chrono::sys_days{today_}).count();
    if (finding.rule->severity == Severity::kCritical && days_left > kMaxCriticalMuteDays) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("{}: this entry would mute the critical finding {} ({}, account {}) until "
                                   "{}; a critical finding may be muted for at most {} days: set an earlier "
                                   "'expires' (see docs/mutelist.md)",
                                   entry.mute->entry, finding.rule->id, finding.finding_id(),
                                   finding.account_id, entry.mute->expires, kMaxCriticalMuteDays));
    }
    if (!muted_by) {
      muted_by = entry.mute;
    }
    // Later matching entries are still counted: an entry is stale only when it matched nothing at all.
  }
  return muted_by;
}

report::MutelistReview Muter::review() const {
  report::MutelistReview review;
  review.file = mutelist_.file;
  review.today = format_date(today_);
  for (std::size_t i = 0; i < mutelist_.entries.size(); ++i) {
    const auto& entry = mutelist_.entries[i];
    report::MuteEntryReview item;
    item.entry = entry.mute;
    item.matched = matched_[i];
    if (expired(entry, today_)) {
      item.state = report::MuteEntryState::kExpired;
    } else {
      item.state = matched_[i] > 0 ? report::MuteEntryState::kActive : report::MuteEntryState::kStale;
    }
    review.entries.push_back(std::move(item));
  }
  return review;
}

void apply_mutelist(const Mutelist& mutelist, Date today, report::Report& report) {
  Muter muter(mutelist, today);
  for (auto& finding : report.findings) {
    finding.muted_by = muter.mute(finding);
  }
  report.mutelist = muter.review();
}

} // namespace rg::mutelist
