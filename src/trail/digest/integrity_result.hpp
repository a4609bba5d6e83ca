#pragma once
// What digest validation found: every digest and every log file with its status and why, every break in
// a chain, and counts. `complete()` is false whenever something could not be checked: an incomplete
// validation must never read as clean.
#include "util/problem.hpp"
#include "util/time.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::trail::digest {

enum class DigestStatus {
  kValid,        // signature verified with the listed key; chain link and hash agree
  kUnsigned,     // chain link and hash agree, but no signature was given (offline copy): unproven
  kBadSignature, // the signature does not verify: the digest (or its metadata) was changed
  kModified,     // its SHA-256 or signature differs from what the next digest recorded for it
  kDeleted,      // the next digest points to it and it is not there
  kMoved,        // it says it was delivered elsewhere (another key or bucket)
  kMalformed,    // not gzip, truncated, not JSON, a field missing or of the wrong type
  kUnknownKey,   // signed with a key the public key list does not hold (or not valid at that time)
  kOtherBucket,  // the chain goes on in another bucket, not in this folder: not checked
  kNotInChain,   // no digest links to it and the walk never reached it
  kUnreadable,   // it could not be fetched (S3: denied, retries exhausted): not checked, not a failure
};

enum class LogStatus {
  kValid,      // SHA-256 of the inflated file matches its digest
  kModified,   // it does not (or the file no longer inflates)
  kDeleted,    // listed by a digest, not in the folder
  kMoved,      // listed by a digest, found under another path
  kNotCovered, // in the folder, listed by no checked digest
  kUnchecked,  // listed in another bucket, or only by a digest that could not be trusted
};

std::string_view to_string(DigestStatus status);
std::string_view to_string(LogStatus status);
bool is_failure(DigestStatus status);
bool is_failure(LogStatus status);

enum class GapKind {
  kRestarted,   // a digest starts a new chain (no previous digest) while older digests exist
  kMissingLink, // a digest the chain points to is gone: the walk goes on from the next older digest
  kBrokenLink,  // a digest in the chain could not be trusted (changed, malformed, unknown key, moved)
  kOtherBucket, // the chain continues in another bucket
};
std::string_view to_string(GapKind kind);

struct DigestEntry {
  std::string file; // local path (for a deleted digest: where it should be)
  std::string key;  // S3 key as the digests name it, when known
  DigestStatus status = DigestStatus::kValid;
  std::string reason; // empty when valid
  bool backfill = false;
  std::string account_id;
  std::string region;
  std::string trail;
  std::optional<TimePoint> start; // the hour it covers, when known
  std::optional<TimePoint> end;
  std::size_t log_files = 0;
  std::size_t root_events = 0; // matched root events of the account near the hour it covers
};

struct LogEntry {
  std::string file; // local path (for a deleted one: where it should be)
  std::string key;  // S3 key as the digest lists it; empty for a file no digest lists
  LogStatus status = LogStatus::kValid;
  std::string reason;
  std::string account_id;
  std::string region;
  std::string digest; // the digest that lists it (local path)
  std::optional<TimePoint> oldest_event;
  std::optional<TimePoint> newest_event;
  std::optional<TimePoint> digest_start; // the listing digest's hour: the window when the event times
  std::optional<TimePoint> digest_end;   // are not given
  std::size_t root_events = 0;
};

struct ChainGap {
  GapKind kind = GapKind::kRestarted;
  std::string account_id;
  std::string region;
  std::string trail;
  bool backfill = false;
  std::optional<TimePoint> from; // last time covered before the gap
  std::optional<TimePoint> to;   // first time covered after it
  std::string after;             // the newer digest (local path)
  std::string message;
  std::size_t root_events = 0;
};

struct IntegritySummary {
  std::size_t digests = 0;
  std::size_t digests_valid = 0;
  std::size_t digests_unsigned = 0;
  std::size_t digests_failed = 0;
  std::size_t digests_unchecked = 0;  // other bucket
  std::size_t digests_unreadable = 0; // could not be fetched
  std::size_t backfill_digests = 0;
  std::size_t logs = 0;
  std::size_t logs_valid = 0;
  std::size_t logs_modified = 0;
  std::size_t logs_deleted = 0;
  std::size_t logs_moved = 0;
  std::size_t logs_not_covered = 0;
  std::size_t logs_unchecked = 0;
  std::size_t gaps = 0;
  std::size_t failures_in_root_periods = 0; // digests, logs and gaps that failed near root activity
  std::uint64_t bytes_hashed = 0;           // inflated log bytes
};

struct IntegrityResult {
  std::vector<DigestEntry> digests; // sorted by file
  std::vector<LogEntry> logs;       // sorted by file
  std::vector<ChainGap> gaps;
  std::vector<Problem> problems; // the public key list and folders that could not be read
  IntegritySummary summary;

  // Everything was checked: at least one digest, every digest signed and every entry decided.
  bool complete() const;
  // Complete and nothing failed.
  bool clean() const;
  void count(); // fills `summary` from the lists
};

} // namespace rg::trail::digest
