#include "trail/s3/s3_scan.hpp"

#include "trail/s3/layout_walk.hpp"
#include "trail/s3/memory_budget.hpp"
#include "trail/scan_worker.hpp"
#include "trail/shard.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace rg::trail::s3 {
namespace {

// A blocking FIFO with an optional bound on its length; close() lets the consumers drain it and stop.
template <typename T> class Queue {
public:
  explicit Queue(std::size_t capacity) : capacity_(capacity) {}

  void push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return capacity_ == 0 || items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) {
      return std::nullopt;
    }
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

struct ListedFile {
  TrailFile file;
  std::size_t index = 0;
};

struct FetchedFile {
  TrailFile file;
  std::size_t index = 0;
  std::string body;
  std::optional<Problem> problem; // the object could not be fetched
};

aws::S3Client make_client(const S3Connection& connection, const std::string& region) {
  aws::S3ClientOptions options = connection.client;
  options.region = region;
  return {options, connection.credentials, connection.make_transport(), connection.retry};
}

std::string get_failure(const aws::S3CallInfo& info) {
  const aws::AwsError& error = *info.error;
  if (error.code == "AccessDenied") {
    return fmt::format("{} denied on this object: {}", aws::s3_action("GetObject"), error.describe());
  }
  if (error.http_status == 404) {
    return fmt::format("gone between the listing and the GET: {}", error.describe());
  }
  return fmt::format("cannot fetch (GetObject, {} attempt{}): {}", info.attempts,
                     info.attempts == 1 ? "" : "s", error.describe());
}

struct Counters {
  std::atomic<std::size_t> listed{0};
  std::atomic<std::size_t> fetched{0};
  std::atomic<std::size_t> failed{0};
  std::atomic<std::size_t> attempts{0};
  std::atomic<std::size_t> throttled{0};
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<bool> listing_done{false};
};

} // namespace

TrailScanResult scan_s3(const TrailScanOptions& options, const EventMatcher& matcher,
                        const S3ScanSource& source) {
  prepare_scan();
  const auto started = std::chrono::steady_clock::now();
  const std::string& bucket = source.url.bucket;
  aws::S3Client lister_client = make_client(source.connection, source.connection.client.region);
  WalkCounts walked;
  const aws::S3CallInfo located = lister_client.locate_bucket(bucket);
  const std::string region = lister_client.region();

  Counters counters;
  std::vector<std::pair<std::string, std::uint64_t>> listed_objects; // with hash_inflated only
  Queue<ListedFile> keys(std::max<std::size_t>(1, source.key_queue));
  Queue<FetchedFile> fetched(0); // bounded by the memory budget, not by count
  MemoryBudget budget(source.memory_budget);

  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  const unsigned fetchers = std::max(1U, source.fetchers);
  std::vector<WorkerResult> results(threads);
  {
    std::vector<std::jthread> scanners;
    for (unsigned i = 0; i < threads; ++i) {
      scanners.emplace_back([&, i] {
        ScanWorker worker(options, matcher);
        while (auto item = fetched.pop()) {
          if (item->problem) {
            worker.fail(item->file, item->index, std::move(*item->problem));
          } else {
            worker.scan_bytes(item->file, item->index, item->body);
          }
          const std::uint64_t held = item->file.size;
          item.reset(); // the body goes before its bytes are given back
          budget.release(held);
        }
        results[i] = worker.finish();
      });
    }
    {
      std::vector<std::jthread> pool;
      for (unsigned i = 0; i < fetchers; ++i) {
        pool.emplace_back([&] {
          aws::S3Client client = make_client(source.connection, region);
          while (auto listed = keys.pop()) {
            budget.acquire(listed->file.size);
            const std::string_view key = std::string_view(listed->file.path).substr(bucket.size() + 6);
            aws::S3GetResult got = client.get_object(bucket, key);
            counters.attempts += static_cast<std::size_t>(got.info.attempts);
            counters.throttled += static_cast<std::size_t>(got.info.throttled);
            FetchedFile item{std::move(listed->file), listed->index, {}, std::nullopt};
            if (got.info.error) {
              ++counters.failed;
              item.problem = Problem{ProblemKind::kUnreadable, item.file.path, "", get_failure(got.info)};
            } else {
              ++counters.fetched;
              counters.bytes += got.body.size();
              item.body = std::move(got.body);
            }
            fetched.push(std::move(item));
          }
        });
      }
      std::jthread ticker;
      std::mutex tick_mutex;
      std::condition_variable tick;
      bool stop_ticker = false;
      const auto report = [&] {
        S3Progress progress;
        progress.listed = counters.listed;
        progress.fetched = counters.fetched;
        progress.failed = counters.failed;
        progress.bytes = counters.bytes;
        progress.listing_done = counters.listing_done;
        progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        source.progress(progress);
      };
      if (source.progress) {
        ticker = std::jthread([&] {
          std::unique_lock lock(tick_mutex);
          while (!tick.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_ticker; })) {
            report();
          }
        });
      }
      // This thread lists: keys go to the fetchers as they are found, so the first GETs start at once.
      if (located.error) {
        walked.problems.push_back(
            Problem{located.error->http_status == 404 ? ProblemKind::kAbsent : ProblemKind::kUnreadable,
                    object_url(bucket, source.url.prefix), "",
                    fmt::format("the bucket cannot be reached (HeadBucket): {}", located.error->describe())});
      } else {
        ClientLister lister(lister_client, bucket);
        const ShardSpec shard{options.shard_index, options.shard_count};
        std::size_t next_index = 0;
        walk_layout(
            source.url, options, lister,
            [&](TrailFile file) {
              // Every shard lists the same keys, so a key's index is its place among all of them: the merge
              // orders the shards' problems by it, as an unsharded run does. Another shard's key is never
              // fetched (walked.objects_listed still counts it: S3 listed it).
              const std::size_t index = next_index++;
              if (!in_shard(file, shard)) {
                return;
              }
              ++counters.listed;
              if (options.hash_inflated) {
                listed_objects.emplace_back(file.path, file.size);
              }
              keys.push(ListedFile{std::move(file), index});
            },
            walked);
      }
      counters.listing_done = true;
      keys.close();
      for (auto& thread : pool) {
        thread.join();
      }
      fetched.close();
      if (source.progress) {
        {
          const std::lock_guard lock(tick_mutex);
          stop_ticker = true;
        }
        tick.notify_all();
        ticker.join();
      }
      for (auto& thread : scanners) {
        thread.join();
      }
      if (source.progress) {
        report();
      }
    }
  }

  // Problems are ordered by object key, as a local scan orders them by path (fetch order is timing).
  std::vector<std::string> failed_paths;
  for (const WorkerResult& result : results) {
    for (const auto& [index, problem] : result.problems) {
      failed_paths.push_back(problem.file);
    }
  }
  std::sort(failed_paths.begin(), failed_paths.end());
  failed_paths.erase(std::unique(failed_paths.begin(), failed_paths.end()), failed_paths.end());
  for (WorkerResult& result : results) {
    for (auto& [index, problem] : result.problems) {
      index = static_cast<std::size_t>(
          std::lower_bound(failed_paths.begin(), failed_paths.end(), problem.file) - failed_paths.begin());
    }
  }

  DiscoveryResult discovered;
  discovered.skipped_digest = walked.skipped_digest;
  discovered.skipped_insight = walked.skipped_insight;
  discovered.skipped_other = walked.skipped_other;
  discovered.pruned = walked.pruned;
  discovered.problems = std::move(walked.problems);
  if (options.on_parts) {
    options.on_parts(discovered, results);
  }
  TrailScanResult result = assemble_result(std::move(discovered), results);
  S3ReadCounts s3;
  s3.bucket = bucket;
  s3.region =
      lister_client.region(); // as the listing last found it (a redirect after HeadBucket corrects it)
  s3.list_requests = walked.list_requests;
  s3.objects_listed = walked.objects_listed;
  s3.objects_fetched = counters.fetched;
  s3.objects_failed = counters.failed;
  s3.get_attempts = counters.attempts;
  s3.throttled = counters.throttled;
  s3.bytes_fetched = counters.bytes;
  result.summary.s3 = std::move(s3);
  result.listed_objects = std::move(listed_objects);
  return result;
}

} // namespace rg::trail::s3
