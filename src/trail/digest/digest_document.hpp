#pragma once
// One CloudTrail digest file, decoded: what it says about itself (where it was delivered, the hour it
// covers, the key that signed it), the link to the digest before it, and the log files it vouches for.
#include "util/result.hpp"
#include "util/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::trail::digest {

struct ListedLogFile {
  std::string bucket;
  std::string object;     // S3 key
  std::string hash_value; // lower-case hex SHA-256 of the inflated log file
  std::string hash_algorithm;
  std::optional<TimePoint> oldest_event; // nullopt when absent or not ISO 8601
  std::optional<TimePoint> newest_event;
};

struct DigestDocument {
  std::string account_id;
  std::string start_time_text; // as written
  std::string end_time_text;   // as written: the string to sign carries it verbatim
  TimePoint start_time{};
  TimePoint end_time{};
  std::string bucket; // digestS3Bucket
  std::string object; // digestS3Object
  std::string fingerprint;
  std::string signature_algorithm;
  // The previous digest; both nullopt at the start of a chain (JSON null), e.g. after logging or
  // validation was turned off and on again.
  std::optional<std::string> previous_bucket;
  std::optional<std::string> previous_object;
  std::string previous_hash_value; // hex SHA-256 of the previous digest, inflated; empty at a chain start
  // JSON null at a chain start: the string to sign then ends in "null", as CloudTrail's Java signer writes
  // it.
  std::optional<std::string> previous_signature;
  std::vector<ListedLogFile> log_files;
};

// Reads the inflated JSON of a digest. The fields `aws cloudtrail validate-logs` requires must be there
// with the right types; a problem names `file` and the field. Never throws.
Result<DigestDocument> parse_digest_document(std::string_view json, const std::string& file);

} // namespace rg::trail::digest
