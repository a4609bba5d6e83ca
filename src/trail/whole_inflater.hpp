#pragma once
// libdeflate, the fastest inflater available, for files small enough to inflate in one piece. It has no
// streaming mode, so files that would inflate past the limit are handed to InflateStream instead.
#include "trail/byte_buffer.hpp"

#include <cstddef>
#include <span>
#include <string>

struct libdeflate_decompressor;

namespace rg::trail {

enum class WholeInflateStatus { kOk, kTooLarge, kCorrupt };

struct WholeInflateResult {
  WholeInflateStatus status = WholeInflateStatus::kOk;
  std::string message; // for kCorrupt
};

class WholeInflater {
public:
  WholeInflater();
  ~WholeInflater();
  WholeInflater(const WholeInflater&) = delete;
  WholeInflater& operator=(const WholeInflater&) = delete;

  // Inflates every gzip member of `in` into `out` (concatenated), or reports kTooLarge once the result
  // would pass `limit` bytes.
  WholeInflateResult inflate(std::span<const unsigned char> in, ByteBuffer& out, std::size_t limit);

private:
  libdeflate_decompressor* decompressor_;
};

} // namespace rg::trail
