#pragma once
// A file as a stream of inflated bytes, in bounded memory: gzip (every member) through isa-l's streaming
// inflater, or plain bytes. Used for files too large to inflate in one piece, and for damaged ones: after
// damage in or between gzip members it resumes at the next gzip member (decision 0013).
#include "util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

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
  // Starts reading `bytes` (an object fetched from S3), named `name` in problems. The bytes must outlive
  // the reads until the next open.
  void open_memory(const std::string& name, std::span<const char> bytes, bool gzip);

  // Writes up to `capacity` bytes to `out`; 0 means the end. Problems name the file and say where
  // ("gzip member 2 (from compressed byte 1000), compressed byte 1234"). Bytes inflated before damage are
  // always handed out first: the problem comes on the next call. After gzip damage, the next call goes on
  // with the next gzip member found after the damaged one (the problem says at which compressed byte), so
  // what follows starts anywhere in the document; with no member to resume at, the stream is at its end.
  // A read error always ends the stream.
  Result<std::size_t> read(char* out, std::size_t capacity);

  // From now on (until the next open) the stream ends at gzip damage instead of resuming after it: for a
  // reader that cannot use what follows the damage.
  void stop_at_damage() { resync_ = false; }

  // Compressed bytes handed to the inflater so far (0 for a plain file).
  std::uint64_t consumed() const { return consumed_; }
  bool gzip() const { return gzip_; }

private:
  Result<std::size_t> read_plain(char* out, std::size_t capacity);
  Result<std::size_t> inflate_some(char* out, std::size_t capacity);
  Result<bool> refill();
  Problem problem(std::string message) const;
  // The problem for damage at the current place; `in_member`: inside a member (not between two); `if_last`
  // is added to the message when no member follows.
  Problem damage(std::string message, bool in_member, std::string_view if_last = {});
  // Hands out a problem: finds where reading resumes (or ends the stream) and says so in the message.
  Problem settle(Problem found);
  std::optional<std::uint64_t> find_member(std::uint64_t from);
  bool resume_at(std::uint64_t offset);
  void close();
  void reset(const std::string& path, bool gzip);
  void start_inflater();
  // The source, a file or bytes in memory: read on, read at an offset (the file offset unchanged), seek.
  ssize_t source_read(void* out, std::size_t size);
  ssize_t source_read_at(void* out, std::size_t size, std::uint64_t offset);
  bool source_seek(std::uint64_t offset);
  bool is_open() const { return fd_ >= 0 || memory_.data() != nullptr; }

  int fd_ = -1;
  std::span<const char> memory_; // open_memory: the bytes, and how far they were read
  std::uint64_t memory_position_ = 0;
  std::string path_;
  bool gzip_ = false;
  bool input_ended_ = false;
  bool member_finished_ = false;
  bool finished_ = false;
  std::uint64_t consumed_ = 0; // compressed bytes already handed to the inflater, for messages
  std::size_t member_ = 0;     // 1-based index of the gzip member being inflated
  std::uint64_t member_start_ = 0;
  std::optional<Problem> pending_; // damage found after some bytes were produced: reported by the next read
  bool resync_ = true;             // resume after gzip damage (see stop_at_damage)
  std::optional<std::uint64_t> search_from_; // damage met: where the search for the next member starts
  std::string_view if_last_;                 // damage met: added to its message when no member follows
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
