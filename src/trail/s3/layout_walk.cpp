#include "trail/s3/layout_walk.hpp"

#include "trail/key_layout.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <optional>
#include <string>

namespace rg::trail::s3 {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool all_digits(std::string_view text, std::size_t size) {
  return text.size() == size &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// The last component of a common prefix: "AWSLogs/111122223333/" -> "111122223333".
std::string_view last_component(std::string_view prefix) {
  prefix.remove_suffix(prefix.ends_with('/') ? 1 : 0);
  const std::size_t slash = prefix.rfind('/');
  return slash == std::string_view::npos ? prefix : prefix.substr(slash + 1);
}

bool looks_like_trail_file(std::string_view key) {
  return key.ends_with(".json") || key.ends_with(".json.gz") || key.ends_with(".gz");
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

class Walker {
public:
  Walker(const S3Url& url, const TrailScanOptions& options, PageLister& lister,
         const std::function<void(TrailFile)>& on_file, WalkCounts& counts, LayoutFolder folder)
      : url_(url), options_(options), lister_(lister), on_file_(on_file), counts_(counts),
        digests_(folder == LayoutFolder::kDigests), folder_(digests_ ? "CloudTrail-Digest" : "CloudTrail") {
    // The delivery dates that can hold events in range: one day of slack each side (key_in_scope).
    if (options.since) {
      first_ = std::chrono::floor<days>(*options.since) - days{1};
    }
    if (options.until) {
      last_ = std::chrono::floor<days>(*options.until) + days{1};
    }
  }

  void run() {
    const std::string& prefix = url_.prefix;
    const std::size_t logs = prefix.rfind("AWSLogs/");
    if (logs == std::string::npos) {
      // Keys under PREFIX/AWSLogs/ are the layout; anything else under PREFIX (lookup-events output, a
      // copy in another shape) is listed flat, so nothing there goes unread.
      accounts(prefix + "AWSLogs/", /*in_organization=*/false);
      if (!digests_) {
        flat_except(prefix, prefix + "AWSLogs/");
      }
      return;
    }
    // The URL already points inside the layout: start at its level.
    std::vector<std::string_view> parts;
    std::string_view rest = std::string_view(prefix).substr(logs + 8);
    while (!rest.empty()) {
      const std::size_t slash = rest.find('/');
      parts.push_back(rest.substr(0, slash));
      rest.remove_prefix(slash + 1);
    }
    const bool org = !parts.empty() && parts[0].starts_with("o-");
    const std::size_t depth = parts.size() - (org ? 1 : 0); // levels below the account list
    if (depth == 0) {
      accounts(prefix, org);
    } else if (depth == 1 && all_digits(parts.back(), 12)) {
      if (account_kept(parts.back())) {
        regions(prefix + folder_ + "/");
      }
    } else if (depth == 2 && parts.back() == folder_) {
      regions(prefix);
    } else if (depth == 3 && parts[parts.size() - 2] == folder_) {
      if (options_.regions.empty() || contains(options_.regions, parts.back())) {
        dates(prefix);
      }
    } else {
      flat(prefix); // deeper (a year, a month, a day) or not the layout: every key passes key_in_scope
    }
  }

private:
  bool account_kept(std::string_view account) const {
    return options_.accounts.empty() || contains(options_.accounts, account);
  }

  // Lists every page of `prefix`; calls on_object for each key and on_prefix for each common prefix.
  template <typename OnObject, typename OnPrefix>
  void list(const std::string& prefix, std::string_view delimiter, OnObject on_object, OnPrefix on_prefix) {
    std::string token;
    for (;;) {
      ++counts_.list_requests;
      aws::S3ListResult page = lister_.list(prefix, delimiter, token);
      if (page.info.error) {
        const aws::AwsError& error = *page.info.error;
        counts_.problems.push_back(Problem{
            ProblemKind::kUnreadable, object_url(url_.bucket, prefix), "",
            error.code == "AccessDenied"
                ? fmt::format("{} denied on this prefix: {}; nothing under it was read",
                              aws::s3_action("ListObjectsV2"), error.describe())
                : fmt::format("cannot list (ListObjectsV2, {} attempt{}): {}; nothing under it was read",
                              page.info.attempts, page.info.attempts == 1 ? "" : "s", error.describe())});
        return;
      }
      for (const aws::S3ObjectEntry& object : page.page.objects) {
        ++counts_.objects_listed;
        on_object(object);
      }
      for (const std::string& common : page.page.common_prefixes) {
        on_prefix(common);
      }
      if (page.page.next_token.empty()) {
        return;
      }
      if (page.page.next_token == token) {
        counts_.problems.push_back(Problem{ProblemKind::kUnreadable, object_url(url_.bucket, prefix), "",
                                           "ListObjectsV2 returned the same continuation token twice; the "
                                           "rest of this prefix was not read"});
        return;
      }
      token = std::move(page.page.next_token);
    }
  }

  void accounts(const std::string& prefix, bool in_organization) {
    std::vector<std::string> children;
    list(
        prefix, "/", [&](const aws::S3ObjectEntry& object) { consider(object); },
        [&](const std::string& child) { children.push_back(child); });
    for (const std::string& child : children) {
      const std::string_view name = last_component(child);
      if (!in_organization && name.starts_with("o-")) {
        accounts(child, true);
      } else if (all_digits(name, 12)) {
        if (account_kept(name)) {
          regions(child + folder_ + "/");
        }
      } else if (!digests_) {
        flat(child); // not the layout: read as a folder would be
      }
    }
  }

  void regions(const std::string& prefix) {
    if (!options_.regions.empty()) {
      std::vector<std::string> wanted = options_.regions;
      std::sort(wanted.begin(), wanted.end());
      wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
      for (const std::string& region : wanted) {
        dates(fmt::format("{}{}/", prefix, region));
      }
      return;
    }
    std::vector<std::string> children;
    list(
        prefix, "/", [&](const aws::S3ObjectEntry& object) { consider(object); },
        [&](const std::string& child) { children.push_back(child); });
    for (const std::string& child : children) {
      dates(child);
    }
  }

  // Under <region>/: every day when no time filter is given, else only the years, months and days in range.
  void dates(const std::string& prefix) {
    if (!first_ && !last_) {
      flat(prefix);
      return;
    }
    std::vector<std::string> years;
    list(
        prefix, "/", [&](const aws::S3ObjectEntry& object) { consider(object); },
        [&](const std::string& child) { years.push_back(child); });
    for (const std::string& year_prefix : years) {
      const std::string_view year = last_component(year_prefix);
      if (!all_digits(year, 4)) {
        flat(year_prefix);
        continue;
      }
      const std::chrono::year y{number(year)};
      if ((first_ && y < std::chrono::year_month_day(*first_).year()) ||
          (last_ && y > std::chrono::year_month_day(*last_).year())) {
        continue;
      }
      months(year_prefix, y);
    }
  }

  void months(const std::string& prefix, std::chrono::year year) {
    std::vector<std::string> months;
    list(
        prefix, "/", [&](const aws::S3ObjectEntry& object) { consider(object); },
        [&](const std::string& child) { months.push_back(child); });
    for (const std::string& month_prefix : months) {
      const std::string_view month = last_component(month_prefix);
      if (!all_digits(month, 2) || number(month) < 1 || number(month) > 12) {
        flat(month_prefix);
        continue;
      }
      const std::chrono::year_month ym{year, std::chrono::month{static_cast<unsigned>(number(month))}};
      const sys_days month_first{ym / 1};
      const sys_days month_last{ym / std::chrono::last};
      const sys_days from = first_ ? std::max(*first_, month_first) : month_first;
      const sys_days to = last_ ? std::min(*last_, month_last) : month_last;
      if (from > to) {
        continue;
      }
      if (from == month_first && to == month_last) {
        flat(month_prefix); // the whole month is in range: one listing instead of one per day
        continue;
      }
      for (sys_days day = from; day <= to; day += days{1}) {
        flat(fmt::format("{}{:02}/", month_prefix,
                         static_cast<unsigned>(std::chrono::year_month_day(day).day())));
      }
    }
  }

  void flat(const std::string& prefix) {
    list(
        prefix, "", [&](const aws::S3ObjectEntry& object) { consider(object); }, [](const std::string&) {});
  }

  // A flat listing of `prefix` that leaves out what the layout walk already read under `skip`.
  void flat_except(const std::string& prefix, const std::string& skip) {
    std::vector<std::string> children;
    list(
        prefix, "/", [&](const aws::S3ObjectEntry& object) { consider(object); },
        [&](const std::string& child) {
          if (child != skip) {
            children.push_back(child);
          }
        });
    for (const std::string& child : children) {
      flat(child);
    }
  }

  void consider(const aws::S3ObjectEntry& object) {
    if (object.key.ends_with('/')) {
      return; // a "folder" marker object made by consoles: not a file
    }
    KeyInfo key = parse_key(object.key);
    if (digests_) {
      if (key.kind == ObjectKind::kDigest && key_in_scope(key, options_)) {
        on_file_(TrailFile{object_url(url_.bucket, object.key), std::move(key), object.size});
      }
      return;
    }
    if (key.kind == ObjectKind::kDigest) {
      ++counts_.skipped_digest;
      return;
    }
    if (key.kind == ObjectKind::kInsight) {
      ++counts_.skipped_insight;
      return;
    }
    if (!looks_like_trail_file(object.key)) {
      ++counts_.skipped_other;
      return;
    }
    if (!key_in_scope(key, options_)) {
      ++counts_.pruned;
      return;
    }
    on_file_(TrailFile{object_url(url_.bucket, object.key), std::move(key), object.size});
  }

  const S3Url& url_;
  const TrailScanOptions& options_;
  PageLister& lister_;
  const std::function<void(TrailFile)>& on_file_;
  WalkCounts& counts_;
  bool digests_ = false;
  std::string folder_; // CloudTrail or CloudTrail-Digest
  std::optional<sys_days> first_;
  std::optional<sys_days> last_;
};

} // namespace

void walk_layout(const S3Url& url, const TrailScanOptions& options, PageLister& lister,
                 const std::function<void(TrailFile)>& on_file, WalkCounts& counts, LayoutFolder folder) {
  Walker(url, options, lister, on_file, counts, folder).run();
}

} // namespace rg::trail::s3
