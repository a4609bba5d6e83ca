#include "cli/live_snapshot.hpp"

#include "util/fatal_error.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <string>
#include <system_error>
#include <vector>

namespace rg::cli {

namespace {

// mkdtemp makes the folder 0700: a snapshot holds the credential reports of every account.
std::filesystem::path private_temp_folder() {
  std::error_code error;
  auto base = std::filesystem::temp_directory_path(error);
  if (error) {
    base = "/tmp";
  }
  std::string pattern = (base / "rootguard-live-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    throw FatalError(ExitCode::kError, fmt::format("cannot create a temporary folder in {}: {}",
                                                   base.string(), std::generic_category().message(errno)));
  }
  return {buffer.data()};
}

} // namespace

LiveSnapshot::LiveSnapshot(const CollectArguments& args, const std::string& keep) {
  args.validate(); // usage errors before a folder is made
  temporary_ = keep.empty();
  path_ = temporary_ ? private_temp_folder() : std::filesystem::path(keep);
  if (temporary_) {
    interrupt_guard_ = std::make_unique<RemoveOnInterrupt>(path_); // before the collector's threads
  }
  try {
    complete_ = collect_snapshot(args, path_);
  } catch (...) {
    if (temporary_) {
      std::error_code ignored;
      std::filesystem::remove_all(path_, ignored);
    }
    throw;
  }
}

LiveSnapshot::~LiveSnapshot() {
  if (temporary_) {
    // remove_all does not follow links, so nothing outside the folder is removed.
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
    interrupt_guard_.reset(); // after the removal: a signal during it still finds the folder removed
  }
}

} // namespace rg::cli
