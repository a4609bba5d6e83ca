#pragma once
// A file as a stream of inflated bytes, in bounded memory: gzip (every member) through isa-l's streaming
// inflater, or plain bytes. Used for files too large to inflate in one piece.
#include "util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

struct inflate_state;

namespace rg::trail {

class InflateStream {
public:
  InflateStream();
  ~InflateStream();
  InflateStream(const InflateStream&) = delete;
  InflateStream& operator=(const InflateStream&) = delete;

  // Starts reading `path`; `gzip` says whether to inflate. The file is closed by the next open or the
  // destructor.
  Result<bool> open(const std::string& path, bool gzip);

  // Writes up to `capacity` bytes to `out`; 0 means the end. Problems name the file and say where
  // ("gzip member 2, compressed byte 1234"). Bytes inflated before damage are always handed out first: the
  // problem comes on the next call, and after it the stream is at its end.
  Result<std::size_t> read(char* out, std::size_t capacity);

  // Compressed bytes handed to the inflater so far (0 for a plain file).
  std::uint64_t consumed() const { return consumed_; }

private:
  Result<std::size_t> read_plain(char* out, std::size_t capacity);
  Result<std::size_t> inflate_some(char* out, std::size_t capacity);
  Result<bool> refill();
  Problem problem(std::string message) const;
  void close();

  int fd_ = -1;
  std::string path_;
  bool gzip_ = false;
  bool input_ended_ = false;
  bool member_finished_ = false;
  bool finished_ = false;
  std::uint64_t consumed_ = 0; // compressed bytes already handed to the inflater, for messages
  std::size_t member_ = 0;     // 1-based index of the gzip member being inflated
  std::uint64_t member_start_ = 0;
  std::optional<Problem> pending_; // damage found after some bytes were produced: reported by the next read
  // isa-l decodes ahead into its own small buffer when given little room, and loses that look-ahead when the
  // data turns out damaged; small reads are therefore served from this staging buffer.
  std::unique_ptr<char[]> stage_; // NOLINT(modernize-avoid-c-arrays): a raw output buffer for isa-l
  std::size_t staged_begin_ = 0;
  std::size_t staged_end_ = 0;
  std::unique_ptr<inflate_state> state_;
  std::unique_ptr<unsigned char[]> input_; // NOLINT(modernize-avoid-c-arrays): a raw input buffer for isa-l
  std::size_t input_capacity_ = 0;
};

} // namespace rg::trail
