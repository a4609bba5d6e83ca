#include "trail/inflate_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <isa-l/igzip_lib.h>
#include <system_error>
#include <unistd.h>

namespace rg::trail {
namespace {

constexpr std::size_t kInputChunk = std::size_t{1} << 20;
constexpr std::size_t kStage = std::size_t{64} << 10; // reads smaller than this go through stage_

std::string describe_isal_error(int code) {
  switch (code) {
  case ISAL_INVALID_WRAPPER:
    return "not gzip data (bad gzip header)";
  case ISAL_INCORRECT_CHECKSUM:
    return "gzip checksum mismatch";
  case ISAL_UNSUPPORTED_METHOD:
    return "unsupported gzip compression method";
  default:
    return "corrupt gzip data";
  }
}

// RFC 1952's fixed header: ID1 ID2 CM FLG MTIME(4) XFL OS.
constexpr std::size_t kHeaderBytes = 10;

// A gzip member header as writers make it: the magic 1f 8b, CM 8 (deflate), no reserved FLG bits, XFL 0, 2
// or 4, OS 0-13 or 255. Checked field by field, a chance match inside compressed data is about one in 2^37
// bytes, where the magic alone would match one in 2^16: resyncing does not stop at false members.
bool plausible_member_header(const unsigned char* header) {
  const unsigned char flags = header[3];
  const unsigned char extra_flags = header[8];
  const unsigned char os = header[9];
  return header[0] == 0x1f && header[1] == 0x8b && header[2] == 8 && (flags & 0xe0U) == 0 &&
         (extra_flags == 0 || extra_flags == 2 || extra_flags == 4) && (os <= 13 || os == 255);
}

} // namespace

InflateStream::InflateStream() : state_(std::make_unique<inflate_state>()) {}

InflateStream::~InflateStream() {
  close();
}

void InflateStream::close() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  memory_ = {};
  memory_position_ = 0;
}

ssize_t InflateStream::source_read(void* out, std::size_t size) {
  if (fd_ >= 0) {
    return ::read(fd_, out, size);
  }
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(
      size, memory_.size() - std::min<std::uint64_t>(memory_position_, memory_.size())));
  if (n > 0) {
    std::memcpy(out, memory_.data() + memory_position_, n);
  }
  memory_position_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t InflateStream::source_read_at(void* out, std::size_t size, std::uint64_t offset) {
  if (fd_ >= 0) {
    return ::pread(fd_, out, size, static_cast<off_t>(offset));
  }
  if (offset >= memory_.size()) {
    return 0;
  }
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(size, memory_.size() - offset));
  std::memcpy(out, memory_.data() + offset, n);
  return static_cast<ssize_t>(n);
}

bool InflateStream::source_seek(std::uint64_t offset) {
  if (fd_ >= 0) {
    return ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) >= 0;
  }
  memory_position_ = offset;
  return offset <= memory_.size();
}

Problem InflateStream::problem(std::string message) const {
  return Problem{ProblemKind::kUnreadable, path_,
                 gzip_ ? fmt::format("gzip member {} (from compressed byte {}), compressed byte {}", member_,
                                     member_start_, consumed_)
                       : "",
                 std::move(message)};
}

void InflateStream::reset(const std::string& path, bool gzip) {
  close();
  path_ = path;
  gzip_ = gzip;
  input_ended_ = false;
  member_finished_ = false;
  finished_ = false;
  consumed_ = 0;
  member_ = 1;
  member_start_ = 0;
  pending_.reset();
  search_from_.reset();
  if_last_ = {};
  resync_ = true;
  staged_begin_ = staged_end_ = 0;
}

Result<bool> InflateStream::open(const std::string& path, bool gzip) {
  reset(path, gzip);
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    return Problem{ProblemKind::kUnreadable, path, "",
                   fmt::format("cannot open: {}", std::generic_category().message(errno))};
  }
  start_inflater();
  return true;
}

void InflateStream::open_memory(const std::string& name, std::span<const char> bytes, bool gzip) {
  reset(name, gzip);
  // An empty span has no data(); a non-null pointer marks the stream open all the same.
  static constexpr char kNothing = 0;
  memory_ = bytes.empty() ? std::span<const char>(&kNothing, 0) : bytes;
  start_inflater();
}

void InflateStream::start_inflater() {
  if (gzip_) {
    if (!input_) {
      input_ = std::make_unique<unsigned char[]>(kInputChunk); // NOLINT(modernize-avoid-c-arrays)
      input_capacity_ = kInputChunk;
    }
    isal_inflate_init(state_.get());
    state_->crc_flag = ISAL_GZIP;
    state_->next_in = input_.get();
    state_->avail_in = 0;
  }
}

Result<bool> InflateStream::refill() {
  // Keep unread input at the front, then top up from the file.
  const std::size_t kept = state_->avail_in;
  if (kept > 0 && state_->next_in != input_.get()) {
    std::memmove(input_.get(), state_->next_in, kept);
  }
  std::size_t filled = kept;
  while (filled < input_capacity_) {
    const ssize_t n = source_read(input_.get() + filled, input_capacity_ - filled);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return problem(fmt::format("read failed: {}", std::generic_category().message(errno)));
    }
    if (n == 0) {
      input_ended_ = true;
      break;
    }
    filled += static_cast<std::size_t>(n);
  }
  state_->next_in = input_.get();
  state_->avail_in = static_cast<std::uint32_t>(filled);
  return true;
}

Result<std::size_t> InflateStream::read(char* out, std::size_t capacity) {
  if (staged_begin_ < staged_end_) {
    const std::size_t n = std::min(capacity, staged_end_ - staged_begin_);
    std::memcpy(out, stage_.get() + staged_begin_, n);
    staged_begin_ += n;
    return n;
  }
  if (pending_) {
    Problem found = std::move(*pending_);
    pending_.reset();
    return settle(std::move(found));
  }
  if (!is_open() || finished_) {
    return std::size_t{0};
  }
  if (!gzip_) {
    return read_plain(out, capacity);
  }
  if (capacity < kStage) {
    if (!stage_) {
      stage_ = std::make_unique<char[]>(kStage); // NOLINT(modernize-avoid-c-arrays)
    }
    auto staged = inflate_some(stage_.get(), kStage);
    if (!staged) {
      return settle(std::move(staged.error()));
    }
    staged_begin_ = 0;
    staged_end_ = *staged;
    return read(out, capacity);
  }
  auto produced = inflate_some(out, capacity);
  if (!produced) {
    return settle(std::move(produced.error()));
  }
  return produced;
}

Problem InflateStream::damage(std::string message, bool in_member, std::string_view if_last) {
  // Damage inside a member can make the inflater read on past the member's real end before it notices, so
  // the search for the next member starts just after the damaged member's own header, not where it stopped.
  search_from_ = in_member ? member_start_ + 1 : consumed_;
  if_last_ = if_last;
  return problem(std::move(message));
}

Problem InflateStream::settle(Problem found) {
  // Decided when the damage is handed out rather than when it is met: by then the reader may have asked to
  // stop at damage (stop_at_damage), and then there is nothing to search for.
  std::optional<std::uint64_t> next;
  if (search_from_ && resync_) {
    next = find_member(*search_from_);
  }
  if (next) {
    found.message += fmt::format("; reading resumes at the next gzip member (compressed byte {})", *next);
  } else {
    found.message += if_last_;
  }
  search_from_.reset();
  if_last_ = {};
  if (!next || !resume_at(*next)) {
    finished_ = true;
  }
  return found;
}

std::optional<std::uint64_t> InflateStream::find_member(std::uint64_t from) {
  // pread leaves the file offset alone; the input buffer is free to use, the inflater restarts anyway.
  std::uint64_t offset = from;
  for (;;) {
    std::size_t got = 0;
    while (got < input_capacity_) {
      const ssize_t n = source_read_at(input_.get() + got, input_capacity_ - got, offset + got);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        break; // the end, or a read error: no member to resume at (a read error would end the stream anyway)
      }
      got += static_cast<std::size_t>(n);
    }
    if (got < kHeaderBytes) {
      return std::nullopt;
    }
    const std::size_t candidates = got - kHeaderBytes + 1; // positions where a whole header fits
    const unsigned char* bytes = input_.get();
    for (std::size_t i = 0; i < candidates;) {
      const void* found = std::memchr(bytes + i, 0x1f, candidates - i);
      if (found == nullptr) {
        break;
      }
      const auto at = static_cast<std::size_t>(static_cast<const unsigned char*>(found) - bytes);
      if (plausible_member_header(bytes + at)) {
        return offset + at;
      }
      i = at + 1;
    }
    if (got < input_capacity_) {
      return std::nullopt; // the file ends within this buffer
    }
    offset += candidates;
  }
}

bool InflateStream::resume_at(std::uint64_t offset) {
  if (!source_seek(offset)) {
    return false;
  }
  isal_inflate_reset(state_.get());
  state_->crc_flag = ISAL_GZIP;
  state_->next_in = input_.get();
  state_->avail_in = 0;
  input_ended_ = false;
  member_finished_ = false;
  consumed_ = offset;
  member_start_ = offset;
  ++member_;
  return true;
}

Result<std::size_t> InflateStream::read_plain(char* out, std::size_t capacity) {
  std::size_t produced = 0;
  while (produced < capacity) {
    const ssize_t n = source_read(out + produced, capacity - produced);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return problem(fmt::format("read failed: {}", std::generic_category().message(errno)));
    }
    if (n == 0) {
      finished_ = true;
      break;
    }
    produced += static_cast<std::size_t>(n);
  }
  return produced;
}

Result<std::size_t> InflateStream::inflate_some(char* out, std::size_t capacity) {
  std::size_t produced = 0;
  // Damage after some output: keep the output, report the damage on the next read.
  const auto fail = [&](Problem found) -> Result<std::size_t> {
    if (produced == 0) {
      return found;
    }
    pending_ = std::move(found);
    return produced;
  };
  int stalls = 0; // a guard: isa-l always moves when it has input and room, but never spin if it does not
  capacity = std::min<std::size_t>(capacity, UINT32_MAX);
  while (produced < capacity && !finished_) {
    if (member_finished_) {
      // Another member may follow (concatenated gzip, as `cat a.gz b.gz` makes); zeros are padding.
      while (!input_ended_ && state_->avail_in < 2) {
        if (auto refilled = refill(); !refilled) {
          return fail(refilled.error());
        }
      }
      while (state_->avail_in > 0 && *state_->next_in == 0) {
        ++state_->next_in;
        --state_->avail_in;
        ++consumed_;
        if (state_->avail_in == 0 && !input_ended_) {
          if (auto refilled = refill(); !refilled) {
            return fail(refilled.error());
          }
        }
      }
      if (state_->avail_in == 0) {
        finished_ = true;
        break;
      }
      if (state_->avail_in < 2 || state_->next_in[0] != 0x1f || state_->next_in[1] != 0x8b) {
        return fail(damage("unexpected bytes after a gzip member", false, " (trailing garbage)"));
      }
      unsigned char* next_in = state_->next_in;
      const std::uint32_t avail_in = state_->avail_in;
      isal_inflate_reset(state_.get());
      state_->next_in = next_in;
      state_->avail_in = avail_in;
      state_->crc_flag = ISAL_GZIP;
      member_finished_ = false;
      ++member_;
      member_start_ = consumed_;
    }
    if (state_->avail_in == 0 && !input_ended_) {
      if (auto refilled = refill(); !refilled) {
        return fail(refilled.error());
      }
    }
    const std::uint32_t in_before = state_->avail_in;
    const auto out_before = static_cast<std::uint32_t>(capacity - produced);
    state_->next_out = reinterpret_cast<std::uint8_t*>(out + produced);
    state_->avail_out = out_before;
    const int status = isal_inflate(state_.get());
    produced += out_before - state_->avail_out;
    consumed_ += in_before - state_->avail_in;
    if (status < 0) {
      return fail(damage(describe_isal_error(status), true));
    }
    if (state_->block_state == ISAL_BLOCK_FINISH) {
      member_finished_ = true;
      continue;
    }
    const bool progressed = in_before != state_->avail_in || out_before != state_->avail_out;
    if (progressed) {
      stalls = 0;
    } else if (state_->avail_in == 0 && input_ended_) {
      return fail(damage("truncated gzip data (the file ends inside a member)", true));
    } else if (state_->avail_in > 0 && ++stalls > 4) {
      return fail(damage("corrupt gzip data (the inflater stopped making progress)", true));
    }
  }
  return produced;
}

} // namespace rg::trail
