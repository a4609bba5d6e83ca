#pragma once
// The JSON of one finding, the summary and one problem: shared by --format json (one document) and
// --format jsonl (one record per line), so both say the same thing in the same keys.
#include "report/report.hpp"

#include <nlohmann/json.hpp>

namespace rg::report {

// The finding as docs/output-json.md describes an element of "findings".
nlohmann::ordered_json finding_json(const Finding& finding, const Report& report, Lang lang);
// "summary": counts by status, muted, FAIL by severity, accounts, unreadable inputs.
nlohmann::ordered_json summary_json(const Report& report);
// One element of "problems": kind, file, where, message.
nlohmann::ordered_json problem_json(const Problem& problem);

} // namespace rg::report
