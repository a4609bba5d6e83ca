#pragma once
// What the user asked a trail scan to read and keep.
#include "util/time.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rg::trail {

struct DiscoveryResult;
struct WorkerResult;

// How far a local scan is, for a person watching (the CLI draws it on a terminal).
struct TrailScanProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  double seconds = 0;
  bool finished = false;
};

struct TrailScanOptions {
  std::vector<std::filesystem::path> paths; // files and folders; folders are walked recursively
  std::optional<TimePoint> since;           // inclusive, on eventTime
  std::optional<TimePoint> until;           // inclusive, on eventTime
  std::vector<std::string> accounts;        // empty: every account
  std::vector<std::string> regions;         // empty: every region
  unsigned threads = 0;                     // 0: one per hardware thread
  // --verify-digests: keep the SHA-256 of every file inflated in one piece (what a digest's hashValue
  // records), so the validation does not inflate those files a second time.
  bool hash_inflated = false;
  // Called about twice a second while files are read, then once when done (only when it was called
  // before: a run under half a second draws nothing); from the scan's threads, one call at a time.
  std::function<void(const TrailScanProgress&)> progress;
  std::int64_t progress_every_ms = 500; // tests set 0: a report after every file

  // --shard I/N: only the files whose layout key falls to shard `shard_index` of `shard_count` (shard.hpp);
  // applied after listing, before anything is read or fetched.
  std::size_t shard_index = 0;
  std::size_t shard_count = 1;
  // Called with what the scan is about to combine into its result (the discovery's counts and every
  // worker's share): a shard keeps them in its partial result, so a merge combines them exactly as one
  // unsharded run would have.
  std::function<void(const DiscoveryResult&, const std::vector<WorkerResult>&)> on_parts;

  // A gzip bomb guard: a file whose inflated size passes its cap is abandoned there and reported. The cap is
  // max_inflated_bytes when set (--max-inflated-mib), else proportionate to the file's size on disk:
  // bomb_ratio x compressed size, at least bomb_floor. CloudTrail's files inflate 8-20x (bench corpus: 8x)
  // and even one record repeated verbatim stays under 100x, while deflate reaches 1032x: 256x keeps a wide
  // margin for real logs and stops a 10 MB bomb after 2.5 GB instead of 16 GiB (decision 0013).
  std::optional<std::uint64_t> max_inflated_bytes;
  std::uint64_t bomb_ratio = 256;
  std::uint64_t bomb_floor = std::uint64_t{1} << 30;

  std::uint64_t inflated_cap(std::uint64_t compressed_size) const {
    if (max_inflated_bytes) {
      return *max_inflated_bytes;
    }
    const std::uint64_t proportionate =
        compressed_size > UINT64_MAX / bomb_ratio ? UINT64_MAX : compressed_size * bomb_ratio;
    return std::max(proportionate, bomb_floor);
  }
  // Files that inflate to at most this are decompressed and parsed in one piece (the fast path);
  // larger ones are streamed record by record so memory stays bounded.
  std::size_t whole_file_limit = std::size_t{32} << 20;
  // Streaming: inflated bytes held at once, and the largest single record accepted.
  // A CloudTrail event is at most 256 KB (AWS's documented limit): a record past max_record_bytes is
  // skipped and reported as damage, so a crafted 60 MB record does not cost 60 MB of window, 60 MB of batch
  // and a parser index for it (decision 0013).
  std::size_t stream_window = std::size_t{8} << 20;
  std::size_t max_record_bytes = std::size_t{16} << 20;
};

} // namespace rg::trail
