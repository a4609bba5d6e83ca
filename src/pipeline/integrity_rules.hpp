#pragma once
// The two findings --verify-digests can raise. They are not event detections (no CloudTrail record
// matches them), so they live beside the trail findings rather than in the detection catalog.
#include "findings/rule.hpp"

namespace rg::pipeline {

// A log file modified, deleted or moved, a digest that fails, or a break in the chain, in a window with
// root activity of the same account: high.
extern const RuleMetadata kTrailIntegrityRootPeriod;
// The same failures with no root activity seen nearby (the missing data may have held some): medium.
extern const RuleMetadata kTrailIntegrityFailure;

} // namespace rg::pipeline
