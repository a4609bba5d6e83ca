#include "trail/discovery.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <system_error>

namespace rg::trail {
namespace {

namespace fs = std::filesystem;

bool looks_like_trail_file(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.ends_with(".json") || name.ends_with(".json.gz") || name.ends_with(".gz");
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The S3 layout is AWSLogs/[o-org/]account/CloudTrail/region/yyyy/mm/dd: 64 is far beyond any real tree.
constexpr size_t kMaxDepth = 64;

class Walker {
public:
  Walker(const TrailScanOptions& options, DiscoveryResult& result) : options_(options), result_(result) {}

  // Files named on the command line are read whatever their name: the user chose them.
  void add_explicit(const fs::path& path) { consider(path, /*explicit_file=*/true); }

  // Depth-first in name order. A folder that cannot be listed, an entry whose type cannot be told (a
  // symlink loop) and a symlinked folder (not followed, so a loop cannot hang the scan) are each a
  // named problem: log files that were not read must never read as "no root activity".
  void walk(const fs::path& root, size_t depth = 0) {
    auto entries = list_folder(root);
    if (!entries) {
      result_.problems.push_back(entries.error());
      return;
    }
    for (const auto& entry : *entries) {
      const auto path = root / entry.name;
      if (!entry.error.empty()) {
        result_.problems.push_back({ProblemKind::kUnreadable, path.string(), "", entry.error});
      } else if (entry.is_directory && entry.is_symlink) {
        result_.problems.push_back({ProblemKind::kUnreadable, path.string(), "",
                                    "a symlinked folder; not followed (name its target instead)"});
      } else if (entry.is_directory) {
        if (depth >= kMaxDepth) {
          result_.problems.push_back({ProblemKind::kUnreadable, path.string(), "",
                                      fmt::format("nested deeper than {} folders; not read", kMaxDepth)});
          continue;
        }
        walk(path, depth + 1);
      } else if (entry.is_regular_file) {
        consider(path, /*explicit_file=*/false);
      } else if (looks_like_trail_file(path)) {
        result_.problems.push_back({ProblemKind::kUnreadable, path.string(), "",
                                    "not a regular file (a FIFO, device or socket); not read"});
      }
    }
  }

private:
  void consider(const fs::path& path, bool explicit_file) {
    const std::string text = path.generic_string();
    KeyInfo key = parse_key(text);
    if (key.kind == ObjectKind::kDigest) {
      ++result_.skipped_digest;
      return;
    }
    if (key.kind == ObjectKind::kInsight) {
      ++result_.skipped_insight;
      return;
    }
    if (!explicit_file && !looks_like_trail_file(path)) {
      ++result_.skipped_other;
      return;
    }
    if (!key_in_scope(key, options_)) {
      ++result_.pruned;
      return;
    }
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    result_.files.push_back({path.string(), std::move(key), ec ? 0 : static_cast<std::uint64_t>(size)});
  }

  const TrailScanOptions& options_;
  DiscoveryResult& result_;
};

} // namespace

bool key_in_scope(const KeyInfo& key, const TrailScanOptions& options) {
  if (!key.account_id.empty() && !options.accounts.empty() && !contains(options.accounts, key.account_id)) {
    return false;
  }
  if (!key.region.empty() && !options.regions.empty() && !contains(options.regions, key.region)) {
    return false;
  }
  if (!key.date) {
    return true;
  }
  // The key holds the delivery date: events may be a little older than their file (and, with clock
  // skew, a little newer), so one day of slack on both sides never drops an event in range.
  using std::chrono::days;
  using std::chrono::sys_days;
  const sys_days delivered{*key.date};
  if (options.since && delivered < std::chrono::floor<days>(*options.since) - days{1}) {
    return false;
  }
  if (options.until && delivered > std::chrono::floor<days>(*options.until) + days{1}) {
    return false;
  }
  return true;
}

DiscoveryResult discover_files(const TrailScanOptions& options) {
  DiscoveryResult result;
  Walker walker(options, result);
  for (const fs::path& path : options.paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec == std::errc::no_such_file_or_directory || (!ec && !fs::exists(status))) {
      result.problems.push_back({ProblemKind::kAbsent, path.string(), "", "no such file or folder"});
    } else if (ec) {
      // A symlink loop or a path through a file is not "absent": it is there and cannot be read.
      result.problems.push_back(
          {ProblemKind::kUnreadable, path.string(), "", fmt::format("cannot read: {}", ec.message())});
    } else if (fs::is_directory(status)) {
      walker.walk(path);
    } else {
      walker.add_explicit(path);
    }
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const TrailFile& a, const TrailFile& b) { return a.path < b.path; });
  // The same file reached through two arguments is read once.
  result.files.erase(std::unique(result.files.begin(), result.files.end(),
                                 [](const TrailFile& a, const TrailFile& b) { return a.path == b.path; }),
                     result.files.end());
  return result;
}

} // namespace rg::trail
