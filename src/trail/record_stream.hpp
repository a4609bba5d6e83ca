#pragma once
// Reads a {"Records":[...]} document of any size in bounded memory: inflated bytes pass through a window,
// a small scanner (tracking depth, strings and escapes) finds where each record ends, and every run of
// complete records is parsed by simdjson as one array. Memory is the window, not the file.
#include "trail/byte_buffer.hpp"
#include "trail/event_sink.hpp"
#include "trail/inflate_stream.hpp"
#include "trail/record_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace rg::trail {

struct StreamLimits {
  std::size_t window = std::size_t{8} << 20;
  std::size_t max_record = std::size_t{64} << 20;
  std::uint64_t max_inflated = std::uint64_t{16} << 30;
};

class RecordStream {
public:
  // Reads every record of `input`; `inflated` receives the number of bytes inflated so far, even on failure.
  std::optional<ReadFailure> read(InflateStream& input, RecordReader& reader, EventSink& sink,
                                  const StreamLimits& limits, ReadCounts& counts, std::uint64_t& inflated);

private:
  ByteBuffer window_;
  ByteBuffer batch_;
};

} // namespace rg::trail
