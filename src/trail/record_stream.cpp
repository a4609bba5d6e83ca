#include "trail/record_stream.hpp"

#include <cstring>
#include <fmt/format.h>
#include <string_view>

namespace rg::trail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kStreamHeader = R"({"Records":[)";

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Skips string content from `i`: returns the index just past the closing quote (clearing `in_string`), or
// `end` with `escaped` telling whether the window ended inside an escape. memchr finds quotes; a quote
// preceded by an odd run of backslashes is escaped. Strings are most of CloudTrail's bytes.
std::size_t skip_string(const char* bytes, std::size_t i, std::size_t end, bool& in_string, bool& escaped) {
  if (escaped) {
    escaped = false;
    ++i;
  }
  while (i < end) {
    const void* found = std::memchr(bytes + i, '"', end - i);
    const std::size_t stop =
        found == nullptr ? end : static_cast<std::size_t>(static_cast<const char*>(found) - bytes);
    std::size_t run = 0;
    while (stop - run > i && bytes[stop - run - 1] == '\\') {
      ++run;
    }
    if (found == nullptr) {
      escaped = run % 2 == 1;
      return end;
    }
    if (run % 2 == 0) {
      in_string = false;
      return stop + 1;
    }
    i = stop + 1; // an escaped quote: still inside the string
  }
  return i;
}

enum class Phase { kPrefix, kBetween, kInRecord, kAfterArray };

// Scanner state that survives refills of the window.
struct Scan {
  Phase phase = Phase::kPrefix;
  std::size_t prefix_matched = 0; // characters of kStreamHeader seen
  std::size_t position = 0;       // next byte of the window to look at
  std::size_t record_start = kNone;
  std::size_t batch_start = kNone; // first complete record not yet parsed
  std::size_t batch_end = 0;       // one past the last complete record
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  std::size_t records_seen = 0; // complete records cut so far, for Records[i] locations
  std::size_t batch_first_index = 0;
};

} // namespace

std::optional<ReadFailure> RecordStream::read(InflateStream& input, RecordReader& reader, EventSink& sink,
                                              const StreamLimits& limits, ReadCounts& counts,
                                              std::uint64_t& inflated) {
  window_.reserve(limits.window);
  window_.resize(0);
  Scan scan;
  const auto flush_batch = [&]() -> std::optional<ReadFailure> {
    if (scan.batch_start == kNone) {
      return std::nullopt;
    }
    // "[" + the records with their separating commas + "]" is exactly a JSON array of records.
    const std::size_t length = scan.batch_end - scan.batch_start;
    batch_.reserve(length + 2);
    batch_.data()[0] = '[';
    std::memcpy(batch_.data() + 1, window_.data() + scan.batch_start, length);
    batch_.data()[length + 1] = ']';
    batch_.resize(length + 2);
    scan.batch_start = kNone;
    return reader.read_record_array(batch_.data(), batch_.size(), scan.batch_first_index, sink, counts);
  };

  for (;;) {
    if (scan.position == window_.size()) {
      if (auto failed = flush_batch()) {
        return failed;
      }
      // Drop what is consumed; keep a record that is still being cut.
      const std::size_t keep_from = scan.phase == Phase::kInRecord ? scan.record_start : scan.position;
      const std::size_t kept = window_.size() - keep_from;
      if (kept > 0 && keep_from > 0) {
        std::memmove(window_.data(), window_.data() + keep_from, kept);
      }
      window_.resize(kept);
      scan.position -= keep_from;
      if (scan.record_start != kNone) {
        scan.record_start -= keep_from;
      }
      if (window_.size() == window_.capacity()) {
        if (window_.capacity() >= limits.max_record) {
          return ReadFailure{fmt::format("Records[{}]", scan.records_seen),
                             fmt::format("a record is larger than {} MiB", limits.max_record >> 20)};
        }
        window_.reserve(std::min(limits.max_record, window_.capacity() * 2));
      }
      auto got = input.read(window_.data() + window_.size(), window_.capacity() - window_.size());
      if (!got) {
        return ReadFailure{got.error().where, got.error().message};
      }
      if (*got == 0) {
        break;
      }
      inflated += *got;
      if (inflated > limits.max_inflated) {
        return ReadFailure{"", fmt::format("inflates to more than {} bytes (the --max-inflated cap): "
                                           "a gzip bomb or a far larger file than CloudTrail writes",
                                           limits.max_inflated)};
      }
      window_.resize(window_.size() + *got);
    }

    const char* bytes = window_.data();
    const std::size_t end = window_.size();
    std::size_t i = scan.position;
    while (i < end) {
      const char c = bytes[i];
      switch (scan.phase) {
      case Phase::kPrefix:
        if (scan.prefix_matched >= 2 && scan.prefix_matched < 10) {
          // Inside the "Records" key: no whitespace allowed.
          if (c != kStreamHeader[scan.prefix_matched]) {
            return ReadFailure{"", "a file this large is streamed, and must then begin with {\"Records\":["};
          }
          ++scan.prefix_matched;
        } else if (!is_space(c)) {
          if (c != kStreamHeader[scan.prefix_matched]) {
            return ReadFailure{"", "a file this large is streamed, and must then begin with {\"Records\":["};
          }
          if (++scan.prefix_matched == kStreamHeader.size()) {
            scan.phase = Phase::kBetween;
          }
        }
        ++i;
        break;
      case Phase::kBetween:
        if (c == ']') {
          scan.phase = Phase::kAfterArray;
        } else if (c == '{') {
          scan.phase = Phase::kInRecord;
          scan.record_start = i;
          scan.depth = 1;
          scan.in_string = false;
          scan.escaped = false;
        } else if (!is_space(c) && c != ',') {
          return ReadFailure{fmt::format("Records[{}]", scan.records_seen), "a record is not a JSON object"};
        }
        ++i;
        break;
      case Phase::kInRecord:
        // The hot loop: strings are skipped with memchr, structure characters move the depth.
        for (; i < end; ++i) {
          if (scan.in_string) {
            i = skip_string(bytes, i, end, scan.in_string, scan.escaped) - 1; // the loop's ++i steps past
            continue;
          }
          const char d = bytes[i];
          if (d == '"') {
            scan.in_string = true;
          } else if (d == '{' || d == '[') {
            ++scan.depth; // a counter, not recursion: depth costs nothing here, as in simdjson On-Demand
          } else if (d == '}' || d == ']') {
            if (--scan.depth == 0) {
              if (scan.batch_start == kNone) {
                scan.batch_start = scan.record_start;
                scan.batch_first_index = scan.records_seen;
              }
              scan.batch_end = i + 1;
              ++scan.records_seen;
              scan.record_start = kNone;
              scan.phase = Phase::kBetween;
              ++i;
              break;
            }
          }
        }
        break;
      case Phase::kAfterArray:
        // Only the closing brace and whitespace may follow; keep reading to the end so a damaged gzip
        // trailer is still noticed.
        if (c == '}' && scan.depth == 0) {
          scan.depth = 1;
        } else if (!is_space(c)) {
          return ReadFailure{"", "unexpected content after the Records array"};
        }
        ++i;
        break;
      }
    }
    scan.position = i;
  }

  if (auto failed = flush_batch()) {
    return failed;
  }
  if (scan.phase != Phase::kAfterArray || scan.depth != 1) {
    return ReadFailure{"", "the file ends before the Records array is closed (truncated JSON)"};
  }
  return std::nullopt;
}

} // namespace rg::trail
