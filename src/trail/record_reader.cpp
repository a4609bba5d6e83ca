#include "trail/record_reader.hpp"

#include "trail/byte_buffer.hpp"
#include "trail/event_fields.hpp"

#include <cstring>
#include <fmt/format.h>
#include <simdjson.h>
#include <string_view>
#include <utility>

namespace rg::trail {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

ReadFailure failure(std::string where, error_code error) {
  return {std::move(where), fmt::format("invalid JSON: {}", simdjson::error_message(error))};
}

std::string_view raw_key(od::field& field) {
  // Keys are a few bytes long: a plain loop beats a memchr call. Stage 1 guarantees a closing quote.
  const char* start = field.key().raw();
  std::size_t length = 0;
  while (start[length] != '"') {
    ++length;
  }
  return {start, length};
}

} // namespace

class RecordReader::Impl {
public:
  std::optional<ReadFailure> read_document(const char* data, std::size_t size, EventSink& sink,
                                           ReadCounts& counts);
  std::optional<ReadFailure> read_record_array(const char* data, std::size_t size, std::size_t first_index,
                                               EventSink& sink, ReadCounts& counts);

  od::parser parser_;

private:
  static std::optional<ReadFailure> read_records(od::array records, std::size_t first_index, EventSink& sink,
                                                 ReadCounts& counts);
  std::optional<ReadFailure> read_lookup_events(od::array events, EventSink& sink, ReadCounts& counts);

  od::parser inner_parser_; // lookup-events: each CloudTrailEvent is a document in a string
  ByteBuffer inner_buffer_;
};

RecordReader::RecordReader() : impl_(std::make_unique<Impl>()) {}
RecordReader::~RecordReader() = default;

std::optional<ReadFailure> RecordReader::read_document(const char* data, std::size_t size, EventSink& sink,
                                                       ReadCounts& counts) {
  return impl_->read_document(data, size, sink, counts);
}

void RecordReader::shrink_to(std::size_t bytes) {
  if (impl_->parser_.capacity() > bytes) {
    // A failed allocation leaves an empty parser, which allocates again on the next document.
    if (impl_->parser_.allocate(bytes) != simdjson::SUCCESS) {
      impl_->parser_ = od::parser();
    }
  }
}

std::optional<ReadFailure> RecordReader::read_record_array(const char* data, std::size_t size,
                                                           std::size_t first_index, EventSink& sink,
                                                           ReadCounts& counts) {
  return impl_->read_record_array(data, size, first_index, sink, counts);
}

std::optional<ReadFailure> RecordReader::Impl::read_records(od::array records, std::size_t first_index,
                                                            EventSink& sink, ReadCounts& counts) {
  std::size_t index = first_index;
  for (auto element : records) {
    od::value value;
    // NOLINTNEXTLINE(performance-move-const-arg): simdjson_result::get() is &&-qualified
    if (auto error = std::move(element).get(value)) {
      return failure(fmt::format("Records[{}]", index), error);
    }
    od::json_type type;
    if (auto error = value.type().get(type)) {
      return failure(fmt::format("Records[{}]", index), error);
    }
    if (type != od::json_type::object) {
      ++counts.not_objects; // skipped by the iterator; the file is still reported
      ++index;
      continue;
    }
    od::object object;
    EventView event;
    if (auto error = value.get_object().get(object)) {
      return failure(fmt::format("Records[{}]", index), error);
    }
    bool wanted = true;
    if (auto error = read_event_fields(object, event, sink, wanted)) {
      return failure(fmt::format("Records[{}]", index), error);
    }
    ++counts.events;
    if (wanted) {
      sink.on_event(event);
    }
    ++index;
  }
  return std::nullopt;
}

std::optional<ReadFailure> RecordReader::Impl::read_lookup_events(od::array events, EventSink& sink,
                                                                  ReadCounts& counts) {
  std::size_t index = 0;
  for (auto element : events) {
    const std::string where = fmt::format("Events[{}].CloudTrailEvent", index);
    od::object entry;
    if (auto error = element.get_object().get(entry)) {
      return failure(fmt::format("Events[{}]", index), error);
    }
    std::string_view text;
    bool found = false;
    for (auto result : entry) {
      od::field field;
      if (auto error = std::move(result).get(field)) {
        return failure(fmt::format("Events[{}]", index), error);
      }
      if (raw_key(field) == "CloudTrailEvent") {
        if (auto error = field.value().get_string().get(text)) {
          return failure(where, error);
        }
        found = true;
      }
    }
    if (!found) {
      return ReadFailure{fmt::format("Events[{}]", index),
                         "lookup-events entry without a CloudTrailEvent string"};
    }
    // The embedded event is its own JSON document: copy it beside padding and parse it with a second
    // parser, so the outer document's iterator stays valid.
    inner_buffer_.reserve(text.size());
    std::memcpy(inner_buffer_.data(), text.data(), text.size());
    inner_buffer_.resize(text.size());
    std::memset(inner_buffer_.data() + text.size(), 0,
                simdjson::SIMDJSON_PADDING); // not the last event's bytes
    od::document doc;
    if (auto error = inner_parser_
                         .iterate(inner_buffer_.data(), text.size(),
                                  inner_buffer_.capacity() + simdjson::SIMDJSON_PADDING)
                         .get(doc)) {
      return failure(where, error);
    }
    od::object object;
    if (auto error = doc.get_object().get(object)) {
      return failure(where, error);
    }
    EventView event;
    bool wanted = true;
    if (auto error = read_event_fields(object, event, sink, wanted)) {
      return failure(where, error);
    }
    ++counts.events;
    if (wanted) {
      sink.on_event(event);
    }
    ++index;
  }
  return std::nullopt;
}

std::optional<ReadFailure> RecordReader::Impl::read_document(const char* data, std::size_t size,
                                                             EventSink& sink, ReadCounts& counts) {
  od::document doc;
  if (auto error = parser_.iterate(data, size, size + simdjson::SIMDJSON_PADDING).get(doc)) {
    return failure("", error);
  }
  od::object root;
  if (auto error = doc.get_object().get(root)) {
    return ReadFailure{"", error == simdjson::INCORRECT_TYPE
                               ? "the top level is not a JSON object"
                               : fmt::format("invalid JSON: {}", simdjson::error_message(error))};
  }
  bool found = false;
  for (auto result : root) {
    od::field field;
    if (auto error = std::move(result).get(field)) {
      return failure("", error);
    }
    const std::string_view key = raw_key(field);
    if (key != "Records" && key != "Events") {
      continue;
    }
    found = true;
    od::array array;
    if (auto error = field.value().get_array().get(array)) {
      return ReadFailure{std::string(key),
                         error == simdjson::INCORRECT_TYPE
                             ? fmt::format("\"{}\" is not an array", key)
                             : fmt::format("invalid JSON: {}", simdjson::error_message(error))};
    }
    auto failed =
        key == "Records" ? read_records(array, 0, sink, counts) : read_lookup_events(array, sink, counts);
    if (failed) {
      return failed;
    }
  }
  if (!found) {
    return ReadFailure{"", R"(no "Records" array (nor the "Events" of lookup-events output))"};
  }
  // On-Demand stops at the closing brace; bytes after it are damage too (the streaming reader says where).
  // simdjson 3.0 has no document::at_end(): past the last token, current_location() is out of bounds.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    return ReadFailure{"", "unexpected content after the document"};
  }
  return std::nullopt;
}

std::optional<ReadFailure> RecordReader::Impl::read_record_array(const char* data, std::size_t size,
                                                                 std::size_t first_index, EventSink& sink,
                                                                 ReadCounts& counts) {
  od::document doc;
  if (auto error = parser_.iterate(data, size, size + simdjson::SIMDJSON_PADDING).get(doc)) {
    return failure(fmt::format("Records[{}]", first_index), error);
  }
  od::array array;
  if (auto error = doc.get_array().get(array)) {
    return failure(fmt::format("Records[{}]", first_index), error);
  }
  return read_records(array, first_index, sink, counts);
}

} // namespace rg::trail
