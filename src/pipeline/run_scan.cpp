#include "pipeline/run_scan.hpp"

#include "controls/control.hpp"
#include "detections/account_activity.hpp"
#include "detections/trail_scan.hpp"
#include "mutelist/apply_mutelist.hpp"
#include "policy/org_scp.hpp"
#include "snapshot/snapshot_loader.hpp"
#include "util/fatal_error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace rg::pipeline {
namespace {

template <typename T> bool allowed(const std::vector<T>& filter, const T& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

std::vector<const controls::Control*> select_controls(const std::vector<std::string>& ids) {
  std::vector<const controls::Control*> selected;
  for (const auto* control : controls::all_controls()) {
    if (allowed(ids, std::string(control->rule.id))) {
      selected.push_back(control);
    }
  }
  for (const auto& id : ids) {
    if (controls::find_control(id) == nullptr) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("unknown control '{}' (see: rootguard controls list)", id));
    }
  }
  return selected;
}

std::string role_of(const model::Snapshot& snapshot, const std::string& account_id) {
  if (!snapshot.organization) {
    return "standalone";
  }
  if (snapshot.organization->management_account_id == account_id) {
    return "management";
  }
  return snapshot.organization->find_account(account_id) != nullptr ? "member" : "standalone";
}

// Scans the CloudTrail logs once and keeps, per account, the latest root use; unreadable files become
// problems of the report like any other input.
void add_evidence(const trail::TrailScanResult& result, model::TrailEvidence& evidence,
                  std::vector<Problem>& problems) {
  problems.insert(problems.end(), result.summary.errors.begin(), result.summary.errors.end());
  evidence.files += result.summary.files;
  for (const auto& use : detections::most_recent_root_use(result)) {
    const model::RootUseEvidence found{use.time, use.event_name, use.event_id, use.source_ip,
                                       use.assumed_root};
    const auto [at, added] = evidence.last_use.emplace(use.account_id, found);
    if (!added && at->second.time < found.time) {
      at->second = found; // several sources: the latest use wins
    }
  }
}

model::TrailEvidence scan_cloudtrail(const std::vector<std::filesystem::path>& paths,
                                     const std::vector<trail::s3::S3ScanSource>& buckets,
                                     std::vector<Problem>& problems) {
  model::TrailEvidence evidence;
  if (!paths.empty()) {
    trail::TrailScanOptions options;
    options.paths = paths;
    add_evidence(detections::scan_trail(options), evidence, problems);
  }
  for (const auto& bucket : buckets) {
    add_evidence(detections::scan_trail_s3(trail::TrailScanOptions{}, bucket), evidence, problems);
  }
  return evidence;
}

} // namespace

mutelist::Mutelist load_mutelist_or_fail(const std::filesystem::path& path) {
  auto loaded = mutelist::load_mutelist(path);
  if (!loaded) {
    throw FatalError(ExitCode::kUsage, fmt::format("--mutelist: {}", loaded.error().describe()));
  }
  return std::move(*loaded);
}

report::Report run_scan(const ScanRequest& request) {
  const auto selected = select_controls(request.controls);
  std::optional<mutelist::Mutelist> mutes;
  if (!request.mutelist.empty()) {
    mutes = load_mutelist_or_fail(request.mutelist);
  }
  const auto snapshot = snapshot::load_snapshot(request.snapshot);

  controls::ScanOptions options;
  options.as_of = request.as_of ? request.as_of : snapshot.collected_at;
  options.root_usage_days = request.root_usage_days;

  report::Report result;
  result.run.tool_version = request.tool_version;
  result.run.snapshot = request.snapshot.string();
  result.run.collected_at = snapshot.collected_at;
  result.run.as_of = options.as_of;
  result.run.partition = snapshot.partition;
  result.run.root_usage_days = request.root_usage_days;
  result.problems = snapshot.problems;

  auto cloudtrail = request.cloudtrail;
  std::error_code ec;
  if (std::filesystem::is_directory(request.snapshot / "cloudtrail", ec)) {
    cloudtrail.push_back(request.snapshot / "cloudtrail");
  }
  model::TrailEvidence trail_evidence;
  if (!cloudtrail.empty() || !request.cloudtrail_s3.empty()) {
    trail_evidence = scan_cloudtrail(cloudtrail, request.cloudtrail_s3, result.problems);
    options.trail = &trail_evidence;
  }

  std::optional<policy::ScpAnalyzer> scps; // each SCP checked and each organization path analysed once
  if (snapshot.organization) {
    options.scps = &scps.emplace(*snapshot.organization);
  }

  for (const auto& account : snapshot.accounts) {
    result.accounts.push_back({account.id, account.name, role_of(snapshot, account.id)});
    const controls::EvaluationInput input{snapshot, account, options};
    for (const auto* control : selected) {
      for (auto& finding : control->evaluate(*control, input)) {
        finding.reason.ja = ja_value_lists(std::move(finding.reason.ja));
        if (allowed(request.statuses, finding.status) &&
            allowed(request.severities, finding.rule->severity)) {
          result.findings.push_back(std::move(finding));
        }
      }
    }
  }
  sort_findings(result.findings);
  if (mutes) {
    // After the --status/--severity filters: an entry matching only filtered-out findings is stale for
    // this run, as the report it goes with shows.
    mutelist::apply_mutelist(*mutes, request.today, result);
  }
  return result;
}

} // namespace rg::pipeline
