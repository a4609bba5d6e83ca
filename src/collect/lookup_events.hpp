#pragma once
// `collect --lookup-events [DAYS]`: root's recent activity without the log bucket. CloudTrail
// LookupEvents (management events of the last 90 days, per account and region) filtered by user name
// `root`, written where `scan` and `trail` read CloudTrail from a snapshot:
// cloudtrail/lookup-events/<account>/<region>.json, as `aws cloudtrail lookup-events --output json`
// prints it (pages merged). The client's rate limiter keeps to the documented 2 requests per second per
// account and region.
#include "aws/client.hpp"
#include "collect/snapshot_writer.hpp"

#include <chrono>
#include <string>

namespace rg::collect {

// CloudTrail keeps event history for 90 days; LookupEvents answers nothing older.
inline constexpr int kLookupEventsMaxDays = 90;

// The snapshot path for one account and region (both must be safe path components).
std::string lookup_events_path(const std::string& account, const std::string& region);

// One account and region: true when the file was written. A failed call is logged by the writer (and
// the scan then says what it could not see); an empty history writes a file with no events, which is
// evidence ("no root use in DAYS days"), not an absence.
bool collect_root_lookup_events(aws::AwsClient& client, SnapshotWriter& writer, const std::string& account,
                                const std::string& region, int days, std::chrono::sys_seconds now);

} // namespace rg::collect
