#pragma once
// Muting findings with a mutelist, judged on a given day (injected: no clock is read here).
//
// An entry mutes a finding while `today <= expires`; after that it is expired: it stops muting and is
// reported. An unexpired entry that mutes nothing is stale and reported. The first entry in file order
// that matches a finding mutes it. An entry that would mute a critical finding for longer than
// kMaxCriticalMuteDays from today is refused (decision 0017): such an exception needs review at least
// yearly.
#include "mutelist/mutelist.hpp"
#include "report/report.hpp"

#include <memory>

namespace rg::mutelist {

inline constexpr int kMaxCriticalMuteDays = 366;

class Muter {
public:
  // Throws FatalError (usage) when the mutelist is refused; see above.
  Muter(const Mutelist& mutelist, Date today);

  // The entry that mutes this finding now, or null. Counts matches for the review.
  std::shared_ptr<const Mute> mute(const Finding& finding);

  report::MutelistReview review() const;

private:
  const Mutelist& mutelist_;
  Date today_;
  std::vector<std::size_t> matched_; // per entry
};

// Sets muted_by on every finding of the report that an entry mutes, and the report's mutelist review.
void apply_mutelist(const Mutelist& mutelist, Date today, report::Report& report);

} // namespace rg::mutelist
