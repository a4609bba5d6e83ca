#pragma once
// The scan use case, shared by the CLI and (later) the dashboard: snapshot -> controls -> report.
#include "findings/severity.hpp"
#include "mutelist/mutelist.hpp"
#include "report/report.hpp"
#include "trail/s3/s3_scan.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rg::pipeline {

struct ScanRequest {
  std::filesystem::path snapshot;
  std::optional<TimePoint> as_of; // overrides collected_at
  int root_usage_days = 90;
  std::vector<std::string> controls; // empty: all
  std::vector<Status> statuses;      // empty: all
  std::vector<Severity> severities;  // empty: all
  // CloudTrail logs whose root use feeds root-recent-use; the snapshot's cloudtrail/ folder is added
  // automatically when present.
  std::vector<std::filesystem::path> cloudtrail;
  std::vector<trail::s3::S3ScanSource> cloudtrail_s3; // --cloudtrail s3://...: read in place (decision 0022)
  std::string tool_version;
  // --mutelist: checked before the snapshot is read; findings it mutes keep their status, marked muted.
  std::filesystem::path mutelist;
  mutelist::Date today{}; // the day mutelist expiry is judged on (the caller's clock, injected)
};

// Reads and checks a mutelist; a bad one is FatalError (usage) naming the file, line and column.
mutelist::Mutelist load_mutelist_or_fail(const std::filesystem::path& path);

// Throws FatalError (usage) for an unknown control id or a bad or refused mutelist; bad snapshot data
// never throws.
report::Report run_scan(const ScanRequest& request);

} // namespace rg::pipeline
