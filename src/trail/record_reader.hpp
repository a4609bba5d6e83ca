#pragma once
// simdjson On-Demand over CloudTrail JSON: a whole log file ({"Records":[...]}), the output of
// `aws cloudtrail lookup-events` ({"Events":[{"CloudTrailEvent":"<json>"}]}), or a bare array of records
// (the batches the streaming reader cuts). Each record becomes an EventView handed to the sink.
#include "trail/event_sink.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace rg::trail {

struct ReadFailure {
  std::string where; // "Records[12]", "Events[3].CloudTrailEvent", or empty for the whole file
  std::string message;
};

struct ReadCounts {
  std::size_t events = 0;
  std::size_t not_objects = 0; // array elements that are not records; skipped and reported
};

// The simdjson types stay behind a pointer: this file is built with AVX2 flags (its On-Demand kernel is
// chosen at compile time) and the rest of the program is not, so no simdjson type may cross this header.
class RecordReader {
public:
  RecordReader();
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // `data` must have simdjson::SIMDJSON_PADDING readable bytes after `size` (ByteBuffer guarantees it).
  std::optional<ReadFailure> read_document(const char* data, std::size_t size, EventSink& sink,
                                           ReadCounts& counts);
  std::optional<ReadFailure> read_record_array(const char* data, std::size_t size, std::size_t first_index,
                                               EventSink& sink, ReadCounts& counts);

  // Gives back parser memory grown past `bytes` by an unusually large document.
  void shrink_to(std::size_t bytes);

private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace rg::trail
