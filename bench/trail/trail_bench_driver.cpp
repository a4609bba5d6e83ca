// Stand-in for `rootguard trail` until the CLI has it: scans PATHS, prints the summary and problems, and
// writes the CIS root-activity event ids (sorted) so bench/trail/run can compare them with jq and Python.
#include "detections/trail_scan.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  rg::trail::TrailScanOptions options;
  std::string ids_file;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--cis-ids" && i + 1 < argc) {
      ids_file = argv[++i];
    } else if (arg == "--threads" && i + 1 < argc) {
      options.threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else {
      options.paths.emplace_back(argv[i]);
    }
  }
  const rg::trail::TrailScanResult result = rg::detections::scan_trail(options);
  const auto& s = result.summary;
  fmt::print("files={} failed={} skipped={} (digest={}) pruned={} events={} matched={} bytes_read={} "
             "bytes_inflated={}\n",
             s.files, s.files_failed, s.skipped, s.skipped_digest, s.pruned, s.events, s.matched,
             s.bytes_read, s.bytes_inflated);
  for (const auto& problem : s.errors) {
    fmt::print("problem: {}\n", problem.describe());
  }
  if (!ids_file.empty()) {
    std::vector<std::string> ids;
    for (const auto& event : result.events) {
      if (std::find(event.detections.begin(), event.detections.end(), "root-activity-cis") !=
          event.detections.end()) {
        ids.emplace_back(event.event_id);
      }
    }
    std::sort(ids.begin(), ids.end());
    std::ofstream out(ids_file);
    for (const auto& id : ids) {
      out << id << '\n';
    }
  }
  return 0;
}
