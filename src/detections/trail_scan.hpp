#pragma once
// The entry point the CLI (and `rootguard scan --cloudtrail`) calls: every root-related event in the
// given CloudTrail files, matched against the whole detection catalog. Pure: no output, no exit codes.
#include "trail/s3/s3_scan.hpp"
#include "trail/scan_options.hpp"
#include "trail/scan_result.hpp"

namespace rg::detections {

trail::TrailScanResult scan_trail(const trail::TrailScanOptions& options);

// The same over s3://BUCKET[/PREFIX], read in place (options.paths is not read).
trail::TrailScanResult scan_trail_s3(const trail::TrailScanOptions& options,
                                     const trail::s3::S3ScanSource& source);

} // namespace rg::detections
