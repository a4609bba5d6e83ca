#include "pipeline/run_trail_scan.hpp"

#include "detections/catalog.hpp"
#include "detections/trail_scan.hpp"
#include "mutelist/apply_mutelist.hpp"
#include "pipeline/run_scan.hpp"
#include "pipeline/trail_findings.hpp"
#include "pipeline/trail_part.hpp"
#include "trail/digest/root_periods.hpp"
#include "trail/digest/validator.hpp"
#include "trail/s3/s3_digests.hpp"
#include "util/fatal_error.hpp"

#include <fmt/format.h>

namespace rg::pipeline {
namespace {

// Every (event, detection) finding through the mutelist; only the muted ones are kept, in event order.
void mute_events(const mutelist::Mutelist& mutes, mutelist::Date today, report::TrailReport& report) {
  mutelist::Muter muter(mutes, today);
  const auto& events = report.result.events;
  for (std::size_t index = 0; index < events.size(); ++index) {
    const auto event = events[index];
    for (const auto id : event.detections) {
      const auto* detection = detections::find_detection(id);
      if (detection == nullptr) {
        continue;
      }
      if (auto mute = muter.mute(trail_finding_identity(event, detection->metadata))) {
        report.mutes.push_back({index, id, std::move(mute)});
      }
    }
  }
  // Detections are sorted within an event (scan_result.hpp), so the pairs already are in order.
  report.mutelist = muter.review();
}

} // namespace

void apply_trail_mutelist(const std::filesystem::path& mutelist, mutelist::Date today,
                          report::TrailReport& report) {
  if (!mutelist.empty()) {
    mute_events(load_mutelist_or_fail(mutelist), today, report);
  }
}

report::TrailReport run_trail_scan(const TrailScanRequest& request) {
  if (request.paths.empty()) {
    throw FatalError(ExitCode::kUsage, "trail: give at least one file or folder");
  }
  if (request.since && request.until && *request.since > *request.until) {
    throw FatalError(ExitCode::kUsage,
                     fmt::format("--since ({}) is after --until ({})", format_iso8601(*request.since),
                                 format_iso8601(*request.until)));
  }
  std::optional<mutelist::Mutelist> mutes;
  if (!request.mutelist.empty()) {
    mutes = load_mutelist_or_fail(request.mutelist); // before the logs are read: a bad file fails fast
  }
  trail::TrailScanOptions options;
  options.paths = request.paths;
  options.since = request.since;
  options.until = request.until;
  options.accounts = request.accounts;
  options.regions = request.regions;
  options.threads = request.threads;
  options.max_inflated_bytes = request.max_inflated_bytes; // unset: proportionate to each file's size
  options.hash_inflated = request.verify_digests;
  options.progress = request.progress;
  options.shard_index = request.shard.index;
  options.shard_count = request.shard.count;
  const bool part = !request.part_output.empty();
  if (part && request.verify_digests) {
    // A digest chain spans days (each digest lists the previous one's and an hour of every region's logs),
    // and the shards split the days: no shard could validate its chain. Decision 0024.
    throw FatalError(ExitCode::kUsage,
                     "--shard does not take --verify-digests: a digest chain spans the days the shards split "
                     "(validate the whole trail in one run)");
  }
  if (part && !request.mutelist.empty()) {
    throw FatalError(ExitCode::kUsage,
                     "--shard does not take --mutelist: give it to rootguard merge, which mutes the merged "
                     "events as trail does");
  }
  nlohmann::json pieces;
  if (part) {
    options.on_parts = [&pieces](const trail::DiscoveryResult& discovered,
                                 const std::vector<trail::WorkerResult>& workers) {
      pieces = trail_part_pieces(discovered, workers);
    };
  }
  report::TrailReport report;
  report.run.tool_version = request.tool_version;
  for (const auto& path : request.paths) {
    report.run.paths.push_back(path.string());
  }
  report.run.since = request.since;
  report.run.until = request.until;
  report.run.accounts = request.accounts;
  report.run.regions = request.regions;
  if (request.s3) {
    if (!request.digest_bucket.empty()) {
      throw FatalError(ExitCode::kUsage,
                       "--digest-bucket names the bucket a local copy came from; an s3:// location is that "
                       "bucket");
    }
    report.result = detections::scan_trail_s3(options, *request.s3);
  } else {
    report.result = detections::scan_trail(options);
  }
  if (part) {
    write_trail_part(request.part_output, report.run, request.max_inflated_bytes, request.shard, pieces,
                     report.result.summary.s3);
  }
  if (mutes) {
    mute_events(*mutes, request.today, report);
  }
  if (request.verify_digests) {
    std::optional<trail::digest::PublicKeySet> keys;
    if (request.public_keys) {
      keys = trail::digest::load_public_keys(*request.public_keys);
    }
    trail::digest::ValidationOptions validation;
    validation.paths = request.paths;
    validation.keys = keys ? &*keys : nullptr;
    validation.bucket = request.digest_bucket;
    validation.threads = request.threads;
    validation.bomb_ratio = options.bomb_ratio;
    validation.bomb_floor = request.max_inflated_bytes.value_or(options.bomb_floor);
    validation.known_hashes = &report.result.inflated_sha256;
    if (request.s3) {
      trail::s3::S3DigestRequest s3;
      s3.source = &*request.s3;
      s3.scan = &options;
      s3.listed_logs = &report.result.listed_objects;
      s3.keys = validation.keys; // null: ListPublicKeys is called (decision 0025)
      s3.validation = validation;
      report.integrity = trail::s3::validate_digests_s3(s3);
    } else {
      report.integrity = trail::digest::validate_digests(validation);
    }
    trail::digest::mark_root_periods(*report.integrity, report.result.events);
  }
  return report;
}

} // namespace rg::pipeline
