// libFuzzer entry for timestamp parsing: ISO 8601 text, and the input read as a number for the epoch
// seconds form (parse_aws_timestamp). Invariants: a time that parses prints (format_iso8601) to text
// that parses back to the same instant, and days_between agrees with itself in both directions.
#include "fuzz_support.hpp"
#include "util/time.hpp"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void check_epoch_form(std::string_view text) {
  double seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size()) {
    return;
  }
  if (const auto time = rg::parse_aws_timestamp(seconds)) {
    const auto again = rg::parse_iso8601(rg::format_iso8601(*time));
    RG_FUZZ_CHECK(again.has_value());
    RG_FUZZ_CHECK(*again == *time);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_epoch_form(text);
  const auto time = rg::parse_iso8601(text);
  if (!time) {
    return 0;
  }
  const auto printed = rg::format_iso8601(*time);
  const auto again = rg::parse_iso8601(printed);
  RG_FUZZ_CHECK(again.has_value());
  RG_FUZZ_CHECK(*again == *time);
  const auto epoch = rg::TimePoint{};
  const long forward = rg::days_between(epoch, *time);
  const long backward = rg::days_between(*time, epoch);
  RG_FUZZ_CHECK(forward == -backward || forward == -backward - 1);
  return 0;
}
