#pragma once
// The entry point the CLI (and `rootguard scan --cloudtrail`) calls: every root-related event in the
// given CloudTrail files, matched against the whole detection catalog. Pure: no output, no exit codes.
#include "trail/scan_options.hpp"
#include "trail/scan_result.hpp"

namespace rg::detections {

trail::TrailScanResult scan_trail(const trail::TrailScanOptions& options);

} // namespace rg::detections
