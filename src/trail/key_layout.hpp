#pragma once
// What the CloudTrail S3 key says about a file:
// AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rg::trail {

enum class ObjectKind {
  kLog,     // a CloudTrail log file (or any JSON we were handed)
  kDigest,  // CloudTrail-Digest/: hourly hash chains, no events
  kInsight, // CloudTrail-Insight/: anomaly summaries, no user activity
};

struct KeyInfo {
  ObjectKind kind = ObjectKind::kLog;
  std::string organization_id; // "o-abc123" for organization trails, else empty
  std::string account_id;      // empty when the path does not follow the layout
  std::string region;
  std::optional<std::chrono::year_month_day> date; // the delivery date in the key, not the event time
};

// Reads the layout from a path (generic '/' form). Paths that do not follow it yield an empty KeyInfo of
// kind kLog, except that Digest/Insight markers anywhere in the path or file name are still recognised.
KeyInfo parse_key(std::string_view path);

} // namespace rg::trail
