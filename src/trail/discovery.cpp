#include "trail/discovery.hpp"

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

class Walker {
public:
  Walker(const TrailScanOptions& options, DiscoveryResult& result) : options_(options), result_(result) {}

  // Files named on the command line are read whatever their name: the user chose them.
  void add_explicit(const fs::path& path) { consider(path, /*explicit_file=*/true); }

  void walk(const fs::path& root) {
    std::error_code ec;
    // Symlinked folders are not followed: a link loop must not hang the scan.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      result_.problems.push_back(
          {ProblemKind::kUnreadable, root.string(), "", fmt::format("cannot list folder: {}", ec.message())});
      return;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        result_.problems.push_back({ProblemKind::kUnreadable, it->path().string(), "",
                                    fmt::format("cannot list folder: {}", ec.message())});
        ec.clear();
        continue;
      }
      std::error_code type_ec;
      if (it->is_regular_file(type_ec)) {
        consider(it->path(), /*explicit_file=*/false);
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
    if (ec || !fs::exists(status)) {
      result.problems.push_back({ProblemKind::kAbsent, path.string(), "", "no such file or folder"});
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
