#pragma once
// What the user asked a trail scan to read and keep.
#include "util/time.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rg::trail {

struct TrailScanOptions {
  std::vector<std::filesystem::path> paths; // files and folders; folders are walked recursively
  std::optional<TimePoint> since;           // inclusive, on eventTime
  std::optional<TimePoint> until;           // inclusive, on eventTime
  std::vector<std::string> accounts;        // empty: every account
  std::vector<std::string> regions;         // empty: every region
  unsigned threads = 0;                     // 0: one per hardware thread

  // A gzip bomb guard: a file whose inflated size passes this is abandoned and reported.
  std::uint64_t max_inflated_bytes = std::uint64_t{16} << 30;
  // Files that inflate to at most this are decompressed and parsed in one piece (the fast path);
  // larger ones are streamed record by record so memory stays bounded.
  std::size_t whole_file_limit = std::size_t{32} << 20;
  // Streaming: inflated bytes held at once, and the largest single record accepted.
  std::size_t stream_window = std::size_t{8} << 20;
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

} // namespace rg::trail
