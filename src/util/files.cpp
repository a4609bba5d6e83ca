#include "util/files.hpp"

#include "util/fatal_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace rg {

Result<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Problem{ProblemKind::kAbsent, path.string(), "", "file not found"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Problem{ProblemKind::kUnreadable, path.string(), "",
                   fmt::format("cannot open: {}", std::strerror(errno))};
  }
  std::string content;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) {
    return Problem{ProblemKind::kUnreadable, path.string(), "", "cannot determine size"};
  }
  content.resize(static_cast<size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (!in) {
    return Problem{ProblemKind::kUnreadable, path.string(), "", "read failed"};
  }
  return content;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto directory = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::random_device entropy;
  const auto temp = directory / fmt::format(".{}.{:08x}.tmp", path.filename().string(), entropy());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw FatalError(ExitCode::kError,
                     fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
  }
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      throw FatalError(ExitCode::kError,
                       fmt::format("cannot write {}: {}", path.string(), std::strerror(saved)));
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw FatalError(ExitCode::kError, fmt::format("cannot write {}", path.string()));
  }
  // rename(2) replaces a symlink at `path` itself; it never writes through it.
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw FatalError(ExitCode::kError,
                     fmt::format("cannot write {}: {}", path.string(), std::strerror(saved)));
  }
}

void create_directories_or_fail(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) {
    throw FatalError(ExitCode::kError, fmt::format("cannot create {}: {}", path.string(), error.message()));
  }
}

} // namespace rg
