#include "store/read_runs.hpp"

#include "store/database.hpp"

namespace rg::store {
namespace {

constexpr const char* kRunColumns = "r.id, r.command, r.started_at, r.tool_version, r.snapshot, r.paths, "
                                    "r.collected_at, r.as_of, r.partition, r.mutelist, r.mutelist_date, "
                                    "r.exit_code";

// The findings columns read_finding expects, from column `first` on.
constexpr const char* kFindingColumns = "f.finding_id, f.rule_id, f.account, f.region, f.resource, f.status, "
                                        "f.severity, f.muted, f.mute_entry, f.mute_reason, f.mute_expires, "
                                        "f.event_time";

FindingRecord read_finding(const Statement& row, int first) {
  FindingRecord finding;
  finding.finding_id = row.text(first);
  finding.rule_id = row.text(first + 1);
  finding.account = row.text(first + 2);
  finding.region = row.text(first + 3);
  finding.resource = row.text(first + 4);
  finding.status = row.text(first + 5);
  finding.severity = row.text(first + 6);
  finding.muted = row.integer(first + 7) != 0;
  finding.mute_entry = row.text(first + 8);
  finding.mute_reason = row.text(first + 9);
  finding.mute_expires = row.text(first + 10);
  finding.event_time = row.text(first + 11);
  return finding;
}

RunRecord read_run(const Statement& row) {
  RunRecord run;
  run.id = row.integer(0);
  run.command = row.text(1);
  run.started_at = row.text(2);
  run.tool_version = row.text(3);
  run.snapshot = row.text(4);
  run.paths = row.text(5);
  run.collected_at = row.text(6);
  run.as_of = row.text(7);
  run.partition = row.text(8);
  run.mutelist = row.text(9);
  run.mutelist_date = row.text(10);
  run.exit_code = static_cast<int>(row.integer(11));
  return run;
}

} // namespace

std::vector<RunSummary> list_runs(const Database& db) {
  Statement select(
      db, std::string("SELECT ") + kRunColumns +
              ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'FAIL')"
              ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'PASS')"
              ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'UNKNOWN')"
              ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.muted = 1)"
              ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'NOT_APPLICABLE')"
              " FROM runs r ORDER BY r.id");
  std::vector<RunSummary> runs;
  while (select.step()) {
    RunSummary summary;
    summary.run = read_run(select);
    summary.fail = select.integer(12);
    summary.pass = select.integer(13);
    summary.unknown = select.integer(14);
    summary.muted = select.integer(15);
    summary.not_applicable = select.integer(16);
    runs.push_back(std::move(summary));
  }
  return runs;
}

std::optional<RunRecord> find_run(const Database& db, std::int64_t id) {
  Statement select(db, std::string("SELECT ") + kRunColumns + " FROM runs r WHERE r.id = ?1");
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_run(select);
}

std::vector<FindingRecord> run_findings(const Database& db, std::int64_t run_id) {
  Statement select(db, std::string("SELECT ") + kFindingColumns +
                           " FROM findings f WHERE f.run_id = ?1 "
                           "ORDER BY f.account, f.rule_id, f.region, f.resource, f.finding_id");
  select.bind(1, run_id);
  std::vector<FindingRecord> findings;
  while (select.step()) {
    findings.push_back(read_finding(select, 0));
  }
  return findings;
}

std::vector<FindingInRun> finding_history(const Database& db, std::string_view finding_id) {
  Statement select(db, std::string("SELECT ") + kRunColumns + ", " + kFindingColumns +
                           " FROM findings f JOIN runs r ON r.id = f.run_id WHERE f.finding_id = ?1 "
                           "ORDER BY r.id");
  select.bind(1, finding_id);
  std::vector<FindingInRun> rows;
  while (select.step()) {
    rows.push_back({read_run(select), read_finding(select, 12)});
  }
  return rows;
}

} // namespace rg::store
