#pragma once
// Recording one run: the run row and all its findings in one transaction, so a reader or a concurrent
// writer sees the whole run or none of it.
#include "store/records.hpp"

#include <cstdint>
#include <vector>

namespace rg::store {

class Database;

// Returns the new run's id. Findings repeated within the run (one CloudTrail event delivered twice) are
// kept once.
std::int64_t write_run(Database& db, const RunRecord& run, const std::vector<FindingRecord>& findings);

} // namespace rg::store
