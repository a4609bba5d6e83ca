// rootguard scan --snapshot DIR: evaluate every control for every account of a snapshot; scan --live
// collects the snapshot first (as collect does) and scans it the same way.
#include "cli/collect_options.hpp"
#include "cli/command.hpp"
#include "cli/list_options.hpp"
#include "cli/live_snapshot.hpp"
#include "cli/mutelist_options.hpp"
#include "cli/output_options.hpp"
#include "cli/s3_options.hpp"
#include "cli/store_options.hpp"
#include "pipeline/run_scan.hpp"
#include "version.hpp"

#include <fmt/format.h>
#include <memory>
#include <optional>

namespace rg::cli {
namespace {

struct ScanArguments {
  std::string snapshot;
  std::string as_of;
  int root_usage_days = 90;
  std::vector<std::string> controls;
  std::vector<std::string> statuses;
  std::vector<std::string> severities;
  std::vector<std::string> cloudtrail;
  OutputOptions output;
  MutelistArguments mutelist;
  StoreArguments store;
  bool live = false;
  std::string keep_snapshot;
  CollectArguments collect;
  S3Arguments s3;
};

ExitCode run(const ScanArguments& args) {
  if (args.live == !args.snapshot.empty()) {
    throw FatalError(ExitCode::kUsage, "give either --snapshot DIR or --live");
  }
  if (!args.live && (!args.keep_snapshot.empty() || args.collect.any_given())) {
    throw FatalError(ExitCode::kUsage, "--keep-snapshot and the collection options (--profile, --aws-region, "
                                       "--regions, --org, ...) need --live");
  }
  pipeline::ScanRequest request;
  request.snapshot = args.snapshot;
  request.root_usage_days = args.root_usage_days;
  request.controls = args.controls;
  for (const auto& location : args.cloudtrail) {
    if (trail::s3::is_s3_url(location)) {
      S3Arguments s3 = args.s3;
      s3.profile =
          args.collect.profile; // scan's own --profile / --aws-region (with --live), else the environment's
      s3.region = args.collect.region;
      request.cloudtrail_s3.push_back(s3.source(location));
    } else {
      request.cloudtrail.emplace_back(location);
    }
  }
  request.tool_version = kVersion;
  request.mutelist = args.mutelist.file;
  request.today = args.mutelist.resolved_date();
  if (args.live && !args.mutelist.file.empty()) {
    // A bad mutelist fails before the collection spends minutes of API calls (run_scan reads it again).
    (void)pipeline::load_mutelist_or_fail(request.mutelist);
  }
  if (!args.as_of.empty()) {
    request.as_of = parse_iso8601(args.as_of);
    if (!request.as_of) {
      throw FatalError(ExitCode::kUsage, fmt::format("--as-of: not an ISO 8601 time: {}", args.as_of));
    }
  }
  for (const auto& text : args.statuses) {
    const auto status = parse_status(text);
    if (!status) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("--status: expected PASS, FAIL, UNKNOWN or NOT_APPLICABLE, got {}", text));
    }
    request.statuses.push_back(*status);
  }
  for (const auto& text : args.severities) {
    const auto severity = parse_severity(text);
    if (!severity) {
      throw FatalError(
          ExitCode::kUsage,
          fmt::format("--severity: expected critical, high, medium, low or informational, got {}", text));
    }
    request.severities.push_back(*severity);
  }

  args.store.open(); // a bad --store fails before the collection and the scan
  std::optional<LiveSnapshot> live;
  if (args.live) {
    live.emplace(args.collect, args.keep_snapshot);
    request.snapshot = live->path();
  }
  const auto result = pipeline::run_scan(request);
  end_s3_progress();
  args.output.emit_report(result, "scan");

  const auto summary = report::summarize(result);
  if (summary.unmuted_fail() > 0) {
    return args.store.record(result, ExitCode::kFailures);
  }
  // No unmuted FAIL is only trustworthy when every input was read: an incomplete scan is an error for CI
  // (muted FAILs never turn it into a clean one, decision 0017), and so is a live scan of an organization
  // with an account that could not be collected.
  const bool incomplete = summary.unreadable > 0 || (live && !live->complete());
  return args.store.record(result, incomplete ? ExitCode::kError : ExitCode::kOk);
}

} // namespace

void add_scan_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ScanArguments>();
  auto* command = app.add_subcommand("scan", "Evaluate root-user controls for every account in a snapshot");
  command->add_option("-s,--snapshot", args->snapshot, "Snapshot folder (see docs/snapshot-layout.md)");
  command->add_flag("--live", args->live,
                    "Collect from AWS first (the options of collect; --aws-region for the calls' region) and "
                    "scan that");
  command->add_option(
      "--keep-snapshot", args->keep_snapshot,
      "With --live: collect into this folder and keep it (default: a temporary folder, removed)");
  args->collect.add_to(*command, "--aws-region");
  args->s3.add_to(*command, /*with_account=*/false);
  command->add_option("--as-of", args->as_of,
                      "Clock for age rules (ISO 8601); default: the snapshot's collected_at");
  command->add_option("--root-usage-days", args->root_usage_days, "Window for root-recent-use, in days")
      ->check(CLI::Range(0, 3650));
  add_list_option(*command, "--controls", args->controls, "Only these controls", ListKind::kControls);
  command->add_option(
      "--cloudtrail", args->cloudtrail,
      "CloudTrail logs (files, folders or s3://BUCKET[/PREFIX], read in place) whose root use feeds "
      "root-recent-use; the snapshot's cloudtrail/ folder is read automatically");
  add_list_option(*command, "--status", args->statuses, "Only findings with these statuses",
                  ListKind::kStatuses);
  add_list_option(*command, "--severity", args->severities, "Only findings of these severities",
                  ListKind::kSeverities);
  args->output.add_to(*command);
  args->output.add_report_formats_to(*command);
  args->mutelist.add_to(*command);
  args->store.add_to(*command);
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
