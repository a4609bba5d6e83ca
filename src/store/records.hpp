#pragma once
// What a store holds: one row per run and one per finding of that run. Only identities, verdicts and the
// mute entry's own words are kept, never a finding's evidence or reason text (decision 0019): those quote
// values read from the account, and a store outlives the report it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rg::store {

struct RunRecord {
  std::int64_t id = 0;    // assigned by the store
  std::string command;    // "scan" or "trail"
  std::string started_at; // ISO 8601, when the run began (UTC)
  std::string tool_version;
  std::string snapshot;     // scan: the snapshot folder
  std::string paths;        // trail: the log paths, one per line
  std::string collected_at; // scan: the snapshot's collected_at; "" unknown
  std::string as_of;        // the clock the rules used; "" unknown
  std::string partition;
  std::string mutelist;      // the --mutelist file; "" none
  std::string mutelist_date; // YYYY-MM-DD the mutelist expiry was judged on; "" none
  int exit_code = 0;
};

struct FindingRecord {
  std::string finding_id; // Finding::finding_id(): stable across runs
  std::string rule_id;    // control or detection id
  std::string account;
  std::string region;
  std::string resource;
  std::string status;   // PASS, FAIL, UNKNOWN, NOT_APPLICABLE (text: old stores read as they are)
  std::string severity; // critical ... informational
  bool muted = false;
  // The entry that muted it (empty when not muted).
  std::string mute_entry; // "mutelist.yaml:12"
  std::string mute_reason;
  std::string mute_expires; // YYYY-MM-DD
  // trail: when the matched event happened (ISO 8601, UTC), for the dashboard's root-activity timeline;
  // "" for scan findings, integrity findings and events without a readable time.
  std::string event_time;
};

// One finding as one run saw it: a row of a finding's history across runs.
struct FindingInRun {
  RunRecord run;
  FindingRecord finding;
};

// A run as `history` lists it.
struct RunSummary {
  RunRecord run;
  std::int64_t fail = 0;
  std::int64_t pass = 0;
  std::int64_t unknown = 0;
  std::int64_t not_applicable = 0; // NOT_APPLICABLE (decision 0028); 0 in runs recorded before it existed
  std::int64_t muted = 0;
};

} // namespace rg::store
