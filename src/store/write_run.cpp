#include "store/write_run.hpp"

#include "store/database.hpp"

#include <sqlite3.h>

namespace rg::store {

std::int64_t write_run(Database& db, const RunRecord& run, const std::vector<FindingRecord>& findings) {
  db.exec("BEGIN IMMEDIATE");
  try {
    Statement insert_run(db, "INSERT INTO runs (command, started_at, tool_version, snapshot, paths, "
                             "collected_at, as_of, partition, mutelist, mutelist_date, exit_code) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert_run.bind(1, run.command)
        .bind(2, run.started_at)
        .bind(3, run.tool_version)
        .bind(4, run.snapshot)
        .bind(5, run.paths)
        .bind(6, run.collected_at)
        .bind(7, run.as_of)
        .bind(8, run.partition)
        .bind(9, run.mutelist)
        .bind(10, run.mutelist_date)
        .bind(11, std::int64_t{run.exit_code});
    insert_run.step();
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
    Statement insert(db, "INSERT OR IGNORE INTO findings (run_id, finding_id, rule_id, account, region, "
                         "resource, status, severity, muted, mute_entry, mute_reason, mute_expires, "
                         "event_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    for (const auto& finding : findings) {
      insert.bind(1, id)
          .bind(2, finding.finding_id)
          .bind(3, finding.rule_id)
          .bind(4, finding.account)
          .bind(5, finding.region)
          .bind(6, finding.resource)
          .bind(7, finding.status)
          .bind(8, finding.severity)
          .bind(9, std::int64_t{finding.muted ? 1 : 0})
          .bind(10, finding.mute_entry)
          .bind(11, finding.mute_reason)
          .bind(12, finding.mute_expires)
          .bind(13, finding.event_time);
      insert.step();
      insert.reset();
    }
    db.exec("COMMIT");
    return id;
  } catch (...) {
    db.rollback();
    throw;
  }
}

} // namespace rg::store
