#pragma once
// What a trail scan returns: each matched event once, with its evidence copied out of the parser, and a
// summary that accounts for every file (read, skipped, pruned or failed, and why).
#include "util/problem.hpp"
#include "util/time.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rg::trail {

struct MatchedEvent {
  std::string event_id;                     // CloudTrail eventID
  std::vector<std::string_view> detections; // ids of the rules that matched (static catalog strings), sorted
  std::string account_id;
  std::string event_time; // as written
  TimePoint time{};       // parsed; meaningless when !time_known
  bool time_known = true; // false when eventTime is missing or not ISO 8601: never read as 1970, kept by
                          // --since/--until, reported as a problem
  std::string event_name;
  std::string event_source;
  std::string event_type;
  std::string source_ip;
  std::string user_agent;
  std::string region;
  std::string user_type;
  std::string user_arn;
  std::string invoked_by;
  bool assumed_root = false; // done in an sts:AssumeRoot session
  std::string error_code;
  std::string error_message;
  std::string console_login; // Success / Failure, for ConsoleLogin
  std::string mfa_used;      // Yes / No, for ConsoleLogin
  std::string mfa_authenticated;
  std::string task_policy_arn;  // sts:AssumeRoot
  std::string target_principal; // sts:AssumeRoot
  std::string file;             // where it was read (the first file, when the same event appears twice)
};

struct TrailSummary {
  std::size_t files = 0;        // files read (successfully or not)
  std::size_t files_failed = 0; // files with a problem (events read before the problem are kept)
  std::size_t skipped = 0;      // digest + insight + unrelated files
  std::size_t skipped_digest = 0;
  std::size_t skipped_insight = 0;
  std::size_t skipped_other = 0;
  std::size_t pruned = 0;       // files outside --since/--until, --accounts, --regions by their key
  std::size_t events = 0;       // records read
  std::size_t damaged = 0;      // damaged places inside files (a broken record, garbage, truncation): each is
                                // in `errors` with its byte offset, and the intact records around it are kept
  std::size_t candidates = 0;   // records that could match (root, or a named event) inside the filters
  std::size_t matched = 0;      // distinct matched events
  std::size_t duplicates = 0;   // matched events seen again (an organization trail and an account trail)
  std::size_t unknown_time = 0; // matched events whose eventTime could not be read (each kept and reported)
  std::uint64_t bytes_read = 0; // on disk
  std::uint64_t bytes_inflated = 0;
  std::vector<Problem> errors; // every unreadable file or path, and why
};

struct TrailScanResult {
  std::vector<MatchedEvent> events; // sorted by time, then event id
  TrailSummary summary;
};

} // namespace rg::trail
