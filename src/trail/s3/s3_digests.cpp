#include "trail/s3/s3_digests.hpp"

#include "trail/digest/digest_name.hpp"
#include "trail/digest/digest_store.hpp"
#include "trail/key_layout.hpp"
#include "trail/s3/layout_walk.hpp"
#include "trail/s3/live_public_keys.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace rg::trail::s3 {
namespace {

using namespace digest;
using std::chrono::days;
using std::chrono::hours;

// S3 clients for the threads that fetch digests and log files: each thread leases one (its own curl
// connection) and gives it back, so connections are reused across chains.
class ClientPool {
public:
  ClientPool(const S3Connection& connection, std::string region)
      : connection_(connection), region_(std::move(region)) {}

  class Lease {
  public:
    Lease(ClientPool& pool, std::unique_ptr<aws::S3Client> client)
        : pool_(pool), client_(std::move(client)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() { pool_.give_back(std::move(client_)); }
    aws::S3Client& operator*() { return *client_; }
    aws::S3Client* operator->() { return client_.get(); }

  private:
    ClientPool& pool_;
    std::unique_ptr<aws::S3Client> client_;
  };

  Lease lease() {
    {
      const std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto client = std::move(idle_.back());
        idle_.pop_back();
        return {*this, std::move(client)};
      }
    }
    aws::S3ClientOptions options = connection_.client;
    options.region = region_;
    return {*this, std::make_unique<aws::S3Client>(options, connection_.credentials,
                                                   connection_.make_transport(), connection_.retry)};
  }

private:
  void give_back(std::unique_ptr<aws::S3Client> client) {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(client));
  }

  const S3Connection& connection_;
  std::string region_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<aws::S3Client>> idle_;
};

std::string fetch_failure(const aws::S3CallInfo& info, std::string_view what) {
  const aws::AwsError& error = *info.error;
  if (error.code == "AccessDenied" || error.http_status == 403) {
    return fmt::format("{} denied on this {}: {}", aws::s3_action("GetObject"), what, error.describe());
  }
  return fmt::format("cannot fetch (GetObject, {} attempt{}): {}", info.attempts,
                     info.attempts == 1 ? "" : "s", error.describe());
}

// The digests and log files of one bucket, read in place.
class S3Store final : public DigestStore {
public:
  S3Store(const S3DigestRequest& request, const Inventory& inventory, ClientPool& pool)
      : bucket_(request.source->url.bucket), inventory_(inventory), pool_(pool),
        fetchers_(std::max(1U, request.source->fetchers)) {
    if (request.scan->since) {
      first_day_ = std::chrono::floor<days>(*request.scan->since) - days{1}; // as the listing's slack
    }
  }

  void prefetch(const std::vector<const InventoryDigest*>& digests) override {
    {
      const std::lock_guard lock(mutex_);
      cache_.clear(); // what the last chain's walk did not read: it never will
    }
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < digests.size(); i = next++) {
        DigestBytes read = fetch_digest(digests[i]->path);
        const std::lock_guard lock(mutex_);
        cache_.emplace(digests[i]->path, std::move(read));
      }
    };
    const unsigned count = std::min<unsigned>(fetchers_, static_cast<unsigned>(digests.size()));
    std::vector<std::jthread> threads;
    for (unsigned i = 1; i < count; ++i) {
      threads.emplace_back(work);
    }
    work();
  }

  bool in_window(const std::string& path) const override {
    if (!first_day_) {
      return true;
    }
    const KeyInfo key = parse_key(path);
    return !key.date || std::chrono::sys_days(*key.date) >= *first_day_;
  }

  DigestBytes read_digest(const std::string& path) override {
    {
      const std::lock_guard lock(mutex_);
      if (auto found = cache_.find(path); found != cache_.end()) {
        DigestBytes read = std::move(found->second);
        cache_.erase(found);
        return read;
      }
    }
    return fetch_digest(path); // a digest the listing did not hold (the walk follows a link to it)
  }

  LogPresence log_presence(const std::string& path) const override {
    return inventory_.logs.contains(path) ? LogPresence::kPresent : LogPresence::kUnknown;
  }

  LogRead hash_log(const std::string& path, std::uint64_t max_inflated) override {
    aws::S3GetResult got = get(path);
    if (got.info.error) {
      if (got.info.error->http_status == 404) {
        return {LogRead::Outcome::kAbsent, {}, "not found"};
      }
      return {LogRead::Outcome::kUnreadable, {}, fetch_failure(got.info, "object")};
    }
    auto hash = hash_inflated_bytes(path, got.body, max_inflated);
    if (!hash) {
      return {LogRead::Outcome::kDamaged, {}, hash.error().message};
    }
    return {LogRead::Outcome::kHashed, std::move(*hash), {}};
  }

  unsigned hash_parallelism(unsigned /*threads*/) const override {
    return fetchers_; // each job is a GET: bounded by the network, as the scan's fetchers are
  }

private:
  aws::S3GetResult get(const std::string& path) {
    const std::string_view key = std::string_view(path).substr(bucket_.size() + 6); // after s3://bucket/
    auto client = pool_.lease();
    return client->get_object(bucket_, key);
  }

  DigestBytes fetch_digest(const std::string& path) {
    aws::S3GetResult got = get(path);
    DigestBytes read;
    if (got.info.error) {
      read.outcome = got.info.error->http_status == 404 ? DigestBytes::Outcome::kAbsent
                                                        : DigestBytes::Outcome::kUnreadable;
      read.message = fetch_failure(got.info, "digest");
      return read;
    }
    read.bytes = std::move(got.body);
    const auto text_of = [&](const char* name) {
      const auto it = got.metadata.find(name);
      return it == got.metadata.end() ? std::string() : it->second;
    };
    DigestSignature signature{text_of("signature"), text_of("signature-algorithm"),
                              text_of("backfill-generation-timestamp")};
    if (signature.signature_hex.empty() || signature.algorithm.empty()) {
      // CloudTrail signs every digest it delivers: an object without the metadata is not one of its own.
      read.signature = Problem{ProblemKind::kInvalid, path, "",
                               "no x-amz-meta-signature and x-amz-meta-signature-algorithm on the object "
                               "(CloudTrail signs every digest it delivers)"};
    } else {
      read.signature = std::optional<DigestSignature>{std::move(signature)};
    }
    return read;
  }

  std::string bucket_;
  const Inventory& inventory_;
  ClientPool& pool_;
  unsigned fetchers_;
  std::optional<std::chrono::sys_days> first_day_;
  std::mutex mutex_;
  std::map<std::string, DigestBytes> cache_;
};

// Lists the digests with the scan's pruning, one day more at the end: the last hour's log files of the
// window are listed by digests delivered just after it. Those past two hours after the window's last
// listed day are left out (they list log files the scan did not read).
void list_digests(const S3DigestRequest& request, aws::S3Client& client, Inventory& inventory) {
  TrailScanOptions options = *request.scan;
  std::optional<TimePoint> cutoff;
  if (options.until) {
    *options.until += days{1};
    cutoff = std::chrono::floor<days>(*request.scan->until) + days{2} + hours{2};
  }
  ClientLister lister(client, request.source->url.bucket);
  WalkCounts counts;
  walk_layout(
      request.source->url, options, lister,
      [&](const TrailFile& file) {
        const std::string key = file.path.substr(request.source->url.bucket.size() + 6);
        const auto suffix = layout_suffix(key);
        auto name = parse_digest_name(file_name(key));
        if (!suffix || !name) {
          return;
        }
        if (cutoff) {
          const auto end = stamp_time(name->end_stamp);
          if (end && *end > *cutoff) {
            return;
          }
        }
        std::string root = file.path.substr(0, file.path.size() - suffix->size());
        inventory.digests.push_back(
            {file.path, std::string(*suffix), std::move(root), file.key.organization_id, std::move(*name)});
      },
      counts, LayoutFolder::kDigests);
  inventory.problems.insert(inventory.problems.end(), counts.problems.begin(), counts.problems.end());
}

void add_logs(const std::vector<std::pair<std::string, std::uint64_t>>& listed, Inventory& inventory) {
  for (const auto& [path, size] : listed) {
    // As the local inventory: log files in the layout, under CloudTrail/ (not what lies outside AWSLogs/).
    const KeyInfo key = parse_key(path);
    if (!layout_suffix(path) || key.kind != ObjectKind::kLog || key.account_id.empty() ||
        path.find("/CloudTrail/") == std::string::npos || !path.ends_with(".json.gz")) {
      continue;
    }
    inventory.add_log(path, size);
  }
}

} // namespace

IntegrityResult validate_digests_s3(const S3DigestRequest& request) {
  const S3Connection& connection = request.source->connection;
  aws::S3Client lister = [&] {
    aws::S3ClientOptions options = connection.client;
    return aws::S3Client(options, connection.credentials, connection.make_transport(), connection.retry);
  }();
  (void)lister.locate_bucket(request.source->url.bucket); // the bucket's own region (the scan found it too)
  ClientPool pool(connection, lister.region());

  Inventory inventory;
  list_digests(request, lister, inventory);
  if (request.listed_logs != nullptr) {
    add_logs(*request.listed_logs, inventory);
  }

  ValidationOptions options = request.validation;
  options.bucket = request.source->url.bucket; // read in place: the bucket is known, never learned
  options.keys = request.keys;
  LiveKeys live;
  if (options.keys == nullptr && !inventory.digests.empty()) {
    std::set<std::string> home_regions;
    std::optional<TimePoint> first;
    std::optional<TimePoint> last;
    for (const auto& digest : inventory.digests) {
      home_regions.insert(digest.name.home_region);
      if (const auto end = stamp_time(digest.name.end_stamp)) {
        first = first ? std::min(*first, *end) : *end;
        last = last ? std::max(*last, *end) : *end;
      }
    }
    // The hour before each digest's end and validate-logs' two hours of slack.
    live = fetch_public_keys(connection, home_regions, first.value_or(TimePoint{}) - hours{3},
                             last.value_or(TimePoint{}) + hours{2});
    options.problems.insert(options.problems.end(), live.problems.begin(), live.problems.end());
    if (live.keys) {
      options.keys = &*live.keys;
    } else {
      options.no_keys_reason = "CloudTrail's public keys could not be fetched (cloudtrail:ListPublicKeys)";
    }
  }
  S3Store store(request, inventory, pool);
  return validate_inventory(inventory, store, options);
}

} // namespace rg::trail::s3
