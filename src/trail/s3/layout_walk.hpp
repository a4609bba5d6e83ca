#pragma once
// Lists an S3 bucket by the CloudTrail key layout, AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/,
// pruning before it lists: accounts and regions are listed one level at a time (Delimiter '/') and only the
// ones --accounts/--regions keep are entered; with --since/--until only the years and months in range are
// listed, and only the day prefixes in range (with the same day of slack as local discovery) are listed in
// full. Digest and Insights folders are never entered. Every key listed still passes the same checks as a
// local file (key_in_scope, the file name), so a bucket that does not follow the layout is read as a folder
// would be. Decision 0022.
#include "aws/s3_client.hpp"
#include "trail/discovery.hpp"
#include "trail/s3/s3_url.hpp"
#include "trail/scan_options.hpp"
#include "util/problem.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rg::trail::s3 {

// One page of ListObjectsV2 (the S3 client in production, a map of keys in tests).
class PageLister {
public:
  virtual ~PageLister() = default;
  virtual aws::S3ListResult list(std::string_view prefix, std::string_view delimiter,
                                 std::string_view token) = 0;
};

// The S3 client as a PageLister of one bucket.
class ClientLister final : public PageLister {
public:
  ClientLister(aws::S3Client& client, std::string bucket) : client_(client), bucket_(std::move(bucket)) {}
  aws::S3ListResult list(std::string_view prefix, std::string_view delimiter,
                         std::string_view token) override {
    return client_.list_objects(bucket_, prefix, delimiter, token);
  }

private:
  aws::S3Client& client_;
  std::string bucket_;
};

struct WalkCounts {
  std::size_t list_requests = 0;
  std::size_t objects_listed = 0; // every key listed, whether it is read or not
  std::size_t skipped_digest = 0;
  std::size_t skipped_insight = 0;
  std::size_t skipped_other = 0;
  std::size_t pruned = 0;        // listed, but outside the filters by their key
  std::vector<Problem> problems; // prefixes that could not be listed
};

// Which folder of each account and region is walked: the log files, or the digests (--verify-digests,
// decision 0025), pruned by the same filters.
enum class LayoutFolder { kLogs, kDigests };

// Calls `on_file` for every object the scan must read, in key order (S3 lists keys in UTF-8 binary order,
// and the levels are walked in that order too), named s3://bucket/key. With kDigests only digest files
// under AWSLogs/ are handed on (nothing outside the layout is listed) and only they are counted.
void walk_layout(const S3Url& url, const TrailScanOptions& options, PageLister& lister,
                 const std::function<void(TrailFile)>& on_file, WalkCounts& counts,
                 LayoutFolder folder = LayoutFolder::kLogs);

} // namespace rg::trail::s3
