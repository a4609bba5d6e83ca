#include "trail/file_scanner.hpp"

#include "util/hash.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <span>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace rg::trail {
namespace {

// Closes the descriptor on every path out of a read.
class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

private:
  int fd_;
};

// Reads up to `size` bytes; returns how many were read, or -1 with errno set.
ssize_t read_fully(int fd, char* out, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, out + done, size - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return -1;
    }
    if (n == 0) {
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(done);
}

Problem file_problem(const TrailFile& file, std::string where, std::string message) {
  return Problem{ProblemKind::kUnreadable, file.path, std::move(where), std::move(message)};
}

// A gzip member rarely inflates less than 4x for JSON; a compressed file above this share of the whole-file
// limit would overflow it anyway, so it goes straight to the stream.
constexpr std::size_t kCompressedShareOfLimit = 2;

// A gzip file ends with ISIZE, the last member's inflated size mod 2^32: for the usual single-member file
// that is the whole size, so a file bound to overflow the whole-file buffer goes straight to the stream
// instead of being half inflated first. (A multi-member file may understate it; the inflater then says so.)
// ISIZE from the last four bytes of a file of `size` bytes; 0 when the file is too short to be gzip.
std::uint64_t trailer_isize(std::span<const char> last4, std::uint64_t size) {
  if (size < 18 || last4.size() != 4) {
    return 0;
  }
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(last4[i]));
  };
  return byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
}

bool trailer_says_too_large(int fd, std::uint64_t size, std::size_t whole_limit) {
  std::array<char, 4> trailer{};
  if (size < 18 || ::pread(fd, trailer.data(), trailer.size(), static_cast<off_t>(size - 4)) != 4) {
    return false;
  }
  return trailer_isize(trailer, size) > whole_limit;
}

void report_not_objects(const TrailFile& file, const ReadCounts& counts, FileOutcome& outcome) {
  if (counts.not_objects > 0) {
    outcome.problems.push_back(
        Problem{ProblemKind::kInvalid, file.path, "Records",
                fmt::format("{} record(s) are not JSON objects and were skipped", counts.not_objects)});
  }
}

// Turns the whole-file reader's outcome into the file's: the failure, or the records it had to skip.
void finish(const TrailFile& file, const ReadCounts& counts, std::optional<ReadFailure> failure,
            FileOutcome& outcome) {
  outcome.events = counts.events;
  if (failure) {
    outcome.problems.push_back(file_problem(file, std::move(failure->where), std::move(failure->message)));
    outcome.damaged = 1;
  }
  report_not_objects(file, counts, outcome);
}

std::string_view text_of(const ByteBuffer& buffer) {
  return {buffer.data(), buffer.size()};
}

} // namespace

FileScanner::FileScanner(const TrailScanOptions& options, std::mutex* oversized_gate)
    : options_(options), oversized_gate_(oversized_gate) {}

FileOutcome FileScanner::scan(const TrailFile& file, EventSink& sink) {
  FileOutcome outcome;
  FileDescriptor fd(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    outcome.problems.push_back(
        file_problem(file, "", fmt::format("cannot open: {}", std::generic_category().message(errno))));
    return outcome;
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    outcome.problems.push_back(
        file_problem(file, "", fmt::format("cannot stat: {}", std::generic_category().message(errno))));
    return outcome;
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size == 0) {
    outcome.problems.push_back(file_problem(file, "", "empty file"));
    return outcome;
  }
  std::array<unsigned char, 2> magic{};
  const ssize_t got = ::pread(fd.get(), magic.data(), magic.size(), 0);
  const bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  if (!gzip && file.path.ends_with(".gz")) {
    outcome.problems.push_back(
        file_problem(file, "", "the name ends in .gz but the content is not gzip data"));
    return outcome;
  }
  const auto whole_limit = static_cast<std::size_t>(
      std::min<std::uint64_t>(options_.whole_file_limit, options_.inflated_cap(size)));
  const std::uint64_t whole_input_limit = gzip ? whole_limit / kCompressedShareOfLimit : whole_limit;
  if (size > whole_input_limit || (gzip && trailer_says_too_large(fd.get(), size, whole_limit))) {
    read_streamed(file, gzip, sink, outcome);
    return outcome;
  }

  ByteBuffer& input = gzip ? compressed_ : inflated_;
  input.reserve(static_cast<std::size_t>(size));
  const ssize_t read = read_fully(fd.get(), input.data(), static_cast<std::size_t>(size));
  if (read < 0) {
    outcome.problems.push_back(
        file_problem(file, "", fmt::format("read failed: {}", std::generic_category().message(errno))));
    return outcome;
  }
  input.resize(static_cast<std::size_t>(read));
  read_loaded(file, gzip, {input.data(), input.size()}, whole_limit, sink, outcome);
  return outcome;
}

FileOutcome FileScanner::scan_bytes(const TrailFile& file, std::span<const char> bytes, EventSink& sink) {
  FileOutcome outcome;
  if (bytes.empty()) {
    outcome.problems.push_back(file_problem(file, "", "empty file"));
    return outcome;
  }
  const bool gzip = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
                    static_cast<unsigned char>(bytes[1]) == 0x8b;
  if (!gzip && file.path.ends_with(".gz")) {
    outcome.problems.push_back(
        file_problem(file, "", "the name ends in .gz but the content is not gzip data"));
    return outcome;
  }
  memory_ = bytes;
  const auto whole_limit = static_cast<std::size_t>(
      std::min<std::uint64_t>(options_.whole_file_limit, options_.inflated_cap(bytes.size())));
  const std::uint64_t whole_input_limit = gzip ? whole_limit / kCompressedShareOfLimit : whole_limit;
  if (bytes.size() > whole_input_limit ||
      (gzip &&
       trailer_isize(bytes.last(std::min<std::size_t>(bytes.size(), 4)), bytes.size()) > whole_limit)) {
    read_streamed(file, gzip, sink, outcome);
  } else if (gzip) {
    read_loaded(file, gzip, bytes, whole_limit, sink, outcome);
  } else {
    // simdjson reads past the end: plain bytes are copied into the padded buffer.
    inflated_.reserve(bytes.size());
    std::memcpy(inflated_.data(), bytes.data(), bytes.size());
    inflated_.resize(bytes.size());
    read_loaded(file, gzip, bytes, whole_limit, sink, outcome);
  }
  memory_ = {};
  return outcome;
}

void FileScanner::read_loaded(const TrailFile& file, bool gzip, std::span<const char> compressed,
                              std::size_t whole_limit, EventSink& sink, FileOutcome& outcome) {
  if (gzip) {
    const auto inflated =
        inflater_.inflate(std::span<const unsigned char>(
                              reinterpret_cast<const unsigned char*>(compressed.data()), compressed.size()),
                          inflated_, whole_limit);
    if (inflated.status == WholeInflateStatus::kCorrupt) {
      // libdeflate cannot say where a member is damaged nor how far it was good; isa-l streams up to the
      // damage and on from the next member, so the file is read again that way: a CloudTrail log keeps every
      // record around the damage, any other file (lookup-events output) is reported with the damage's place.
      read_streamed(file, gzip, sink, outcome);
      return;
    }
    if (inflated.status == WholeInflateStatus::kTooLarge) {
      // Bigger than one piece: start again as a stream (the cap, if that is what was hit, fires there).
      read_streamed(file, gzip, sink, outcome);
      return;
    }
  }
  read_whole(file, gzip, sink, outcome);
}

void FileScanner::read_whole(const TrailFile& file, bool gzip, EventSink& sink, FileOutcome& outcome) {
  outcome.bytes_inflated = inflated_.size();
  if (options_.hash_inflated) {
    // The whole file is inflated here anyway: its hash costs one SHA-256 pass, not a second inflate. Taken
    // before parsing, so damage in the JSON (salvaged by the stream below) does not lose it.
    outcome.inflated_sha256 = sha256_hex(text_of(inflated_));
  }
  // The buffer is reused: what simdjson may look at past the end must not be the previous file's bytes.
  std::memset(inflated_.data() + inflated_.size(), 0, simdjson::SIMDJSON_PADDING);
  ReadCounts counts;
  sink.checkpoint();
  auto failure = reader_.read_document(inflated_.data(), inflated_.size(), sink, counts);
  if (failure && begins_records_stream(text_of(inflated_))) {
    // Damaged: forget what this pass delivered and salvage the file record by record, so a damaged file
    // reads the same whichever path met it first.
    sink.rewind();
    read_streamed(file, gzip, sink, outcome);
    return;
  }
  finish(file, counts, std::move(failure), outcome);
}

void FileScanner::read_streamed(const TrailFile& file, bool gzip, EventSink& sink, FileOutcome& outcome) {
  outcome.streamed = true;
  outcome.bytes_inflated = 0;
  if (memory_.data() != nullptr) {
    stream_.open_memory(file.path, memory_, gzip);
  } else if (auto opened = stream_.open(file.path, gzip); !opened) {
    outcome.problems.push_back(opened.error());
    return;
  }
  const StreamLimits limits{options_.stream_window, options_.max_record_bytes,
                            options_.inflated_cap(file.size), options_.max_inflated_bytes.has_value(),
                            oversized_gate_};
  ReadCounts counts;
  StreamDamage damage;
  record_stream_.read(stream_, reader_, sink, limits, counts, outcome.bytes_inflated, damage);
  outcome.events = counts.events;
  outcome.damaged = damage.places;
  std::vector<ReadFailure> listed = damage.take_listed();
  for (ReadFailure& place : listed) {
    outcome.problems.push_back(file_problem(file, std::move(place.where), std::move(place.message)));
  }
  if (damage.places > listed.size()) {
    outcome.problems.push_back(file_problem(
        file, "",
        fmt::format("{} more damaged places in this file (not listed)", damage.places - listed.size())));
  }
  report_not_objects(file, counts, outcome);
}

} // namespace rg::trail
