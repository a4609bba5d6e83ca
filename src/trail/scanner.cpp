#include "trail/scanner.hpp"

#include "trail/discovery.hpp"
#include "trail/scan_worker.hpp"
#include "trail/shard.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace rg::trail {

StoredEvent store_event(const EventView& event, std::vector<std::string_view>& ids,
                        const std::optional<TimePoint>& time, EvidencePool::Handle file, EvidencePool& pool) {
  StoredEvent out;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  out.detections = pool.intern_ids(ids);
  out.event_id = pool.store(event.event_id);
  out.account_id = pool.intern(event.account());
  out.event_time = pool.intern(event.event_time); // events of one second share it
  out.time = time.value_or(TimePoint{});
  out.time_known = time.has_value();
  out.event_name = pool.intern(event.event_name);
  out.event_source = pool.intern(event.event_source);
  out.event_type = pool.intern(event.event_type);
  out.source_ip = pool.intern(event.source_ip);
  out.user_agent = pool.intern(event.user_agent);
  out.region = pool.intern(event.aws_region);
  out.user_type = pool.intern(event.user.type);
  out.user_arn = pool.intern(event.user.arn);
  out.invoked_by = pool.intern(event.user.invoked_by);
  out.assumed_root = event.user.assumed_root || event.user.in_scope_issuer_type == "AWS::STS::AssumeRoot";
  out.error_code = pool.intern(event.error_code);
  out.error_message = pool.intern(event.error_message);
  out.console_login = pool.intern(event.console_login);
  out.mfa_used = pool.intern(event.mfa_used);
  out.mfa_authenticated = pool.intern(event.user.mfa_authenticated);
  out.task_policy_arn = pool.intern(event.task_policy_arn);
  out.target_principal = pool.intern(event.target_principal);
  out.file = file;
  return out;
}

TrailScanResult scan_files(const TrailScanOptions& options, const EventMatcher& matcher) {
  prepare_scan();
  DiscoveryResult discovered = discover_files(options);
  // A shard reads its own files; each keeps its index among all the files, so problems stay in path order.
  std::vector<std::size_t> mine;
  const ShardSpec shard{options.shard_index, options.shard_count};
  for (std::size_t index = 0; index < discovered.files.size(); ++index) {
    if (in_shard(discovered.files[index], shard)) {
      mine.push_back(index);
    }
  }
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, mine.size())));
  std::vector<WorkerResult> workers(threads);
  std::atomic<std::size_t> next{0};
  // Progress: whichever worker finishes a file past the next half second reports, under a mutex so the
  // callback never runs twice at once.
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  const std::int64_t every_ms = options.progress_every_ms;
  std::atomic<std::size_t> done{0};
  std::atomic<std::int64_t> next_report_ms{every_ms};
  std::atomic<bool> reported{false};
  std::mutex report_mutex;
  const auto elapsed_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  };
  const auto report = [&](std::size_t files_done, std::int64_t ms, bool finished) {
    const std::scoped_lock lock(report_mutex);
    options.progress({files_done, mine.size(), static_cast<double>(ms) / 1000.0, finished});
  };
  const auto run_worker = [&](WorkerResult& out) {
    ScanWorker worker(options, matcher);
    for (std::size_t next_file = next.fetch_add(1); next_file < mine.size(); next_file = next.fetch_add(1)) {
      const std::size_t index = mine[next_file];
      worker.scan(discovered.files[index], index);
      const std::size_t files_done = done.fetch_add(1) + 1;
      if (options.progress) {
        const auto ms = elapsed_ms();
        auto due = next_report_ms.load();
        if (ms >= due && next_report_ms.compare_exchange_strong(due, ms + every_ms)) {
          reported = true;
          report(files_done, ms, false);
        }
      }
    }
    out = worker.finish();
  };
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned i = 1; i < threads; ++i) {
      pool.emplace_back([&, i] { run_worker(workers[i]); });
    }
    run_worker(workers[0]); // this thread is a worker too
  }                         // jthreads join here
  if (options.progress && reported) {
    report(done.load(), elapsed_ms(), true);
  }
  if (options.on_parts) {
    options.on_parts(discovered, workers);
  }
  return assemble_result(std::move(discovered), workers);
}

} // namespace rg::trail
