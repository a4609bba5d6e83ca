#include "detections/trail_scan.hpp"

#include "detections/catalog_matcher.hpp"
#include "trail/scanner.hpp"

namespace rg::detections {

trail::TrailScanResult scan_trail(const trail::TrailScanOptions& options) {
  const CatalogMatcher matcher;
  return trail::scan_files(options, matcher);
}

trail::TrailScanResult scan_trail_s3(const trail::TrailScanOptions& options,
                                     const trail::s3::S3ScanSource& source) {
  const CatalogMatcher matcher;
  return trail::s3::scan_s3(options, matcher, source);
}

} // namespace rg::detections
