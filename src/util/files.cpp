#include "util/files.hpp"

#include "util/fatal_error.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <linux/openat2.h>
#include <memory>
#include <optional>
#include <random>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace rg {

namespace {

thread_local std::filesystem::path confinement_root; // empty: no confinement
// The root as it was given (absolute, not resolved) and a descriptor of it, for openat2 below.
thread_local std::filesystem::path confinement_given;
thread_local int confinement_fd = -1;
std::atomic<bool> openat2_works = true; // false once the kernel (or a seccomp filter) refuses the call

struct AbsenceExplanations {
  std::filesystem::path root;
  std::map<std::string, std::string> reasons;
};
thread_local std::unique_ptr<const AbsenceExplanations> absence_explanations;

// The recorded reason `path` (a file, or a folder when `folder`) is absent, if any.
std::optional<std::string> explained_absence(const std::filesystem::path& path, bool folder) {
  if (absence_explanations == nullptr) {
    return std::nullopt;
  }
  const std::string relative = path.lexically_relative(absence_explanations->root).generic_string();
  if (relative.empty() || relative.starts_with("..")) {
    return std::nullopt;
  }
  const auto& reasons = absence_explanations->reasons;
  if (!folder) {
    if (const auto found = reasons.find(relative); found != reasons.end()) {
      return found->second;
    }
  } else {
    const std::string prefix = relative + "/";
    const auto inside = reasons.lower_bound(prefix);
    if (inside != reasons.end() && inside->first.starts_with(prefix)) {
      return inside->second;
    }
  }
  // A folder that was never collected at all ("accounts/<id>/") explains everything below it.
  for (size_t slash = relative.rfind('/'); slash != std::string::npos && slash > 0;
       slash = relative.rfind('/', slash - 1)) {
    if (const auto found = reasons.find(relative.substr(0, slash + 1)); found != reasons.end()) {
      return found->second;
    }
  }
  return std::nullopt;
}

Problem unreadable(const std::filesystem::path& path, std::string message) {
  return Problem{ProblemKind::kUnreadable, path.string(), "", std::move(message)};
}

std::string errno_text(int error) {
  if (error == ELOOP) {
    return "too many levels of symbolic links (a symlink loop?)";
  }
  return std::generic_category().message(error); // strerror's buffer is shared between threads
}

const char* file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "a directory";
  }
  if (S_ISFIFO(mode)) {
    return "a FIFO";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "a device";
  }
  if (S_ISSOCK(mode)) {
    return "a socket";
  }
  return "not a regular file";
}

// A link inside a copied snapshot may point anywhere; only what resolves inside the root is read.
bool inside_confinement(const std::filesystem::path& path) {
  if (confinement_root.empty()) {
    return true;
  }
  std::error_code error;
  const auto real = std::filesystem::canonical(path, error);
  if (error) {
    return true; // the open below reports the real reason (absent, loop...)
  }
  const auto& root = confinement_root.native();
  const auto& text = real.native();
  return text == root || (text.size() > root.size() && text.starts_with(root) && text[root.size()] == '/');
}

// Opens `path` below the confinement root with openat2(RESOLVE_BENEATH): one system call that refuses any
// resolution leaving the root, race-free (the canonical check above can be outrun by a rename between the
// check and the open) and without the readlink of every component that realpath makes (a sixth of a
// 1,000-account scan). nullopt when it cannot decide: no confinement, a path not below the given root, no
// openat2, or EXDEV/ELOOP (an absolute link, or one that leaves the root): the canonical check decides.
std::optional<int> open_beneath(const std::filesystem::path& path, int flags) {
  if (confinement_fd < 0 || !openat2_works.load(std::memory_order_relaxed)) {
    return std::nullopt;
  }
  std::error_code error;
  const auto relative =
      std::filesystem::absolute(path, error).lexically_normal().lexically_relative(confinement_given);
  if (error || relative.empty() || *relative.begin() == "..") {
    return std::nullopt;
  }
  open_how how{};
  how.flags = static_cast<std::uint64_t>(flags);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  const auto fd =
      static_cast<int>(::syscall(SYS_openat2, confinement_fd, relative.c_str(), &how, sizeof(how)));
  if (fd >= 0) {
    return fd;
  }
  const int failure = errno;
  if (failure == ENOSYS || failure == EPERM) {
    openat2_works = false;
    return std::nullopt;
  }
  if (failure == EXDEV || failure == ELOOP || failure == EAGAIN) {
    return std::nullopt;
  }
  errno = failure;
  return -1;
}

class Descriptor {
public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

private:
  int fd_;
};

} // namespace

ConfinedReads::ConfinedReads(const std::filesystem::path& root) {
  std::error_code error;
  confinement_root = std::filesystem::canonical(root, error);
  if (error) {
    confinement_root = std::filesystem::absolute(root, error).lexically_normal();
  }
  confinement_given = std::filesystem::absolute(root, error).lexically_normal();
  if (!confinement_given.empty() && confinement_given.filename().empty()) {
    confinement_given = confinement_given.parent_path(); // "dir/" -> "dir": lexically_relative wants no slash
  }
  confinement_fd = ::open(confinement_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

ConfinedReads::~ConfinedReads() {
  if (confinement_fd >= 0) {
    ::close(confinement_fd);
  }
  confinement_fd = -1;
  confinement_given.clear();
  confinement_root.clear();
}

ExplainedAbsences::ExplainedAbsences(const std::filesystem::path& root,
                                     std::map<std::string, std::string> reasons) {
  absence_explanations =
      std::make_unique<const AbsenceExplanations>(AbsenceExplanations{root, std::move(reasons)});
}

ExplainedAbsences::~ExplainedAbsences() {
  absence_explanations.reset();
}

Result<std::string> read_file(const std::filesystem::path& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below refuses it anyway.
  constexpr int kFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  auto beneath = open_beneath(path, kFlags);
  if (!beneath) {
    if (!inside_confinement(path)) {
      // Never opened, so nothing of it can reach a report.
      return unreadable(path, "is a link to a file outside the snapshot folder; not read");
    }
    beneath = ::open(path.c_str(), kFlags);
  }
  const Descriptor fd(*beneath);
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return Problem{ProblemKind::kAbsent, path.string(), "",
                     explained_absence(path, false).value_or("file not found")};
    }
    if (error == ENOTDIR) {
      // "does not exist" is only ENOENT: a file where a folder belongs hides what should be there.
      return unreadable(path, "a part of this path is a file where a folder is expected");
    }
    return unreadable(path, fmt::format("cannot open: {}", errno_text(error)));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return unreadable(path, fmt::format("cannot stat: {}", errno_text(errno)));
  }
  if (!S_ISREG(info.st_mode)) {
    return unreadable(path, fmt::format("is {}, not a regular file; not read", file_type_name(info.st_mode)));
  }
  if (info.st_size < 0 || static_cast<unsigned long long>(info.st_size) > max_bytes) {
    return unreadable(path, fmt::format("is {} bytes, over the {}-byte limit for this file; not read",
                                        info.st_size, max_bytes));
  }
  std::string content(static_cast<size_t>(info.st_size), '\0');
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::read(fd.get(), content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return unreadable(path, fmt::format("read failed: {}", errno_text(errno)));
    }
    if (n == 0) {
      content.resize(done); // shrank while reading: keep what is there
      break;
    }
    done += static_cast<size_t>(n);
  }
  return content;
}

Result<std::vector<FolderEntry>> list_folder(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::directory_iterator it(path, error);
  if (error) {
    if (error == std::errc::no_such_file_or_directory) {
      return Problem{ProblemKind::kAbsent, path.string(), "",
                     explained_absence(path, true).value_or("folder not found")};
    }
    return unreadable(path, fmt::format("cannot list the folder: {}", errno_text(error.value())));
  }
  std::vector<FolderEntry> entries;
  for (const std::filesystem::directory_iterator end; it != end; it.increment(error)) {
    if (error) {
      return unreadable(path, fmt::format("cannot list the folder: {}", errno_text(error.value())));
    }
    FolderEntry entry;
    entry.name = it->path().filename().string();
    std::error_code type_error;
    entry.is_symlink = it->is_symlink(type_error);
    const auto status = it->status(type_error); // follows links, as the readers' open does
    entry.is_directory = !type_error && std::filesystem::is_directory(status);
    entry.is_regular_file = !type_error && std::filesystem::is_regular_file(status);
    if (type_error) {
      entry.error = errno_text(type_error.value());
    }
    entries.push_back(std::move(entry));
  }
  if (error) {
    return unreadable(path, fmt::format("cannot list the folder: {}", errno_text(error.value())));
  }
  std::sort(entries.begin(), entries.end(),
            [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
  return entries;
}

namespace {

void write_all(int fd, const std::filesystem::path& path, std::string_view content) {
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw FatalError(ExitCode::kError,
                       fmt::format("cannot write {}: {}", path.string(), errno_text(errno)));
    }
    written += static_cast<size_t>(n);
  }
}

// `-o /dev/null`, `/dev/stdout` or a named pipe: opened in place (returns its descriptor), or -1 when
// `path` is absent or regular and takes the atomic path. rename(2) would replace the device node itself
// with a regular file (as root, for every later user of /dev/null).
// A symlink to a regular file is replaced, never written through; a symlink to a device or FIFO
// (/dev/stdout -> /proc/self/fd/1) is written through, since replacing it would replace the link in /dev.
int open_special_file(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || S_ISREG(info.st_mode)) {
    return -1; // absent or regular: the atomic path
  }
  if (S_ISLNK(info.st_mode)) {
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0 || (!S_ISCHR(target.st_mode) && !S_ISFIFO(target.st_mode))) {
      return -1; // dangling or to a regular file (or folder, refused by rename): replace the link
    }
    info = target;
  }
  if (!S_ISCHR(info.st_mode) && !S_ISFIFO(info.st_mode)) {
    throw FatalError(ExitCode::kError, fmt::format("cannot write {}: it is {}, not a file", path.string(),
                                                   file_type_name(info.st_mode)));
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    throw FatalError(ExitCode::kError, fmt::format("cannot write {}: {}", path.string(), errno_text(errno)));
  }
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || S_ISREG(opened.st_mode) || S_ISDIR(opened.st_mode)) {
    ::close(fd);
    throw FatalError(ExitCode::kError,
                     fmt::format("cannot write {}: it changed while opening", path.string()));
  }
  return fd;
}

constexpr size_t kOutputBufferBytes = size_t{1} << 20;

} // namespace

OutputFile::OutputFile(std::filesystem::path path) : path_(std::move(path)) {
  fd_ = open_special_file(path_);
  if (fd_ >= 0) {
    return;
  }
  const auto directory = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
  std::random_device entropy;
  temp_ = directory / fmt::format(".{}.{:08x}.tmp", path_.filename().string(), entropy());
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw FatalError(ExitCode::kError, fmt::format("cannot write {}: {}", path_.string(), errno_text(errno)));
  }
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) {
    ::close(fd_);
  }
  if (!temp_.empty()) {
    ::unlink(temp_.c_str()); // not committed: no half-written report is left behind
  }
}

void OutputFile::write(std::string_view text) {
  if (buffer_.size() + text.size() > kOutputBufferBytes) {
    flush();
  }
  if (text.size() >= kOutputBufferBytes) {
    write_all(fd_, path_, text);
    return;
  }
  buffer_.append(text);
}

void OutputFile::flush() {
  if (buffer_.empty()) {
    return;
  }
  write_all(fd_, path_, buffer_);
  buffer_.clear();
}

void OutputFile::commit() {
  flush();
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) {
    throw FatalError(ExitCode::kError, fmt::format("cannot write {}", path_.string()));
  }
  if (temp_.empty()) {
    return; // a device or FIFO, written in place
  }
  // rename(2) replaces a symlink at `path` itself; it never writes through it.
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    throw FatalError(ExitCode::kError, fmt::format("cannot write {}: {}", path_.string(), errno_text(errno)));
  }
  temp_.clear();
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  OutputFile file(path);
  file.write(content);
  file.commit();
}

void create_directories_or_fail(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) {
    throw FatalError(ExitCode::kError, fmt::format("cannot create {}: {}", path.string(), error.message()));
  }
}

void create_subfolders_or_fail(const std::filesystem::path& base, const std::filesystem::path& relative) {
  std::filesystem::path current = base;
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (name.empty() || name == "." || name == ".." || part.has_root_path()) {
      throw FatalError(ExitCode::kError, fmt::format("refusing to create {}: '{}' is not a plain folder name",
                                                     (base / relative).string(), name));
    }
    current /= part;
    if (::mkdir(current.c_str(), 0755) == 0) {
      continue;
    }
    const int mkdir_errno = errno;
    struct stat info {};
    if (mkdir_errno != EEXIST || ::lstat(current.c_str(), &info) != 0) {
      throw FatalError(ExitCode::kError,
                       fmt::format("cannot create {}: {}", current.string(), errno_text(mkdir_errno)));
    }
    if (S_ISLNK(info.st_mode) || !S_ISDIR(info.st_mode)) {
      throw FatalError(ExitCode::kError,
                       fmt::format("refusing to write into {}: it is {}, not a folder rootguard may write in",
                                   current.string(), S_ISLNK(info.st_mode) ? "a symlink" : "not a folder"));
    }
  }
}

} // namespace rg
