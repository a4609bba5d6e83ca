#pragma once
// Reading a store back: the runs with their counts (history), one run's findings (diff).
#include "store/records.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace rg::store {

class Database;

// Every run, oldest first, with FAIL/PASS/UNKNOWN and muted counts.
std::vector<RunSummary> list_runs(const Database& db);
// The run with this id, or nullopt.
std::optional<RunRecord> find_run(const Database& db, std::int64_t id);
// Its findings, ordered by account, rule, region, resource, finding id.
std::vector<FindingRecord> run_findings(const Database& db, std::int64_t run_id);

} // namespace rg::store
