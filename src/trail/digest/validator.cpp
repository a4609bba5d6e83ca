#include "trail/digest/validator.hpp"

#include "trail/digest/digest_check.hpp"
#include "trail/digest/digest_name.hpp"
#include "trail/digest/log_hasher.hpp"
#include "trail/digest/signature_sidecar.hpp"
#include "trail/key_layout.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>

namespace rg::trail::digest {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxDepth = 64; // as in discovery: far beyond AWSLogs/o-org/account/.../dd
// As check_digest: a digest lists an hour of log files, a few KB.
constexpr std::size_t kMaxDigestBytes = std::size_t{64} << 20;

class InventoryWalker {
public:
  explicit InventoryWalker(Inventory& inventory) : inventory_(inventory) {}

  void add(const fs::path& path) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error && !fs::exists(status)) {
      inventory_.problems.push_back({ProblemKind::kAbsent, path.string(), "", "not found"});
    } else if (fs::is_directory(status)) {
      walk(path, 0);
    } else {
      consider(path);
    }
  }

private:
  void walk(const fs::path& folder, std::size_t depth) {
    auto entries = list_folder(folder);
    if (!entries) {
      inventory_.problems.push_back(entries.error());
      return;
    }
    for (const auto& entry : *entries) {
      const auto path = folder / entry.name;
      // Symlinked folders are not followed (a loop must not hang the run); the scan names them already.
      if (entry.is_directory && !entry.is_symlink && depth < kMaxDepth) {
        walk(path, depth + 1);
      } else if (entry.is_regular_file) {
        consider(path);
      }
    }
  }

  void consider(const fs::path& path) {
    const std::string text = path.generic_string();
    const auto suffix = layout_suffix(text);
    if (!suffix || text.ends_with(kSidecarSuffix)) {
      return;
    }
    const std::string root = text.substr(0, text.size() - suffix->size());
    if (text.find("/CloudTrail-Digest/") != std::string::npos) {
      if (auto name = parse_digest_name(file_name(text))) {
        inventory_.digests.push_back(
            {text, std::string(*suffix), root, parse_key(text).organization_id, std::move(*name)});
      }
      return;
    }
    const auto key = parse_key(text);
    if (key.kind != ObjectKind::kLog || key.account_id.empty() ||
        text.find("/CloudTrail/") == std::string::npos || !text.ends_with(".json.gz")) {
      return;
    }
    std::error_code error;
    const auto size = fs::file_size(path, error);
    inventory_.add_log(text, error ? 0 : size);
  }

  Inventory& inventory_;
};

struct LogJob {
  std::size_t entry = 0; // index into result.logs
  std::string expected;  // hashValue
  std::uint64_t cap = 0;
  const std::string* known = nullptr; // the scan's hash of the same bytes, when it had one
  bool absent = false;                // set by hash_logs: not there after all (moved or deleted)
};

// A folder on disk: digests and sidecars read as files, logs hashed with isa-l as they stream.
class LocalStore final : public DigestStore {
public:
  DigestBytes read_digest(const std::string& path) override {
    DigestBytes read;
    auto bytes = read_file(path, kMaxDigestBytes);
    if (!bytes) {
      read.outcome = bytes.error().kind == ProblemKind::kAbsent ? DigestBytes::Outcome::kAbsent
                                                                : DigestBytes::Outcome::kDamaged;
      read.message = bytes.error().message;
      return read;
    }
    read.bytes = std::move(*bytes);
    read.signature = read_signature_sidecar(path);
    return read;
  }

  LogPresence log_presence(const std::string& path) const override {
    std::error_code error;
    return fs::is_regular_file(path, error) ? LogPresence::kPresent : LogPresence::kAbsent;
  }

  LogRead hash_log(const std::string& path, std::uint64_t max_inflated) override {
    auto hash = hash_inflated_file(path, max_inflated);
    if (!hash) {
      return {LogRead::Outcome::kDamaged, {}, hash.error().message};
    }
    return {LogRead::Outcome::kHashed, std::move(*hash), {}};
  }
};

// Another file of the same name that no digest lists: where a listed log file went.
std::string moved_to(const Inventory& inventory, const std::map<std::string, std::size_t>& listed,
                     const std::string& path) {
  const auto [begin, end] = inventory.log_names.equal_range(file_name(path));
  for (auto it = begin; it != end; ++it) {
    if (it->second != path && !listed.contains(it->second)) {
      return it->second;
    }
  }
  return {};
}

// A listed log file that is not where its digest lists it: moved when a file of its name is elsewhere
// (that file, entry `index`, is then not reported again as not covered), else deleted.
void mark_absent(const Inventory& inventory, std::map<std::string, std::size_t>& listed, std::size_t index,
                 LogEntry& entry) {
  if (const auto moved = moved_to(inventory, listed, entry.file); !moved.empty()) {
    entry.status = LogStatus::kMoved;
    entry.reason = fmt::format("not where the digest lists it; found at {}", moved);
    listed[moved] = index; // not "not covered" as well
  } else {
    entry.status = LogStatus::kDeleted;
    entry.reason = fmt::format("not found; {} lists it", entry.digest);
  }
}

// One chain: the digests of one trail, account, region and kind (regular or backfill) under one root.
class ChainWalker {
public:
  ChainWalker(const ValidationOptions& options, const Inventory& inventory, DigestStore& store,
              IntegrityResult& result, std::set<std::string>& visited,
              std::map<std::string, std::size_t>& listed, std::vector<LogJob>& jobs)
      : options_(options), inventory_(inventory), store_(store), result_(result), visited_(visited),
        listed_(listed), jobs_(jobs) {}

  void walk(std::vector<const InventoryDigest*> pending) {
    // Oldest first, so the newest is at the back and "the next older one" is a pop.
    std::sort(pending.begin(), pending.end(), [](const auto* a, const auto* b) {
      return std::tie(a->name.end_stamp, a->path) < std::tie(b->name.end_stamp, b->path);
    });
    store_.prefetch(pending);
    pending_ = std::move(pending);
    const InventoryDigest& newest = *pending_.back();
    chain_ = &newest;
    bucket_ = options_.bucket;
    std::optional<Target> target = target_of(*pending_.back());
    pending_.pop_back();
    while (target) {
      target = visit(*target);
    }
  }

private:
  struct Target {
    std::string path;
    std::string suffix;
    std::string key;
    std::string stamp;
    std::optional<std::string> expected_hash;      // what the newer digest recorded
    std::optional<std::string> expected_signature; // likewise
    std::string newer;                             // the newer digest's path
    std::optional<TimePoint> newer_start;
  };

  static Target target_of(const InventoryDigest& digest) {
    return {digest.path,  digest.suffix, {}, digest.name.end_stamp,
            std::nullopt, std::nullopt,  {}, std::nullopt};
  }

  // The newest digest not yet visited that is older than `stamp` (validate-logs' next key in the listing).
  std::optional<Target> older_than(const std::string& stamp) {
    while (!pending_.empty()) {
      const InventoryDigest* digest = pending_.back();
      pending_.pop_back();
      if (!visited_.contains(digest->path) && digest->name.end_stamp < stamp) {
        return target_of(*digest);
      }
    }
    return std::nullopt;
  }

  void add_gap(GapKind kind, std::optional<TimePoint> from, std::optional<TimePoint> to,
               const std::string& after, std::string message) {
    result_.gaps.push_back({kind, chain_->name.account_id, chain_->name.region, chain_->name.trail_name,
                            chain_->name.backfill, from, to, after, std::move(message), 0});
  }

  std::optional<Target> visit(const Target& target) {
    visited_.insert(target.path);
    DigestEntry entry;
    entry.file = target.path;
    entry.key = target.key;
    entry.backfill = chain_->name.backfill;
    entry.account_id = chain_->name.account_id;
    entry.region = chain_->name.region;
    entry.trail = chain_->name.trail_name;
    entry.end = stamp_time(target.stamp);
    if (entry.end) {
      entry.start = *entry.end - std::chrono::hours{1}; // until the digest says better
    }
    DigestCheck check = check_digest_bytes(
        {target.path, target.suffix, bucket_, chain_->name.backfill, options_.keys, options_.no_keys_reason},
        store_.read_digest(target.path));
    if (check.document) {
      entry.start = check.document->start_time;
      entry.end = check.document->end_time;
      entry.key = check.document->object;
    }
    const bool usable = check.status == DigestStatus::kValid || check.status == DigestStatus::kUnsigned;
    if (usable && bucket_.empty()) {
      // Learned from the first digest that passes: a planted one naming another bucket must not turn the
      // whole genuine chain into "moved".
      bucket_ = check.document->bucket;
    }
    if (usable && target.expected_hash && *target.expected_hash != check.sha256) {
      check.status = DigestStatus::kModified;
      check.reason = fmt::format("its SHA-256 {} is not the previousDigestHashValue {} that {} recorded",
                                 check.sha256, *target.expected_hash, target.newer);
    } else if (usable && target.expected_signature && !check.signature_hex.empty() &&
               !equal_hex(*target.expected_signature, check.signature_hex)) {
      check.status = DigestStatus::kModified;
      check.reason =
          fmt::format("its signature is not the previousDigestSignature that {} recorded", target.newer);
    }
    entry.status = check.status;
    entry.reason = check.reason;
    if (check.status == DigestStatus::kDeleted && !target.newer.empty()) {
      entry.reason = fmt::format("not found; {} points to it", target.newer);
      add_gap(GapKind::kMissingLink, entry.start, target.newer_start, target.newer,
              fmt::format("digest {} is missing", target.key));
    }
    std::optional<Target> next;
    if (check.status != DigestStatus::kValid && check.status != DigestStatus::kUnsigned) {
      next = older_than(target.stamp);
    } else {
      const DigestDocument& doc = *check.document;
      entry.log_files = doc.log_files.size();
      queue_logs(doc, target.path);
      next = previous_of(doc, target);
    }
    result_.digests.push_back(std::move(entry));
    return next;
  }

  std::optional<Target> previous_of(const DigestDocument& doc, const Target& target) {
    if (!doc.previous_bucket || !doc.previous_object) {
      auto next = older_than(target.stamp);
      if (next) {
        add_gap(GapKind::kRestarted, stamp_time(next->stamp), doc.start_time, target.path,
                fmt::format("the chain starts again at {}: no digest links it to {} and what came before "
                            "(logging or validation was off, or digests were replaced)",
                            target.path, next->path));
      }
      return next;
    }
    if (*doc.previous_bucket != bucket_) {
      result_.digests.push_back(
          {"", *doc.previous_object, DigestStatus::kOtherBucket,
           fmt::format("in bucket {}, not in this copy of {}", *doc.previous_bucket, bucket_),
           chain_->name.backfill, chain_->name.account_id, chain_->name.region, chain_->name.trail_name,
           std::nullopt, std::nullopt, 0, 0});
      add_gap(GapKind::kOtherBucket, std::nullopt, doc.start_time, target.path,
              fmt::format("the chain goes on in s3://{}/{}", *doc.previous_bucket, *doc.previous_object));
      return older_than(target.stamp);
    }
    const auto suffix = layout_suffix(*doc.previous_object);
    const auto name = parse_digest_name(file_name(*doc.previous_object));
    const std::string path = suffix ? chain_->root + std::string(*suffix) : std::string();
    if (suffix && name && !visited_.contains(path) && !store_.in_window(path)) {
      return older_than(target.stamp); // older than what was listed: the walk ends here, as validate-logs'
    }
    if (!suffix || !name || visited_.contains(path)) {
      add_gap(GapKind::kMissingLink, std::nullopt, doc.start_time, target.path,
              !suffix || !name
                  ? fmt::format("previousDigestS3Object {} is not a digest key", *doc.previous_object)
                  : fmt::format("the chain loops back to {}", path));
      return older_than(target.stamp);
    }
    return Target{path,
                  std::string(*suffix),
                  *doc.previous_object,
                  name->end_stamp,
                  doc.previous_hash_value.empty() ? std::nullopt : std::optional(doc.previous_hash_value),
                  doc.previous_signature,
                  target.path,
                  doc.start_time};
  }

  static bool equal_hex(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return (x | 0x20) == (y | 0x20); // hex digits only: case folds without a locale
           });
  }

  void queue_logs(const DigestDocument& doc, const std::string& digest_path) {
    for (const auto& log : doc.log_files) {
      LogEntry entry;
      entry.key = log.object;
      entry.account_id = chain_->name.account_id;
      entry.region = chain_->name.region;
      entry.digest = digest_path;
      entry.oldest_event = log.oldest_event;
      entry.newest_event = log.newest_event;
      entry.digest_start = doc.start_time;
      entry.digest_end = doc.end_time;
      const auto suffix = layout_suffix(log.object);
      entry.file =
          suffix ? chain_->root + std::string(*suffix) : fmt::format("s3://{}/{}", log.bucket, log.object);
      if (listed_.contains(entry.file)) {
        continue; // listed again (a backfill digest): checked once
      }
      if (log.bucket != bucket_ || !suffix) {
        entry.status = LogStatus::kUnchecked;
        entry.reason = log.bucket != bucket_ ? fmt::format("in bucket {}, not in this copy", log.bucket)
                                             : "not a key in the CloudTrail layout";
      } else if (const LogPresence presence = store_.log_presence(entry.file);
                 presence != LogPresence::kAbsent) {
        const auto found = inventory_.logs.find(entry.file);
        const std::uint64_t size = found != inventory_.logs.end() ? found->second.size : 0;
        const std::uint64_t proportionate =
            size > UINT64_MAX / options_.bomb_ratio ? UINT64_MAX : size * options_.bomb_ratio;
        const std::string* known = nullptr;
        if (options_.known_hashes != nullptr) {
          const auto hashed = options_.known_hashes->find(entry.file);
          known = hashed != options_.known_hashes->end() ? &hashed->second : nullptr;
        }
        jobs_.push_back(
            {result_.logs.size(), log.hash_value, std::max(proportionate, options_.bomb_floor), known});
      } else {
        mark_absent(inventory_, listed_, result_.logs.size(), entry);
      }
      listed_[entry.file] = result_.logs.size();
      result_.logs.push_back(std::move(entry));
    }
  }

  const ValidationOptions& options_;
  const Inventory& inventory_;
  DigestStore& store_;
  IntegrityResult& result_;
  std::set<std::string>& visited_;
  std::map<std::string, std::size_t>& listed_;
  std::vector<LogJob>& jobs_;
  std::vector<const InventoryDigest*> pending_;
  const InventoryDigest* chain_ = nullptr;
  std::string bucket_;
};

void hash_logs(std::vector<LogJob>& jobs, DigestStore& store, unsigned threads, IntegrityResult& result) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> hashed{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      LogJob& job = jobs[i];
      LogEntry& entry = result.logs[job.entry]; // each entry has one job: no two threads touch it
      if (job.known != nullptr) {
        if (*job.known != job.expected) {
          entry.status = LogStatus::kModified;
          entry.reason =
              fmt::format("SHA-256 {} is not the hashValue {} in {}", *job.known, job.expected, entry.digest);
        }
        continue;
      }
      LogRead read = store.hash_log(entry.file, job.cap);
      switch (read.outcome) {
      case LogRead::Outcome::kAbsent:
        job.absent = true; // moved or deleted: decided once every job is done (it needs the whole listing)
        continue;
      case LogRead::Outcome::kUnreadable:
        entry.status = LogStatus::kUnchecked;
        entry.reason = fmt::format("not checked: {}", read.message);
        continue;
      case LogRead::Outcome::kDamaged:
        entry.status = LogStatus::kModified;
        entry.reason = fmt::format("does not inflate as the file CloudTrail delivered: {}", read.message);
        continue;
      case LogRead::Outcome::kHashed:
        break;
      }
      hashed += read.hash.inflated;
      if (read.hash.hex != job.expected) {
        entry.status = LogStatus::kModified;
        entry.reason = fmt::format("SHA-256 {} is not the hashValue {} in {}", read.hash.hex, job.expected,
                                   entry.digest);
      }
    }
  };
  const unsigned count = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < count; ++i) {
    workers.emplace_back(work);
  }
  work();
  for (auto& worker : workers) {
    worker.join();
  }
  result.summary.bytes_hashed = hashed;
}

} // namespace

void Inventory::add_log(std::string path, std::uint64_t size) {
  log_names.emplace(file_name(path), path);
  InventoryLog log{path, size};
  logs.insert_or_assign(std::move(path), std::move(log));
}

IntegrityResult validate_digests(const ValidationOptions& options) {
  Inventory inventory;
  InventoryWalker walker(inventory);
  for (const auto& path : options.paths) {
    walker.add(path);
  }
  LocalStore store;
  return validate_inventory(inventory, store, options);
}

IntegrityResult validate_inventory(const Inventory& inventory, DigestStore& store,
                                   const ValidationOptions& options) {
  IntegrityResult result;
  if (options.keys != nullptr) {
    result.problems = options.keys->problems;
  }
  result.problems.insert(result.problems.end(), options.problems.begin(), options.problems.end());
  result.problems.insert(result.problems.end(), inventory.problems.begin(), inventory.problems.end());

  // Chains by root, organization, account, region, trail, home region and kind.
  std::map<std::string, std::vector<const InventoryDigest*>> chains;
  for (const auto& digest : inventory.digests) {
    const auto& n = digest.name;
    chains[fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}", digest.root, digest.organization_id, n.account_id,
                       n.region, n.trail_name, n.home_region, n.backfill)]
        .push_back(&digest);
  }
  std::set<std::string> visited;
  std::map<std::string, std::size_t> listed;
  std::vector<LogJob> jobs;
  for (auto& [key, digests] : chains) {
    ChainWalker(options, inventory, store, result, visited, listed, jobs).walk(digests);
  }
  const unsigned threads = store.hash_parallelism(
      options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency()));
  hash_logs(jobs, store, threads, result);
  for (const LogJob& job : jobs) {
    if (job.absent) {
      mark_absent(inventory, listed, job.entry, result.logs[job.entry]);
    }
  }

  for (const auto& [path, log] : inventory.logs) {
    if (!listed.contains(path)) {
      const auto key = parse_key(path);
      result.logs.push_back({path,
                             {},
                             LogStatus::kNotCovered,
                             "no checked digest lists it (validation was off, its digest is missing or "
                             "invalid, it is newer than the last digest, or it was added)",
                             key.account_id,
                             key.region,
                             {},
                             std::nullopt,
                             std::nullopt,
                             std::nullopt,
                             std::nullopt,
                             0});
    }
  }
  for (const auto& digest : inventory.digests) {
    if (!visited.contains(digest.path)) {
      result.digests.push_back(
          {digest.path, std::string(digest.suffix), DigestStatus::kNotInChain,
           "no digest of its chain links to it (a digest planted, or one from a chain whose "
           "links were replaced)",
           digest.name.backfill, digest.name.account_id, digest.name.region, digest.name.trail_name,
           std::nullopt, stamp_time(digest.name.end_stamp), 0, 0});
    }
  }
  const auto by_file = [](const auto& a, const auto& b) {
    return std::tie(a.file, a.key) < std::tie(b.file, b.key);
  };
  std::sort(result.digests.begin(), result.digests.end(), by_file);
  std::sort(result.logs.begin(), result.logs.end(), by_file);
  result.count();
  return result;
}

} // namespace rg::trail::digest
