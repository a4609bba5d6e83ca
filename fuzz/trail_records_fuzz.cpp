// libFuzzer entry for the CloudTrail record reader and the stream splitter. The first byte chooses:
//   bits 0-1  0 read_document (whole file, lookup-events too), 1 read_record_array (a streamed batch),
//             2 RecordStream over the plain file, 3 both whole and streamed, compared
//   bit 2     the sink declines every other record at wants() (the early skip)
//   bits 4-7  the stream window: 16 << n bytes, so records straddle refills
// Invariants: nothing throws; every view the sink gets is readable (ASan checks the bytes); when the
// whole-file reader and the stream both accept a document they deliver the same events in the same order.
#include "fuzz_support.hpp"
#include "trail/byte_buffer.hpp"
#include "trail/inflate_stream.hpp"
#include "trail/record_reader.hpp"
#include "trail/record_stream.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace rg::trail;

class RecordingSink final : public EventSink {
public:
  explicit RecordingSink(bool skip_odd) : skip_odd_(skip_odd) {}

  bool wants(const EventView& /*partial*/) override { return !skip_odd_ || asked_++ % 2 == 0; }

  void on_event(const EventView& event) override {
    // One string per event built from every field: reads each view's bytes and keeps the order.
    std::string seen;
    for (const std::string_view field : {event.event_id,
                                         event.event_time,
                                         event.event_name,
                                         event.event_source,
                                         event.event_type,
                                         event.aws_region,
                                         event.source_ip,
                                         event.user_agent,
                                         event.recipient_account_id,
                                         event.error_code,
                                         event.error_message,
                                         event.user.type,
                                         event.user.invoked_by,
                                         event.user.arn,
                                         event.user.account_id,
                                         event.user.principal_id,
                                         event.user.access_key_id,
                                         event.user.mfa_authenticated,
                                         event.user.in_scope_issuer_type,
                                         event.console_login,
                                         event.mfa_used,
                                         event.login_to,
                                         event.task_policy_arn,
                                         event.target_principal,
                                         event.account()}) {
      seen.append(field);
      seen += '\0';
    }
    seen += event.user.has_invoked_by ? '1' : '0';
    seen += event.user.assumed_root ? '1' : '0';
    events.push_back(std::move(seen));
  }

  std::vector<std::string> events;

private:
  bool skip_odd_;
  std::size_t asked_ = 0;
};

// The bytes with simdjson's padding after them, as the whole-file path hands them over.
ByteBuffer padded(std::string_view bytes) {
  ByteBuffer buffer;
  buffer.reserve(bytes.size());
  if (!bytes.empty()) {
    std::memcpy(buffer.data(), bytes.data(), bytes.size());
  }
  buffer.resize(bytes.size());
  return buffer;
}

bool read_whole(std::string_view bytes, RecordingSink& sink) {
  RecordReader reader;
  ReadCounts counts;
  const ByteBuffer buffer = padded(bytes);
  const auto failure = reader.read_document(buffer.data(), buffer.size(), sink, counts);
  RG_FUZZ_CHECK(!failure || !failure->message.empty());
  RG_FUZZ_CHECK(counts.events >= sink.events.size());
  return !failure;
}

bool read_streamed(std::string_view bytes, std::size_t window, RecordingSink& sink) {
  const auto path = rg::fuzz::write_scratch("stream.json", bytes);
  InflateStream input;
  RG_FUZZ_CHECK(input.open(path.string(), false).has_value());
  RecordReader reader;
  RecordStream stream;
  StreamLimits limits;
  limits.window = window;
  limits.max_record = std::size_t{1} << 20;
  limits.max_inflated = std::uint64_t{16} << 20;
  ReadCounts counts;
  std::uint64_t inflated = 0;
  // Damage no longer stops the read: the records around it are kept and each damaged place is listed.
  StreamDamage damage;
  stream.read(input, reader, sink, limits, counts, inflated, damage);
  const auto listed = damage.take_listed();
  RG_FUZZ_CHECK(listed.size() <= std::min(damage.places, StreamDamage::kListed));
  for (const auto& place : listed) {
    RG_FUZZ_CHECK(!place.message.empty());
  }
  RG_FUZZ_CHECK(inflated <= bytes.size());
  return damage.places == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  const bool skip_odd = (input.selector & 4U) != 0;
  const std::size_t window = std::size_t{16} << (input.selector >> 4U);
  switch (input.selector & 3U) {
  case 0: {
    RecordingSink sink(skip_odd);
    (void)read_whole(input.rest, sink);
    break;
  }
  case 1: {
    RecordingSink sink(skip_odd);
    RecordReader reader;
    ReadCounts counts;
    const ByteBuffer buffer = padded(input.rest);
    (void)reader.read_record_array(buffer.data(), buffer.size(), 7, sink, counts);
    break;
  }
  case 2: {
    RecordingSink sink(skip_odd);
    (void)read_streamed(input.rest, window, sink);
    break;
  }
  default: {
    RecordingSink whole(skip_odd);
    RecordingSink streamed(skip_odd);
    const bool whole_ok = read_whole(input.rest, whole);
    const bool streamed_ok = read_streamed(input.rest, window, streamed);
    // The splitter is laxer than JSON between records (stray commas are skipped), so only agreement on
    // what both accept is required.
    if (whole_ok && streamed_ok) {
      RG_FUZZ_CHECK(whole.events == streamed.events);
    }
    break;
  }
  }
  return 0;
}
