#pragma once
// Reading a store back: the runs with their counts (history), one run's findings (diff), one finding
// across runs (the dashboard).
#include "store/records.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rg::store {

class Database;

// Every run, oldest first, with FAIL/PASS/UNKNOWN/NOT_APPLICABLE and muted counts.
std::vector<RunSummary> list_runs(const Database& db);
// The run with this id, or nullopt.
std::optional<RunRecord> find_run(const Database& db, std::int64_t id);
// Its findings, ordered by account, rule, region, resource, finding id.
std::vector<FindingRecord> run_findings(const Database& db, std::int64_t run_id);
// Every run that recorded this finding id, oldest first, with the finding as that run saw it.
std::vector<FindingInRun> finding_history(const Database& db, std::string_view finding_id);

} // namespace rg::store
