#pragma once
// A trail scan as findings: one activity finding per matched event and detection, so every finding format
// (ASFF, OCSF Detection Finding, SARIF, CSV, HTML) renders `rootguard trail` too.
#include "report/report.hpp"
#include "report/trail_report.hpp"

namespace rg::pipeline {

report::Report trail_findings(const report::TrailReport& trail);

} // namespace rg::pipeline
