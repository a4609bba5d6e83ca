#include "trail/scan_worker.hpp"

#include "trail/file_scanner.hpp"
#include "util/fatal_error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <unordered_map>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rg::trail {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool problem_order(const Problem& a, const Problem& b) {
  return std::tie(a.file, a.where, a.message) < std::tie(b.file, b.where, b.message);
}

void keep_first_problems(std::vector<Problem>& problems, std::size_t count) {
  std::sort(problems.begin(), problems.end(), problem_order);
  if (problems.size() > count) {
    problems.resize(count);
  }
}

// Per worker: filters each record, asks the matcher, and keeps evidence only for matches.
class MatchingSink final : public EventSink {
public:
  MatchingSink(const TrailScanOptions& options, const EventMatcher& matcher)
      : options_(options), matcher_(matcher) {}

  void set_file(std::string_view file) {
    file_ = file;
    file_handle_ = pool.intern(file);
  }

  void checkpoint() override {
    commit();
    checkpoint_candidates_ = candidates;
    checkpoint_matched_ = matched.size();
    checkpoint_unknown_time_ = unknown_time;
  }

  void rewind() override {
    candidates = checkpoint_candidates_;
    matched.resize(checkpoint_matched_);
    unknown_time = checkpoint_unknown_time_;
    pending_time_problems_.clear();
  }

  // Keeps the kListed first problems by (file, place), not the first met: which worker meets which file
  // first must not change the list.
  void commit() {
    std::move(pending_time_problems_.begin(), pending_time_problems_.end(),
              std::back_inserter(time_problems));
    pending_time_problems_.clear();
    if (time_problems.size() >= 2 * kListedUnknownTimes) {
      keep_first_problems(time_problems, kListedUnknownTimes);
    }
  }

  static constexpr std::size_t kListedUnknownTimes = 50; // per worker; the rest are counted

  bool wants(const EventView& partial) override { return matcher_.may_match(partial); }

  void on_event(const EventView& event) override {
    if (!options_.accounts.empty() && !contains(options_.accounts, event.account())) {
      return;
    }
    if (!options_.regions.empty() && !contains(options_.regions, event.aws_region)) {
      return;
    }
    const auto time = parse_iso8601(event.event_time);
    // An event whose time cannot be read is kept whatever --since/--until say: dropping it would let a
    // forged eventTime hide the event; it is flagged instead.
    if (time &&
        ((options_.since && *time < *options_.since) || (options_.until && *time > *options_.until))) {
      return;
    }
    ++candidates;
    ids_.clear();
    matcher_.match(event, ids_);
    if (ids_.empty()) {
      return;
    }
    matched.push_back(store_event(event, ids_, time, file_handle_, pool));
    if (!time) {
      ++unknown_time;
      pending_time_problems_.push_back(unknown_time_problem(event));
    }
  }

  std::size_t candidates = 0;
  EvidencePool pool; // what rewind() forgets stays here unreferenced: damage is rare, and small
  std::vector<StoredEvent> matched;
  std::size_t unknown_time = 0;
  std::vector<Problem> time_problems; // matched events with an unreadable time (the first ones, see commit)

private:
  Problem unknown_time_problem(const EventView& event) const {
    return Problem{
        ProblemKind::kInvalid, std::string(file_), fmt::format("eventID {}", event.event_id),
        fmt::format("{}: the event is kept with its time unknown (never read as 1970, not filtered by "
                    "--since/--until)",
                    event.event_time.empty() ? std::string("no eventTime")
                                             : fmt::format("eventTime \"{}\" is not an ISO 8601 time",
                                                           event.event_time.substr(0, 64)))};
  }

  const TrailScanOptions& options_;
  const EventMatcher& matcher_;
  std::string_view file_;
  EvidencePool::Handle file_handle_ = 0;
  std::size_t checkpoint_candidates_ = 0;
  std::size_t checkpoint_matched_ = 0;
  std::size_t checkpoint_unknown_time_ = 0;
  std::vector<Problem> pending_time_problems_; // since the last checkpoint: rewind() drops them
  std::vector<std::string_view> ids_;          // reused: no allocation per event
};

// Events with an unknown time go last (not first, as 1970 would).
bool event_order(const MatchedEvents& events, const StoredEvent& a, const StoredEvent& b) {
  const bool a_unknown = !a.time_known;
  const bool b_unknown = !b.time_known;
  if (a_unknown != b_unknown || a.time != b.time) {
    return std::tie(a_unknown, a.time) < std::tie(b_unknown, b.time);
  }
  const auto key = [&](const StoredEvent& e) {
    return std::tuple(events.text(e, e.event_id), events.text(e, e.account_id), events.text(e, e.file));
  };
  return key(a) < key(b);
}

// The same event reaches us twice when an organization trail and an account trail both log it: keep one,
// with the union of the detections. In place, with a hash per event rather than a copy of each key: with a
// million matches the copies cost more than the events (issue 10).
std::size_t remove_duplicates(MatchedEvents& events) {
  auto& stored = events.stored;
  std::unordered_multimap<std::size_t, std::size_t> first_seen; // hash of (eventID, account) -> kept index
  first_seen.reserve(stored.size());
  std::size_t kept = 0;
  std::size_t duplicates = 0;
  std::vector<std::string_view> merged;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    StoredEvent& event = stored[i];
    const std::string_view id = events.text(event, event.event_id);
    const std::string_view account = events.text(event, event.account_id);
    if (!id.empty()) {
      const std::size_t hash = std::hash<std::string_view>{}(id)*31 + std::hash<std::string_view>{}(account);
      auto [begin, end] = first_seen.equal_range(hash);
      auto same = std::find_if(begin, end, [&](const auto& entry) {
        const StoredEvent& other = stored[entry.second];
        return events.text(other, other.event_id) == id && events.text(other, other.account_id) == account;
      });
      if (same != end) {
        ++duplicates;
        StoredEvent& first = stored[same->second];
        EvidencePool& pool = events.pools[first.pool];
        const auto a = pool.ids(first.detections);
        const auto b = events.pools[event.pool].ids(event.detections);
        merged.assign(a.begin(), a.end());
        merged.insert(merged.end(), b.begin(), b.end());
        std::sort(merged.begin(), merged.end());
        merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
        first.detections = pool.intern_ids(merged);
        continue;
      }
      first_seen.emplace(hash, kept);
    }
    if (kept != i) {
      stored[kept] = event;
    }
    ++kept;
  }
  stored.resize(kept);
  stored.shrink_to_fit();
  return duplicates;
}

} // namespace

struct ScanWorker::State {
  State(const TrailScanOptions& options, const EventMatcher& matcher)
      : scanner(options), sink(options, matcher) {}
  FileScanner scanner;
  MatchingSink sink;
  WorkerResult result;

  void record(const TrailFile& file, std::size_t index, FileOutcome outcome) {
    ++result.files;
    result.events += outcome.events;
    result.bytes_read += file.size;
    result.bytes_inflated += outcome.bytes_inflated;
    result.damaged += outcome.damaged;
    result.files_failed += outcome.problems.empty() ? 0 : 1;
    for (Problem& problem : outcome.problems) {
      result.problems.emplace_back(index, std::move(problem));
    }
    if (!outcome.inflated_sha256.empty()) {
      result.hashes.emplace_back(file.path, std::move(outcome.inflated_sha256));
    }
  }
};

ScanWorker::ScanWorker(const TrailScanOptions& options, const EventMatcher& matcher)
    : state_(std::make_unique<State>(options, matcher)) {}

ScanWorker::~ScanWorker() = default;

void ScanWorker::scan(const TrailFile& file, std::size_t index) {
  state_->sink.set_file(file.path);
  state_->record(file, index, state_->scanner.scan(file, state_->sink));
}

void ScanWorker::scan_bytes(const TrailFile& file, std::size_t index, std::span<const char> bytes) {
  state_->sink.set_file(file.path);
  state_->record(file, index, state_->scanner.scan_bytes(file, bytes, state_->sink));
}

void ScanWorker::fail(const TrailFile& file, std::size_t index, Problem problem) {
  FileOutcome outcome;
  outcome.problems.push_back(std::move(problem));
  state_->record(file, index, std::move(outcome));
}

WorkerResult ScanWorker::finish() {
  MatchingSink& sink = state_->sink;
  WorkerResult& result = state_->result;
  sink.commit();
  result.candidates = sink.candidates;
  result.matched = std::move(sink.matched);
  result.pool = std::move(sink.pool);
  result.unknown_time = sink.unknown_time;
  result.time_problems = std::move(sink.time_problems);
  return std::move(result);
}

void prepare_scan() {
#if defined(RG_TRAIL_NEEDS_AVX2)
  // The JSON reader was compiled for AVX2; on an older CPU say so instead of dying on an illegal instruction.
  if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("bmi") ||
      !__builtin_cpu_supports("pclmul")) {
    throw FatalError(ExitCode::kError,
                     "this build of rootguard's CloudTrail reader needs an x86-64 CPU with AVX2; "
                     "rebuild with -DROOTGUARD_TRAIL_AVX2=OFF");
  }
#endif
#if defined(__GLIBC__)
  // Large buffers come from mmap and go back to the system when freed. glibc otherwise raises its mmap
  // threshold after the first big free, and each worker's arena then keeps its largest buffer for good.
  mallopt(M_MMAP_THRESHOLD, 1 << 20); // NOLINT(concurrency-mt-unsafe): before any worker starts
#endif
}

TrailScanResult assemble_result(DiscoveryResult discovered, std::vector<WorkerResult>& workers) {
  TrailScanResult result;
  TrailSummary& summary = result.summary;
  summary.skipped_digest = discovered.skipped_digest;
  summary.skipped_insight = discovered.skipped_insight;
  summary.skipped_other = discovered.skipped_other;
  summary.skipped = discovered.skipped_digest + discovered.skipped_insight + discovered.skipped_other;
  summary.pruned = discovered.pruned;
  summary.errors = std::move(discovered.problems);
  std::vector<std::pair<std::size_t, Problem>> problems;
  for (WorkerResult& worker : workers) {
    summary.files += worker.files;
    summary.events += worker.events;
    summary.candidates += worker.candidates;
    summary.damaged += worker.damaged;
    summary.files_failed += worker.files_failed;
    summary.bytes_read += worker.bytes_read;
    summary.bytes_inflated += worker.bytes_inflated;
    std::move(worker.problems.begin(), worker.problems.end(), std::back_inserter(problems));
    for (auto& [path, hash] : worker.hashes) {
      result.inflated_sha256.emplace(std::move(path), std::move(hash));
    }
  }
  // Moved with room reserved, each worker's vector freed as it goes: never two copies of a large result.
  // Each worker's pool moves along; its events say which pool is theirs.
  std::size_t total = 0;
  for (const WorkerResult& worker : workers) {
    total += worker.matched.size();
  }
  result.events.stored.reserve(total);
  for (WorkerResult& worker : workers) {
    const auto pool = static_cast<std::uint16_t>(result.events.pools.size());
    for (StoredEvent& event : worker.matched) {
      event.pool = pool;
      result.events.stored.push_back(event);
    }
    std::vector<StoredEvent>().swap(worker.matched);
    result.events.pools.push_back(std::move(worker.pool));
  }
  // Stable: a file's own problems stay in file order.
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, problem] : problems) {
    summary.errors.push_back(std::move(problem));
  }
  // Unreadable event times, in a deterministic order (workers meet files in any order).
  std::vector<Problem> time_problems;
  for (WorkerResult& worker : workers) {
    summary.unknown_time += worker.unknown_time;
    std::move(worker.time_problems.begin(), worker.time_problems.end(), std::back_inserter(time_problems));
  }
  keep_first_problems(time_problems, MatchingSink::kListedUnknownTimes);
  std::move(time_problems.begin(), time_problems.end(), std::back_inserter(summary.errors));
  if (summary.unknown_time > time_problems.size()) {
    summary.errors.push_back(
        Problem{ProblemKind::kInvalid, "", "",
                fmt::format("{} more matched events with an unreadable eventTime (not listed)",
                            summary.unknown_time - time_problems.size())});
  }
  std::sort(result.events.stored.begin(), result.events.stored.end(),
            [&](const StoredEvent& a, const StoredEvent& b) { return event_order(result.events, a, b); });
  summary.duplicates = remove_duplicates(result.events);
  summary.matched = result.events.size();
  return result;
}

} // namespace rg::trail
