#pragma once
// A trail scan as findings: one activity finding per matched event and detection, so every finding format
// (ASFF, OCSF Detection Finding, SARIF, CSV, HTML) renders `rootguard trail` too.
#include "report/report.hpp"
#include "report/trail_report.hpp"

namespace rg::pipeline {

// Muted findings carry the trail report's mutes, and the report its mutelist review.
report::Report trail_findings(const report::TrailReport& trail);

// The fields that identify an event's finding for a detection (rule, account, region, resource, event
// id), without the reason and evidence: what a mutelist matches on.
Finding trail_finding_identity(const trail::MatchedEvent& event, const RuleMetadata& rule);

} // namespace rg::pipeline
