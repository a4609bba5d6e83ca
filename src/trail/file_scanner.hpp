#pragma once
// Reads one CloudTrail file into an EventSink, choosing the fast path (whole file: libdeflate + one
// simdjson document) or the bounded one (isa-l stream + record splitting) by size. One per worker thread:
// it owns the parsers and buffers, reused from file to file.
#include "trail/byte_buffer.hpp"
#include "trail/discovery.hpp"
#include "trail/event_sink.hpp"
#include "trail/inflate_stream.hpp"
#include "trail/record_reader.hpp"
#include "trail/record_stream.hpp"
#include "trail/scan_options.hpp"
#include "trail/whole_inflater.hpp"
#include "util/problem.hpp"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace rg::trail {

struct FileOutcome {
  std::size_t events = 0;
  std::uint64_t bytes_inflated = 0;
  bool streamed = false;
  std::size_t damaged = 0;       // damaged places inside the file; the intact records around them are kept
  std::vector<Problem> problems; // each located; empty when the file read cleanly
  std::string inflated_sha256;   // with hash_inflated, when the file was inflated whole
};

class FileScanner {
public:
  // `oversized_gate` is shared by every worker of a scan (see StreamLimits::oversized_gate).
  explicit FileScanner(const TrailScanOptions& options, std::mutex* oversized_gate = nullptr);
  FileOutcome scan(const TrailFile& file, EventSink& sink);
  // The same for a file already in memory (an S3 object): `file.path` names it in problems; nothing is
  // read from disk. The bytes must stay valid for the call.
  FileOutcome scan_bytes(const TrailFile& file, std::span<const char> bytes, EventSink& sink);

private:
  // Inflates `compressed` (gzip) whole, or takes inflated_ as it is (plain), then parses it.
  void read_loaded(const TrailFile& file, bool gzip, std::span<const char> compressed,
                   std::size_t whole_limit, EventSink& sink, FileOutcome& outcome);
  void read_whole(const TrailFile& file, bool gzip, EventSink& sink, FileOutcome& outcome);
  void read_streamed(const TrailFile& file, bool gzip, EventSink& sink, FileOutcome& outcome);

  const TrailScanOptions& options_;
  std::mutex* oversized_gate_;
  std::span<const char> memory_; // during scan_bytes: the object, for the streamed reader
  RecordReader reader_;
  WholeInflater inflater_;
  InflateStream stream_;
  RecordStream record_stream_;
  ByteBuffer compressed_;
  ByteBuffer inflated_;
};

} // namespace rg::trail
