#pragma once
// One scan worker's share of a trail scan and the merge of every worker's share into the result: used by
// the scan of local files (scanner.cpp) and of S3 objects (s3/), so both count, sort and deduplicate alike.
#include "trail/discovery.hpp"
#include "trail/evidence_pool.hpp"
#include "trail/scan_options.hpp"
#include "trail/scan_result.hpp"
#include "trail/scanner.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace rg::trail {

struct WorkerResult {
  EvidencePool pool;
  std::vector<StoredEvent> matched;
  std::vector<std::pair<std::size_t, Problem>> problems;   // by file index, for a deterministic order
  std::vector<std::pair<std::string, std::string>> hashes; // path, inflated SHA-256 (hash_inflated)
  std::size_t files = 0;
  std::size_t events = 0;
  std::size_t candidates = 0;
  std::size_t damaged = 0;
  std::size_t files_failed = 0;
  std::size_t unknown_time = 0;
  std::vector<Problem> time_problems;
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_inflated = 0;
};

// One per worker thread: its FileScanner, its filters and matches. `index` orders the file's problems in the
// result (the files' sorted order).
class ScanWorker {
public:
  ScanWorker(const TrailScanOptions& options, const EventMatcher& matcher);
  ~ScanWorker();
  ScanWorker(const ScanWorker&) = delete;
  ScanWorker& operator=(const ScanWorker&) = delete;

  void scan(const TrailFile& file, std::size_t index);
  void scan_bytes(const TrailFile& file, std::size_t index, std::span<const char> bytes);
  // A file that could not be read at all (an S3 object that could not be fetched): counted as read and
  // failed, as a local file that cannot be opened is.
  void fail(const TrailFile& file, std::size_t index, Problem problem);
  WorkerResult finish();

private:
  struct State;
  std::unique_ptr<State> state_;
};

// Checks the CPU can run the reader and tunes the allocator; before any worker starts.
void prepare_scan();

// The result from the discovery's counts and problems (discovered.files is not read) and every worker's
// share.
TrailScanResult assemble_result(DiscoveryResult discovered, std::vector<WorkerResult>& workers);

} // namespace rg::trail
