#pragma once
// Finds the files a trail scan reads: walks folders, reads the S3 key layout, sets aside digests and
// insights, and prunes by key date (with a day of slack), account and region before anything is opened.
#include "trail/key_layout.hpp"
#include "trail/scan_options.hpp"
#include "util/problem.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rg::trail {

struct TrailFile {
  std::string path; // as the user would type it
  KeyInfo key;
  std::uint64_t size = 0;
};

struct DiscoveryResult {
  std::vector<TrailFile> files; // sorted by path: deterministic order and output
  std::size_t skipped_digest = 0;
  std::size_t skipped_insight = 0;
  std::size_t skipped_other = 0; // files in walked folders that are not .json / .json.gz / .gz
  std::size_t pruned = 0;        // outside --since/--until, --accounts or --regions by their key
  std::vector<Problem> problems; // paths that do not exist or cannot be listed
};

DiscoveryResult discover_files(const TrailScanOptions& options);

// True when a file whose key carries `key` may hold events the options keep.
bool key_in_scope(const KeyInfo& key, const TrailScanOptions& options);

} // namespace rg::trail
