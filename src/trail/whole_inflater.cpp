#include "trail/whole_inflater.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <libdeflate.h>
#include <new>

namespace rg::trail {
namespace {

bool only_zeros(std::span<const unsigned char> bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; });
}

// ISIZE, the last member's inflated size modulo 2^32: exact for the usual single-member file.
std::size_t trailer_size_hint(std::span<const unsigned char> in) {
  if (in.size() < 18) {
    return 0;
  }
  const unsigned char* t = in.data() + in.size() - 4;
  return static_cast<std::size_t>(t[0]) | static_cast<std::size_t>(t[1]) << 8 |
         static_cast<std::size_t>(t[2]) << 16 | static_cast<std::size_t>(t[3]) << 24;
}

} // namespace

WholeInflater::WholeInflater() : decompressor_(libdeflate_alloc_decompressor()) {
  if (decompressor_ == nullptr) {
    throw std::bad_alloc();
  }
}

WholeInflater::~WholeInflater() {
  libdeflate_free_decompressor(decompressor_);
}

WholeInflateResult WholeInflater::inflate(std::span<const unsigned char> in, ByteBuffer& out,
                                          std::size_t limit) {
  out.resize(0);
  const std::size_t hint = trailer_size_hint(in);
  std::size_t wanted = hint >= in.size() && hint <= limit ? hint : std::min(limit, in.size() * 8 + 4096);
  out.reserve(std::max<std::size_t>(wanted, 4096));
  std::size_t position = 0;
  while (position < in.size()) {
    const std::span<const unsigned char> rest = in.subspan(position);
    if (position > 0 && only_zeros(rest)) {
      break; // some writers pad the last member with zeros
    }
    if (rest.size() < 18 || rest[0] != 0x1f || rest[1] != 0x8b) {
      return {WholeInflateStatus::kCorrupt,
              position == 0 ? "not gzip data"
                            : fmt::format("unexpected bytes after gzip member at byte {}", position)};
    }
    for (;;) {
      std::size_t used_in = 0;
      std::size_t produced = 0;
      const libdeflate_result result =
          libdeflate_gzip_decompress_ex(decompressor_, rest.data(), rest.size(), out.data() + out.size(),
                                        out.capacity() - out.size(), &used_in, &produced);
      if (result == LIBDEFLATE_SUCCESS) {
        position += used_in;
        out.resize(out.size() + produced);
        break;
      }
      if (result != LIBDEFLATE_INSUFFICIENT_SPACE) {
        return {WholeInflateStatus::kCorrupt,
                fmt::format("corrupt or truncated gzip data (member starting at byte {})", position)};
      }
      if (out.capacity() >= limit) {
        return {WholeInflateStatus::kTooLarge, {}};
      }
      out.reserve(std::min(limit, out.capacity() * 2));
    }
  }
  return {};
}

} // namespace rg::trail
