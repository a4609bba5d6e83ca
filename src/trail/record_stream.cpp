#include "trail/record_stream.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace rg::trail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kStreamHeader = R"({"Records":[)";
constexpr std::string_view kNotRecordsMessage =
    R"(a file read record by record must begin with {"Records":[)";
// Elements per parse: bounds the element list when a window holds millions of tiny (junk) elements.
constexpr std::size_t kMaxBatch = 16384;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Where a scalar element (a number, a string, a literal, or junk) ends.
bool ends_scalar(char c) {
  return c == ',' || c == ']' || c == '}' || c == '{' || c == '[' || is_space(c);
}

// What may start a JSON value: anything else between records is junk, skipped to the next separator.
bool starts_value(char c) {
  return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
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

enum class Phase {
  kPrefix,        // {"Records":[
  kBetween,       // separators between elements
  kInRecord,      // an object or array element, cut by depth
  kInScalar,      // any other element: cut at the next separator
  kJunk,          // bytes that cannot start a value, up to the next separator
  kAfterArray,    // after ], the closing brace
  kAfterDocument, // after }, only whitespace (or a second document)
  kIgnoreRest,    // after damage that cannot be read past: inflate on (gzip damage is still found), skip
  kResync,        // after gzip damage, the inflater resumed anywhere in the document: find the next record
  kNotRecords,    // the first document does not begin {"Records":[: inflate on only to find gzip damage
};

// Scanner state that survives refills of the window.
struct Scan {
  Phase phase = Phase::kPrefix;
  std::size_t prefix_matched = 0; // characters of kStreamHeader seen
  bool first_document = true;
  std::size_t position = 0;          // next byte of the window to look at
  std::size_t element_start = kNone; // in the window; kNone once an oversized element is dropped
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  bool oversized = false;           // the element being cut passed max_record: skipped, not kept
  std::size_t elements_seen = 0;    // elements cut so far, for Records[i] locations
  std::size_t in_array = 0;         // elements cut in this document's Records array
  std::size_t commas = 0;           // separators since the last element
  bool excused_gap = false;         // junk was reported: the separators around it are not damage again
  bool need_more = false;           // kResync: the window ends inside what may be a record's start
  std::uint64_t not_records_at = 0; // kNotRecords: the inflated offset where the header did not match
};

// After gzip damage the inflater resumes at the next member, which begins anywhere: inside a string, a
// record, or a new document. `{` then `"eventVersion"` (CloudTrail's first key in every record) or
// `"Records"` can only be structure there, never string content, in any tail of valid JSON: inside a string
// that quote would have to be escaped, and if the quote closed a string, a letter could not follow it. So
// these are the only places where reading can safely start again.
enum class Anchor { kNoAnchor, kRecord, kDocument, kNeedMore };

Anchor anchor_at(const char* bytes, std::size_t at, std::size_t end) {
  constexpr std::size_t kMaxSpace = 64; // pretty-printed files put a little whitespace after the brace
  constexpr std::string_view kRecordKey = R"("eventVersion")";
  constexpr std::string_view kDocumentKey = R"("Records")";
  std::size_t i = at + 1;
  while (i < end && i - at <= kMaxSpace && is_space(bytes[i])) {
    ++i;
  }
  if (i == end) {
    return Anchor::kNeedMore;
  }
  const std::string_view rest(bytes + i, end - i);
  for (const auto& [key, anchor] :
       {std::pair{kRecordKey, Anchor::kRecord}, std::pair{kDocumentKey, Anchor::kDocument}}) {
    if (rest.starts_with(key)) {
      return anchor;
    }
    if (rest.size() < key.size() && key.starts_with(rest)) {
      return Anchor::kNeedMore;
    }
  }
  return Anchor::kNoAnchor;
}

void add_damage(StreamDamage& damage, std::uint64_t offset, std::string message) {
  damage.add(offset, {fmt::format("inflated byte {}", offset), std::move(message)});
}

void add_damage(StreamDamage& damage, std::size_t index, std::uint64_t offset, std::string message) {
  damage.add(offset, {fmt::format("Records[{}], inflated byte {}", index, offset), std::move(message)});
}

} // namespace

bool begins_records_stream(std::string_view text) {
  std::size_t i = 0;
  const auto expect = [&](std::string_view token) {
    while (i < text.size() && is_space(text[i])) {
      ++i;
    }
    if (text.substr(i, token.size()) != token) {
      return false;
    }
    i += token.size();
    return true;
  };
  return expect("{") && expect("\"Records\"") && expect(":") && expect("[");
}

bool RecordStream::parse(RecordReader& reader, EventSink& sink, ReadCounts& counts, std::size_t first,
                         std::size_t last, std::optional<ReadFailure>& failure) {
  // "[" + the elements joined by commas + "]": only the elements' own bytes, never what lay between them
  // (junk already reported could otherwise join two elements into something else).
  std::size_t length = 0;
  for (std::size_t k = first; k < last; ++k) {
    length += elements_[k].end - elements_[k].start + 1;
  }
  batch_.reserve(length + 1);
  char* out = batch_.data();
  *out++ = '[';
  for (std::size_t k = first; k < last; ++k) {
    const std::size_t size = elements_[k].end - elements_[k].start;
    std::memcpy(out, window_.data() + elements_[k].start, size);
    out += size;
    *out++ = k + 1 < last ? ',' : ']';
  }
  batch_.resize(length + 1);
  // simdjson may look past the end while it reports an error: make what it sees there the same every time
  // (zeros, not the previous batch), so a record's fate never depends on its neighbours.
  std::memset(batch_.data() + batch_.size(), 0, simdjson::SIMDJSON_PADDING);
  failure = reader.read_record_array(batch_.data(), batch_.size(), elements_[first].index, sink, counts);
  return !failure;
}

void RecordStream::flush(RecordReader& reader, EventSink& sink, ReadCounts& counts, StreamDamage& damage) {
  if (elements_.empty()) {
    return;
  }
  std::optional<ReadFailure> failure;
  const ReadCounts before = counts;
  sink.checkpoint();
  if (!parse(reader, sink, counts, 0, elements_.size(), failure)) {
    // Take the batch back and parse its elements one by one: a damaged record costs itself, not its batch,
    // and whether a record is kept never depends on which batch the window size put it in.
    sink.rewind();
    counts = before;
    for (std::size_t k = 0; k < elements_.size(); ++k) {
      if (!parse(reader, sink, counts, k, k + 1, failure)) {
        add_damage(
            damage, elements_[k].index, window_base_ + elements_[k].start,
            fmt::format("{}; this record is skipped, the records around it are kept", failure->message));
      }
    }
  }
  elements_.clear();
}

void RecordStream::read(InflateStream& input, RecordReader& reader, EventSink& sink,
                        const StreamLimits& limits, ReadCounts& counts, std::uint64_t& inflated,
                        StreamDamage& damage) {
  window_.reserve(limits.window);
  window_.resize(0);
  window_base_ = 0;
  elements_.clear();
  Scan scan;
  std::unique_lock<std::mutex> oversized; // see StreamLimits::oversized_gate
  // Whatever an oversized record grew is given back before the gate opens for another worker.
  struct Release {
    RecordStream& stream;
    RecordReader& reader;
    const StreamLimits& limits;
    ~Release() {
      if (stream.window_.capacity() > limits.window || stream.batch_.capacity() > limits.window + 2) {
        stream.window_.shrink_to(limits.window);
        stream.batch_.shrink_to(limits.window + 2);
        reader.shrink_to(limits.window + 2);
      }
    }
  } release{*this, reader, limits};
  bool input_damaged = false; // the inflater reported damage: it explains an early end
  bool stopped = false;       // reading cannot go on (the bomb cap, not a CloudTrail document)
  const auto in_element = [&] { return scan.phase == Phase::kInRecord || scan.phase == Phase::kInScalar; };
  const auto add_element = [&](std::size_t end) {
    if (!scan.oversized) {
      elements_.push_back({scan.element_start, end, scan.elements_seen});
    }
    ++scan.elements_seen;
    ++scan.in_array;
    scan.element_start = kNone;
    scan.commas = 0;
    scan.excused_gap = false;
    scan.phase = Phase::kBetween;
    if (elements_.size() >= kMaxBatch) {
      flush(reader, sink, counts, damage); // the elements are still in the window: parse them early
    }
  };
  // One comma between elements, none before the first or after the last: anything else is not what
  // CloudTrail writes (the whole-file reader rejects it), so it is reported, though no record is lost.
  const auto check_separator = [&](std::size_t at, bool closing) {
    const std::size_t expected = closing || scan.in_array == 0 ? 0 : 1;
    if (scan.commas != expected && !scan.excused_gap) {
      add_damage(damage, window_base_ + at,
                 closing ? "a comma before the end of the Records array"
                         : "records not separated by exactly one comma");
    }
  };

  while (!stopped) {
    if (scan.position == window_.size() || scan.need_more) {
      flush(reader, sink, counts, damage);
      // Drop what is consumed; keep an element that is still being cut.
      const std::size_t keep_from =
          in_element() && scan.element_start != kNone ? scan.element_start : scan.position;
      const std::size_t kept = window_.size() - keep_from;
      if (kept > 0 && keep_from > 0) {
        std::memmove(window_.data(), window_.data() + keep_from, kept);
      }
      window_.resize(kept);
      window_base_ += keep_from;
      scan.position -= keep_from;
      if (scan.element_start != kNone) {
        scan.element_start -= keep_from;
      }
      if (window_.size() == window_.capacity()) {
        if (window_.capacity() >= limits.max_record) {
          // One element fills the largest window allowed: skip it, but keep cutting by depth so the
          // records after it are read.
          add_damage(damage, scan.elements_seen, window_base_,
                     fmt::format("a record larger than {} MiB is skipped", limits.max_record >> 20));
          scan.oversized = true;
          scan.element_start = kNone;
          window_base_ += window_.size();
          scan.position = 0;
          window_.resize(0);
        } else {
          if (limits.oversized_gate != nullptr && !oversized.owns_lock()) {
            oversized = std::unique_lock(*limits.oversized_gate);
          }
          window_.reserve(std::min(limits.max_record, window_.capacity() * 2));
        }
      }
      auto got = input.read(window_.data() + window_.size(), window_.capacity() - window_.size());
      if (!got) {
        input_damaged = true;
        const std::string where = fmt::format("inflated byte {}, {}", inflated, got.error().where);
        if (scan.phase == Phase::kNotRecords) {
          // What is wrong with this file is the gzip damage, not its shape: intact, it would have been read
          // whole (the whole-file reader also reads lookup-events output), but only a CloudTrail log can be
          // read around damage.
          damage.add(inflated,
                     {where, fmt::format("{}; the file does not begin {{\"Records\":[ (lookup-events "
                                         "output, say, is read only whole), so none of it is read",
                                         got.error().message)});
          break;
        }
        damage.add(inflated,
                   {where, fmt::format("{}; the records inflated before it are kept", got.error().message)});
        // The inflater goes on at the next gzip member if there is one, anywhere in the document: the element
        // being cut is lost with the damage, and reading starts again at the next record (see anchor_at).
        scan.phase = Phase::kResync;
        scan.element_start = kNone;
        scan.oversized = false;
        scan.need_more = false;
        window_base_ += window_.size();
        window_.resize(0);
        scan.position = 0;
        continue;
      }
      if (*got == 0) {
        break;
      }
      input_damaged = false; // reading resumed after gzip damage: the end is this data's own again
      scan.need_more = false;
      inflated += *got;
      if (inflated > limits.max_inflated && scan.phase == Phase::kNotRecords) {
        add_damage(damage, scan.not_records_at, std::string(kNotRecordsMessage));
        stopped = true;
        break;
      }
      if (inflated > limits.max_inflated) {
        damage.add(
            limits.max_inflated,
            {fmt::format("inflated byte {}, compressed byte {}", limits.max_inflated, input.consumed()),
             fmt::format("a gzip bomb: inflates to more than {} bytes ({}; --max-inflated-mib sets "
                         "it), far more than CloudTrail writes; the records before it are kept",
                         limits.max_inflated,
                         limits.cap_given ? "the cap given"
                                          : "the cap, proportionate to the file's compressed size")});
        stopped = true;
        break;
      }
      window_.resize(window_.size() + *got);
    }

    const char* bytes = window_.data();
    const std::size_t end = window_.size();
    std::size_t i = scan.position;
    while (i < end && !stopped && !scan.need_more) {
      const char c = bytes[i];
      switch (scan.phase) {
      case Phase::kPrefix: {
        const bool in_key = scan.prefix_matched >= 2 && scan.prefix_matched < 10; // no whitespace there
        if (in_key || !is_space(c)) {
          if (c != kStreamHeader[scan.prefix_matched]) {
            if (scan.first_document && input.gzip()) {
              // Not a CloudTrail log; but if its gzip is damaged, that is the problem to report.
              scan.not_records_at = window_base_ + i;
              scan.phase = Phase::kNotRecords;
              input.stop_at_damage(); // nothing after the damage could be read
              break;
            }
            if (scan.first_document) {
              add_damage(damage, window_base_ + i, std::string(kNotRecordsMessage));
              stopped = true;
              break;
            }
            scan.phase = Phase::kIgnoreRest; // the second document was reported when it began
            break;
          }
          if (++scan.prefix_matched == kStreamHeader.size()) {
            scan.phase = Phase::kBetween;
          }
        }
        ++i;
        break;
      }
      case Phase::kBetween:
        if (is_space(c)) {
          while (++i < end && is_space(bytes[i])) {
            // pretty-printed files, and whitespace bombs, are mostly this
          }
        } else if (c == ',') {
          ++scan.commas;
          ++i;
        } else if (c == ']') {
          check_separator(i, true);
          scan.phase = Phase::kAfterArray;
          ++i;
        } else if (c == '{' || c == '[') {
          check_separator(i, false);
          scan.phase = Phase::kInRecord;
          scan.element_start = i;
          scan.depth = 1;
          scan.in_string = false;
          scan.escaped = false;
          scan.oversized = false;
          ++i;
        } else if (starts_value(c)) {
          check_separator(i, false);
          scan.phase = Phase::kInScalar;
          scan.element_start = i;
          scan.in_string = c == '"';
          scan.escaped = false;
          scan.oversized = false;
          ++i;
        } else {
          add_damage(damage, window_base_ + i,
                     "unexpected content between records; skipped to the next "
                     "record");
          scan.phase = Phase::kJunk;
          scan.excused_gap = true;
          ++i;
        }
        break;
      case Phase::kJunk:
        if (c == '{' || c == '[' || c == ',' || c == ']') {
          scan.phase = Phase::kBetween; // not consumed: the separator is read there
        } else {
          ++i;
        }
        break;
      case Phase::kInScalar:
        if (scan.in_string) {
          i = skip_string(bytes, i, end, scan.in_string, scan.escaped);
        } else if (ends_scalar(c)) {
          add_element(i); // the separator is read in kBetween
        } else if (c == '"') {
          scan.in_string = true;
          ++i;
        } else {
          ++i;
        }
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
          } else if ((d == '}' || d == ']') && --scan.depth == 0) {
            add_element(i + 1);
            ++i;
            break;
          }
        }
        break;
      case Phase::kAfterArray:
        if (c == '}') {
          scan.phase = Phase::kAfterDocument;
        } else if (!is_space(c)) {
          add_damage(damage, window_base_ + i, "unexpected content after the Records array; ignored");
          scan.phase = Phase::kIgnoreRest;
        }
        ++i;
        break;
      case Phase::kAfterDocument:
        if (c == '{') {
          // Two documents end to end (files joined together): the second one's records are read too.
          add_damage(damage, window_base_ + i,
                     "a second JSON document starts here (files joined "
                     "together?); its records are read as well");
          const std::size_t seen = scan.elements_seen;
          scan = Scan{};
          scan.first_document = false;
          scan.position = i;
          scan.elements_seen = seen; // Records[i] keeps counting, so every location stays unique
        } else if (!is_space(c)) {
          add_damage(damage, window_base_ + i, "unexpected content after the document; ignored");
          scan.phase = Phase::kIgnoreRest;
          ++i;
        } else {
          ++i;
        }
        break;
      case Phase::kIgnoreRest:
      case Phase::kNotRecords:
        i = end;
        break;
      case Phase::kResync: {
        const void* brace = std::memchr(bytes + i, '{', end - i);
        if (brace == nullptr) {
          i = end;
          break;
        }
        i = static_cast<std::size_t>(static_cast<const char*>(brace) - bytes);
        switch (anchor_at(bytes, i, end)) {
        case Anchor::kNeedMore:
          scan.need_more = true; // keep the brace in the window and read on
          break;
        case Anchor::kRecord:
          scan.phase = Phase::kBetween; // the brace is read there
          scan.commas = 0;
          scan.excused_gap = true; // the gzip damage explains whatever separators went missing
          break;
        case Anchor::kDocument: {
          const std::size_t seen = scan.elements_seen;
          scan = Scan{};
          scan.first_document = false;
          scan.elements_seen = seen;
          break;
        }
        case Anchor::kNoAnchor:
          ++i;
          break;
        }
        break;
      }
      }
    }
    scan.position = i;
    if (stopped) {
      flush(reader, sink, counts, damage);
      return;
    }
  }

  flush(reader, sink, counts, damage);
  if (stopped || input_damaged) {
    return; // the damage already reported explains the end
  }
  switch (scan.phase) {
  case Phase::kInRecord:
  case Phase::kInScalar:
    if (!scan.oversized) {
      add_damage(damage, scan.elements_seen, window_base_ + scan.element_start,
                 "the file ends inside this record (truncated JSON); the records before it are kept");
    }
    break;
  case Phase::kPrefix:
    if (scan.first_document) {
      add_damage(damage, window_base_ + scan.position,
                 "the file ends before {\"Records\":[ (a file read record by record must begin "
                 "with it)");
    }
    break;
  case Phase::kBetween:
  case Phase::kJunk:
  case Phase::kAfterArray:
    add_damage(damage, window_base_ + scan.position,
               "the file ends before the Records array is closed (truncated JSON)");
    break;
  case Phase::kNotRecords:
    add_damage(damage, scan.not_records_at, std::string(kNotRecordsMessage));
    break;
  case Phase::kAfterDocument:
  case Phase::kIgnoreRest:
  case Phase::kResync: // what the damage cost is in its report
    break;
  }
}

} // namespace rg::trail
