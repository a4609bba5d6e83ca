#pragma once
// The chain behind "would anyone notice root being used?": a multi-region trail that is logging,
// delivering to a CloudWatch Logs group, a metric filter on that group matching every root event, an
// alarm on its metric that fires on one event, and an SNS topic with a confirmed subscription.
#include "controls/control.hpp"

namespace rg::controls {

struct ChainOutcome {
  int depth = 0; // how many links held: 6 means the whole chain
  Status status = Status::kFail;
  LocalizedString reason;
  std::vector<Evidence> evidence;
  std::string resource; // the trail's ARN
  std::string region;   // the trail's home region
  // For a FAIL, the first link that is missing, as `rootguard fix` names it: "multi-region", "logging",
  // "management-events", "log-group", "metric-filter", "alarm", "alarm-action" or "subscription"; it
  // reaches the finding as evidence MissingLink so the fix repairs that link and not another.
  std::string missing_link;
};

ChainOutcome follow_root_usage_chain(const model::Trail& trail, const EvaluationInput& input);

} // namespace rg::controls
