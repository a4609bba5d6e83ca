// libFuzzer entry for both inflaters: libdeflate over the whole input (WholeInflater) and isa-l as a
// stream (InflateStream, read in pieces so member boundaries and refills fall anywhere). The first byte
// sets the stream's read size: 1 to 16 bytes for n < 16, else n * 257. Both inflaters are reused from
// input to input, as a worker reuses them from file to file. Invariants: nothing throws or overruns; output
// stays under the limit; a corrupt input says why; when both accept the input they inflate it to the
// same bytes (multi-member and zero padding included).
#include "fuzz_support.hpp"
#include "trail/byte_buffer.hpp"
#include "trail/inflate_stream.hpp"
#include "trail/whole_inflater.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace rg::trail;

// Small enough that a bomb costs little per input, large enough for the seeds.
constexpr std::size_t kLimit = std::size_t{1} << 20;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  const auto* bytes = reinterpret_cast<const unsigned char*>(input.rest.data());

  static WholeInflater whole;
  static ByteBuffer out;
  const auto result = whole.inflate(std::span<const unsigned char>(bytes, input.rest.size()), out, kLimit);
  RG_FUZZ_CHECK(out.size() <= kLimit);
  RG_FUZZ_CHECK(result.status != WholeInflateStatus::kCorrupt || !result.message.empty());

  const auto path = rg::fuzz::write_scratch("input.json.gz", input.rest);
  static InflateStream stream;
  RG_FUZZ_CHECK(stream.open(path.string(), true).has_value());
  const std::size_t piece = input.selector < 16 ? 1 + std::size_t{input.selector} : input.selector * 257U;
  std::vector<char> buffer(piece);
  std::string streamed;
  bool stream_ok = true;
  for (;;) {
    auto got = stream.read(buffer.data(), buffer.size());
    if (!got) {
      RG_FUZZ_CHECK(!got.error().message.empty() && got.error().file == path.string());
      stream_ok = false;
      break;
    }
    RG_FUZZ_CHECK(*got <= buffer.size());
    if (*got == 0) {
      break;
    }
    streamed.append(buffer.data(), *got);
    if (streamed.size() > kLimit) {
      stream_ok = false; // the caller's cap; the whole inflater said kTooLarge for the same input
      break;
    }
  }
  if (result.status == WholeInflateStatus::kOk && stream_ok) {
    RG_FUZZ_CHECK(std::string_view(out.data(), out.size()) == streamed);
  }
  return 0;
}
