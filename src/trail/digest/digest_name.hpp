#pragma once
// What a digest file's name says: <account>_CloudTrail-Digest_<region>_<trail>_<home region>_<end>.json.gz,
// with _backfill before .json.gz for backfill digests. The trail name may hold underscores; regions never do.
#include "util/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rg::trail::digest {

struct DigestName {
  std::string account_id;
  std::string region; // where the logs were recorded (the folder)
  std::string trail_name;
  std::string home_region; // where the trail lives
  std::string end_stamp;   // YYYYMMDDTHHMMSSZ: sorts as time
  bool backfill = false;
};

// nullopt when `file_name` (no folders) is not a digest file name.
std::optional<DigestName> parse_digest_name(std::string_view file_name);

// The part of an S3 key or '/'-separated path from its last "AWSLogs/" folder on; nullopt without one.
// A local copy keeps this part of every key (`aws s3 sync s3://bucket/prefix/ DIR` drops only the prefix).
std::optional<std::string_view> layout_suffix(std::string_view key);

// The last '/'-separated part of a path or key (the whole text without a '/').
std::string file_name(std::string_view path);

// A digest name's YYYYMMDDTHHMMSSZ end stamp as a time; nullopt when it is not one.
std::optional<TimePoint> stamp_time(std::string_view stamp);

} // namespace rg::trail::digest
