#include "store/read_runs.hpp"

#include "store/database.hpp"

namespace rg::store {
namespace {

constexpr const char* kRunColumns = "r.id, r.command, r.started_at, r.tool_version, r.snapshot, r.paths, "
                                    "r.collected_at, r.as_of, r.partition, r.mutelist, r.mutelist_date, "
                                    "r.exit_code";

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
  Statement select(db,
                   std::string("SELECT ") + kRunColumns +
                       ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'FAIL')"
                       ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'PASS')"
                       ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'UNKNOWN')"
                       ", (SELECT count(*) FROM findings f WHERE f.run_id = r.id AND f.muted = 1)"
                       " FROM runs r ORDER BY r.id");
  std::vector<RunSummary> runs;
  while (select.step()) {
    RunSummary summary;
    summary.run = read_run(select);
    summary.fail = select.integer(12);
    summary.pass = select.integer(13);
    summary.unknown = select.integer(14);
    summary.muted = select.integer(15);
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
  Statement select(db, "SELECT finding_id, rule_id, account, region, resource, status, severity, muted, "
                       "mute_entry, mute_reason, mute_expires FROM findings WHERE run_id = ?1 "
                       "ORDER BY account, rule_id, region, resource, finding_id");
  select.bind(1, run_id);
  std::vector<FindingRecord> findings;
  while (select.step()) {
    FindingRecord finding;
    finding.finding_id = select.text(0);
    finding.rule_id = select.text(1);
    finding.account = select.text(2);
    finding.region = select.text(3);
    finding.resource = select.text(4);
    finding.status = select.text(5);
    finding.severity = select.text(6);
    finding.muted = select.integer(7) != 0;
    finding.mute_entry = select.text(8);
    finding.mute_reason = select.text(9);
    finding.mute_expires = select.text(10);
    findings.push_back(std::move(finding));
  }
  return findings;
}

} // namespace rg::store
