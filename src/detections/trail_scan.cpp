#include "detections/trail_scan.hpp"

#include "detections/catalog_matcher.hpp"
#include "trail/scanner.hpp"

namespace rg::detections {

trail::TrailScanResult scan_trail(const trail::TrailScanOptions& options) {
  const CatalogMatcher matcher;
  return trail::scan_files(options, matcher);
}

} // namespace rg::detections
