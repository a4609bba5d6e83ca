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

struct LocalDigest {
  std::string path;
  std::string suffix; // from AWSLogs/ on
  std::string root;   // what comes before it ("" or ending in '/')
  std::string organization_id;
  DigestName name;
};

struct LocalLog {
  std::string path;
  std::uint64_t size = 0;
};

struct Inventory {
  std::vector<LocalDigest> digests;
  std::map<std::string, LocalLog> logs;              // by path
  std::multimap<std::string, std::string> log_names; // file name -> path, to tell moved from deleted
  std::vector<Problem> problems;
};

std::string file_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::optional<TimePoint> stamp_time(std::string_view stamp) {
  if (stamp.size() != 16) {
    return std::nullopt;
  }
  return parse_iso8601(fmt::format("{}-{}-{}T{}:{}:{}Z", stamp.substr(0, 4), stamp.substr(4, 2),
                                   stamp.substr(6, 2), stamp.substr(9, 2), stamp.substr(11, 2),
                                   stamp.substr(13, 2)));
}

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
    inventory_.logs[text] = {text, error ? 0 : size};
    inventory_.log_names.emplace(file_name(text), text);
  }

  Inventory& inventory_;
};

struct LogJob {
  std::size_t entry = 0; // index into result.logs
  std::string expected;  // hashValue
  std::uint64_t cap = 0;
  const std::string* known = nullptr; // the scan's hash of the same bytes, when it had one
};

// One chain: the digests of one trail, account, region and kind (regular or backfill) under one root.
class ChainWalker {
public:
  ChainWalker(const ValidationOptions& options, const Inventory& inventory, IntegrityResult& result,
              std::set<std::string>& visited, std::map<std::string, std::size_t>& listed,
              std::vector<LogJob>& jobs)
      : options_(options), inventory_(inventory), result_(result), visited_(visited), listed_(listed),
        jobs_(jobs) {}

  void walk(std::vector<const LocalDigest*> pending) {
    // Oldest first, so the newest is at the back and "the next older one" is a pop.
    std::sort(pending.begin(), pending.end(), [](const auto* a, const auto* b) {
      return std::tie(a->name.end_stamp, a->path) < std::tie(b->name.end_stamp, b->path);
    });
    pending_ = std::move(pending);
    const LocalDigest& newest = *pending_.back();
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

  static Target target_of(const LocalDigest& digest) {
    return {digest.path,  digest.suffix, {}, digest.name.end_stamp,
            std::nullopt, std::nullopt,  {}, std::nullopt};
  }

  // The newest digest not yet visited that is older than `stamp` (validate-logs' next key in the listing).
  std::optional<Target> older_than(const std::string& stamp) {
    while (!pending_.empty()) {
      const LocalDigest* digest = pending_.back();
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
    DigestCheck check =
        check_digest({target.path, target.suffix, bucket_, chain_->name.backfill, options_.keys});
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
      } else if (std::error_code error; fs::is_regular_file(entry.file, error)) {
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
      } else if (const auto moved = moved_to(entry.file); !moved.empty()) {
        entry.status = LogStatus::kMoved;
        entry.reason = fmt::format("not where the digest lists it; found at {}", moved);
        listed_[moved] = result_.logs.size(); // not "not covered" as well
      } else {
        entry.status = LogStatus::kDeleted;
        entry.reason = fmt::format("not found; {} lists it", digest_path);
      }
      listed_[entry.file] = result_.logs.size();
      result_.logs.push_back(std::move(entry));
    }
  }

  std::string moved_to(const std::string& path) const {
    const auto [begin, end] = inventory_.log_names.equal_range(file_name(path));
    for (auto it = begin; it != end; ++it) {
      if (it->second != path && !listed_.contains(it->second)) {
        return it->second;
      }
    }
    return {};
  }

  const ValidationOptions& options_;
  const Inventory& inventory_;
  IntegrityResult& result_;
  std::set<std::string>& visited_;
  std::map<std::string, std::size_t>& listed_;
  std::vector<LogJob>& jobs_;
  std::vector<const LocalDigest*> pending_;
  const LocalDigest* chain_ = nullptr;
  std::string bucket_;
};

void hash_logs(const std::vector<LogJob>& jobs, unsigned threads, IntegrityResult& result) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> hashed{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      const LogJob& job = jobs[i];
      LogEntry& entry = result.logs[job.entry]; // each entry has one job: no two threads touch it
      if (job.known != nullptr) {
        if (*job.known != job.expected) {
          entry.status = LogStatus::kModified;
          entry.reason =
              fmt::format("SHA-256 {} is not the hashValue {} in {}", *job.known, job.expected, entry.digest);
        }
        continue;
      }
      auto hash = hash_inflated_file(entry.file, job.cap);
      if (!hash) {
        entry.status = LogStatus::kModified;
        entry.reason =
            fmt::format("does not inflate as the file CloudTrail delivered: {}", hash.error().message);
        continue;
      }
      hashed += hash->inflated;
      if (hash->hex != job.expected) {
        entry.status = LogStatus::kModified;
        entry.reason =
            fmt::format("SHA-256 {} is not the hashValue {} in {}", hash->hex, job.expected, entry.digest);
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

IntegrityResult validate_digests(const ValidationOptions& options) {
  IntegrityResult result;
  if (options.keys != nullptr) {
    result.problems = options.keys->problems;
  }
  Inventory inventory;
  InventoryWalker walker(inventory);
  for (const auto& path : options.paths) {
    walker.add(path);
  }
  result.problems.insert(result.problems.end(), inventory.problems.begin(), inventory.problems.end());

  // Chains by root, organization, account, region, trail, home region and kind.
  std::map<std::string, std::vector<const LocalDigest*>> chains;
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
    ChainWalker(options, inventory, result, visited, listed, jobs).walk(digests);
  }
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  hash_logs(jobs, threads, result);

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
