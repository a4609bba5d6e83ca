#pragma once
// What a trail scan returns: each matched event once, with its evidence copied out of the parser, and a
// summary that accounts for every file (read, skipped, pruned or failed, and why).
#include "trail/evidence_pool.hpp"
#include "util/problem.hpp"
#include "util/time.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rg::trail {

// A matched event as the formatters and detections read it: views into the scan result's evidence pool,
// valid while the TrailScanResult lives. Cheap to make (it is built on the fly from a StoredEvent).
struct MatchedEvent {
  std::string_view event_id; // CloudTrail eventID
  std::span<const std::string_view>
      detections; // ids of the rules that matched (static catalog strings), sorted
  std::string_view account_id;
  std::string_view event_time; // as written
  TimePoint time{};            // parsed; meaningless when !time_known
  bool time_known = true;      // false when eventTime is missing or not ISO 8601: never read as 1970, kept by
                               // --since/--until, reported as a problem
  std::string_view event_name;
  std::string_view event_source;
  std::string_view event_type;
  std::string_view source_ip;
  std::string_view user_agent;
  std::string_view region;
  std::string_view user_type;
  std::string_view user_arn;
  std::string_view invoked_by;
  bool assumed_root = false; // done in an sts:AssumeRoot session
  std::string_view error_code;
  std::string_view error_message;
  std::string_view console_login; // Success / Failure, for ConsoleLogin
  std::string_view mfa_used;      // Yes / No, for ConsoleLogin
  std::string_view mfa_authenticated;
  std::string_view task_policy_arn;  // sts:AssumeRoot
  std::string_view target_principal; // sts:AssumeRoot
  std::string_view file;             // where it was read (the first file, when the same event appears twice)
};

// How a matched event is kept: ~100 bytes of handles into an EvidencePool instead of twenty strings
// (decision 0015: a million matches fit in a few hundred MiB).
struct StoredEvent {
  using Handle = EvidencePool::Handle;
  TimePoint time{};
  Handle event_id = 0, account_id = 0, event_time = 0, event_name = 0, event_source = 0, event_type = 0,
         source_ip = 0, user_agent = 0, region = 0, user_type = 0, user_arn = 0, invoked_by = 0,
         error_code = 0, error_message = 0, console_login = 0, mfa_used = 0, mfa_authenticated = 0,
         task_policy_arn = 0, target_principal = 0, file = 0;
  std::uint32_t detections = 0; // EvidencePool::ids index
  std::uint16_t pool = 0;       // which of the result's pools (one per worker thread)
  bool time_known = true;
  bool assumed_root = false;
};

// The matched events of a scan, sorted by time, then event id: indexable and iterable as MatchedEvent
// values. Owns the pools the events point into.
class MatchedEvents {
public:
  class Iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = MatchedEvent;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = MatchedEvent;
    Iterator() = default;
    Iterator(const MatchedEvents* owner, std::size_t index) : owner_(owner), index_(index) {}
    MatchedEvent operator*() const { return (*owner_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    // NOLINTNEXTLINE(cert-dcl21-cpp): C++20's std::forward_iterator requires i++ to yield I, not const I
    Iterator operator++(int) {
      Iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

  private:
    const MatchedEvents* owner_ = nullptr;
    std::size_t index_ = 0;
  };

  std::size_t size() const { return stored.size(); }
  bool empty() const { return stored.empty(); }
  MatchedEvent operator[](std::size_t index) const { return view(stored[index]); }
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, stored.size()}; }

  MatchedEvent view(const StoredEvent& event) const;
  std::string_view text(const StoredEvent& event, EvidencePool::Handle handle) const {
    return pools[event.pool].text(handle);
  }

  std::vector<StoredEvent> stored;
  std::vector<EvidencePool> pools;
};

// How a scan of an S3 bucket went (absent for local files): what it asked S3 for, so a pruned listing can be
// checked and a slow run explained.
struct S3ReadCounts {
  std::string bucket;
  std::string region;              // where the bucket answered from
  std::size_t list_requests = 0;   // ListObjectsV2 pages asked for
  std::size_t objects_listed = 0;  // keys those pages returned
  std::size_t objects_fetched = 0; // GetObject calls that returned the object
  std::size_t objects_failed = 0;  // GetObject calls that did not (each in errors)
  std::size_t get_attempts = 0;    // GetObject attempts, retries included
  std::size_t throttled = 0;       // attempts answered with SlowDown (or another throttling code)
  std::uint64_t bytes_fetched = 0;
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
  std::vector<Problem> errors;    // every unreadable file or path, and why
  std::optional<S3ReadCounts> s3; // set when the scan read s3://
};

struct TrailScanResult {
  MatchedEvents events; // sorted by time, then event id
  TrailSummary summary;
  // With TrailScanOptions::hash_inflated: file path -> lower-case hex SHA-256 of its inflated bytes, for the
  // files inflated whole (streamed ones are not here: the digest validation hashes those itself).
  std::map<std::string, std::string> inflated_sha256;
  // S3 with hash_inflated: every object the listing handed to the scan (s3://bucket/key, listed size), in
  // key order: what the digest validation takes as present (decision 0025).
  std::vector<std::pair<std::string, std::uint64_t>> listed_objects;
};

} // namespace rg::trail
