#pragma once
// A file as a stream of inflated bytes, in bounded memory: gzip (every member) through isa-l's streaming
// inflater, or plain bytes. Used for files too large to inflate in one piece.
#include "util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
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

  // Writes up to `capacity` bytes to `out`; 0 means the end. Problems name the file.
  Result<std::size_t> read(char* out, std::size_t capacity);

private:
  Result<std::size_t> read_plain(char* out, std::size_t capacity);
  Result<std::size_t> read_gzip(char* out, std::size_t capacity);
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
  std::unique_ptr<inflate_state> state_;
  std::unique_ptr<unsigned char[]> input_; // NOLINT(modernize-avoid-c-arrays): a raw input buffer for isa-l
  std::size_t input_capacity_ = 0;
};

} // namespace rg::trail
