#pragma once
// The trail use case, shared by the CLI and (later) the dashboard: CloudTrail files -> detections -> report.
#include "mutelist/mutelist.hpp"
#include "report/trail_report.hpp"
#include "trail/s3/s3_scan.hpp"
#include "trail/shard.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rg::pipeline {

struct TrailScanRequest {
  std::vector<std::filesystem::path> paths;
  std::optional<TimePoint> since;
  std::optional<TimePoint> until;
  std::vector<std::string> accounts;
  std::vector<std::string> regions;
  unsigned threads = 0;                            // 0: one per core
  std::optional<std::uint64_t> max_inflated_bytes; // per file; default: the scanner's
  std::string tool_version;
  std::filesystem::path mutelist; // --mutelist, as for scan
  mutelist::Date today{};
  // --verify-digests: CloudTrail log file integrity validation over the same folders (decision 0018).
  bool verify_digests = false;
  std::optional<std::filesystem::path> public_keys; // --public-keys: list-public-keys JSON
  std::string digest_bucket;                        // --digest-bucket: the bucket the copy came from
  // s3://BUCKET[/PREFIX] read in place instead of `paths` (decision 0022); paths then holds the URL alone.
  std::optional<trail::s3::S3ScanSource> s3;
  // Progress of a local scan (the CLI's line on a terminal); may be empty.
  std::function<void(const trail::TrailScanProgress&)> progress;
  // --shard I/N: read only this shard's files and write its partial result to part_output (trail_part.hpp)
  // instead of a report; the report then comes from `rootguard merge`.
  trail::ShardSpec shard;
  std::filesystem::path part_output;
};

// Bad files never throw: they are problems in the report. Throws FatalError only for an unusable request.
report::TrailReport run_trail_scan(const TrailScanRequest& request);

// --mutelist on a trail report (none when `mutelist` is empty): what run_trail_scan does, and what
// `rootguard merge` does to the merged report of a sharded run. Throws FatalError for a bad mutelist.
void apply_trail_mutelist(const std::filesystem::path& mutelist, mutelist::Date today,
                          report::TrailReport& report);

} // namespace rg::pipeline
