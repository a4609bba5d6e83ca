#pragma once
// Reads a {"Records":[...]} document of any size in bounded memory: inflated bytes pass through a window,
// a small scanner (tracking depth, strings and escapes) finds where each record ends, and every run of
// complete records is parsed by simdjson as one array. Memory is the window, not the file.
//
// It is also the reader of damaged files (decision 0006, 0013): a record that does not parse is skipped and
// the records around it are kept; content between or after records, a record past the size limit, gzip
// damage and truncation are each a damaged place, reported with its inflated byte offset, and everything
// complete before it is kept.
#include "trail/byte_buffer.hpp"
#include "trail/event_sink.hpp"
#include "trail/inflate_stream.hpp"
#include "trail/record_reader.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace rg::trail {

struct StreamLimits {
  std::size_t window = std::size_t{8} << 20;
  std::size_t max_record = std::size_t{64} << 20;
  std::uint64_t max_inflated = std::uint64_t{16} << 30;
  bool cap_given = false; // --max-inflated-mib, rather than the proportionate default (for the message)
  // Held while this worker's window grows past `window` for an oversized record: one worker at a time, so
  // the memory bound does not multiply by the thread count. Null: no sharing.
  std::mutex* oversized_gate = nullptr;
};

// What one streamed read found wrong. The places listed are the kListed earliest in the file, in file order,
// whatever order the reader met them in (junk between records is seen when cut, a broken record when its
// batch is parsed): the list does not depend on the window size.
struct StreamDamage {
  static constexpr std::size_t kListed = 20;
  std::size_t places = 0; // every damaged place, listed or not

  void add(std::uint64_t offset, ReadFailure failure) {
    ++places;
    Place place{offset, std::move(failure)};
    if (listed_.size() < kListed) {
      listed_.push_back(std::move(place));
      return;
    }
    auto latest = std::max_element(listed_.begin(), listed_.end());
    if (place < *latest) {
      *latest = std::move(place);
    }
  }

  // The listed places, earliest first.
  std::vector<ReadFailure> take_listed() {
    std::sort(listed_.begin(), listed_.end());
    std::vector<ReadFailure> out;
    out.reserve(listed_.size());
    for (Place& place : listed_) {
      out.push_back(std::move(place.failure));
    }
    listed_.clear();
    return out;
  }

private:
  struct Place {
    std::uint64_t offset;
    ReadFailure failure;
    bool operator<(const Place& other) const {
      return std::tie(offset, failure.where, failure.message) <
             std::tie(other.offset, other.failure.where, other.failure.message);
    }
  };
  std::vector<Place> listed_;
};

// True when `text` begins like a CloudTrail log file, {"Records":[ (whitespace allowed): such a file can be
// read record by record, which is how a damaged one is salvaged.
bool begins_records_stream(std::string_view text);

class RecordStream {
public:
  // Reads every record of `input` it can; `inflated` receives the number of bytes inflated, damage what
  // was skipped and where.
  void read(InflateStream& input, RecordReader& reader, EventSink& sink, const StreamLimits& limits,
            ReadCounts& counts, std::uint64_t& inflated, StreamDamage& damage);

private:
  struct Element {
    std::size_t start; // in the window
    std::size_t end;   // one past the last byte
    std::size_t index; // Records[index]
  };
  void flush(RecordReader& reader, EventSink& sink, ReadCounts& counts, StreamDamage& damage);
  bool parse(RecordReader& reader, EventSink& sink, ReadCounts& counts, std::size_t first, std::size_t last,
             std::optional<ReadFailure>& failure);

  ByteBuffer window_;
  ByteBuffer batch_;
  std::vector<Element> elements_; // complete elements in the window, not parsed yet
  std::uint64_t window_base_ = 0; // inflated offset of window_[0]
};

} // namespace rg::trail
