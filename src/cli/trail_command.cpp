// rootguard trail PATH...: every use of the root user in CloudTrail logs (files, folders, lookup-events
// output).
#include "cli/command.hpp"
#include "cli/conventions.hpp"
#include "cli/list_options.hpp"
#include "cli/mutelist_options.hpp"
#include "cli/output_options.hpp"
#include "cli/s3_options.hpp"
#include "cli/store_options.hpp"
#include "pipeline/run_trail_scan.hpp"
#include "pipeline/trail_findings.hpp"
#include "util/files.hpp"
#include "version.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <unistd.h>

namespace rg::cli {
namespace {

struct TrailArguments {
  std::vector<std::string> paths;
  std::string since;
  std::string until;
  std::vector<std::string> accounts;
  std::vector<std::string> regions;
  unsigned threads = 0;
  std::uint64_t max_inflated_mib = 0;
  bool verify_digests = false;
  std::string public_keys;
  std::string digest_bucket;
  OutputOptions output;
  MutelistArguments mutelist;
  StoreArguments store;
  S3Arguments s3;
};

std::optional<TimePoint> parse_time_option(const std::string& text, const char* option, bool end_of_day) {
  if (text.empty()) {
    return std::nullopt;
  }
  auto time = parse_iso8601(text);
  if (!time) {
    throw FatalError(ExitCode::kUsage, fmt::format("{}: not an ISO 8601 date or time: {}", option, text));
  }
  // A bare date in --until means the whole of that day.
  if (end_of_day && text.size() == 10) {
    *time += std::chrono::hours{24} - std::chrono::seconds{1};
  }
  return time;
}

// table and json are the trail's own documents (events and per-account summary); every other format
// renders the events as activity findings, through the same plumbing as scan.
void emit(const report::TrailReport& report, const OutputOptions& output) {
  const report::RenderOptions render = output.render_options();
  // The trail's JSON is written as it is rendered (a million events never make one string); the table is
  // a per-account summary, small whatever the event count.
  const auto native = [&](const std::string& format, const OutputOptions::TextSink& out) {
    if (format == "json") {
      report::write_trail_json(report, render, out);
    } else {
      out(report::render_trail_table(report, render));
    }
  };
  const auto& formats = output.formats;
  if (output.output_dir.empty() && formats.size() <= 1 &&
      (formats.empty() || formats.front() == "table" || formats.front() == "json")) {
    const std::string format = formats.empty() ? "table" : formats.front();
    output.emit_streamed([&](const OutputOptions::TextSink& out) { native(format, out); });
    return;
  }
  OutputOptions others = output;
  others.formats.clear();
  for (const auto& format : formats) {
    if (format != "table" && format != "json") {
      others.formats.push_back(format);
    } else if (!output.output_dir.empty()) {
      const auto path = output.ensure_output_dir() / (format == "json" ? "trail.json" : "trail.txt");
      OutputFile file(path);
      native(format, [&](std::string_view piece) { file.write(piece); });
      file.commit();
      note_written(path, render.lang);
    }
  }
  if (!others.formats.empty()) {
    if (output.output_dir.empty() && formats.size() > 1) {
      throw FatalError(ExitCode::kUsage, "several --format values need --output-dir");
    }
    others.emit_report(pipeline::trail_findings(report), "trail");
  }
}

ExitCode run(const TrailArguments& args) {
  pipeline::TrailScanRequest request;
  request.paths.assign(args.paths.begin(), args.paths.end());
  request.since = parse_time_option(args.since, "--since", false);
  request.until = parse_time_option(args.until, "--until", true);
  request.accounts = args.accounts;
  request.regions = args.regions;
  request.threads = args.threads;
  if (args.max_inflated_mib > 0) {
    request.max_inflated_bytes = args.max_inflated_mib << 20;
  }
  request.tool_version = kVersion;
  request.mutelist = args.mutelist.file;
  request.today = args.mutelist.resolved_date();
  if ((!args.public_keys.empty() || !args.digest_bucket.empty()) && !args.verify_digests) {
    throw FatalError(ExitCode::kUsage, "--public-keys and --digest-bucket need --verify-digests");
  }
  request.verify_digests = args.verify_digests;
  if (!args.public_keys.empty()) {
    request.public_keys = args.public_keys;
  }
  request.digest_bucket = args.digest_bucket;
  if (std::any_of(args.paths.begin(), args.paths.end(), trail::s3::is_s3_url)) {
    if (args.paths.size() != 1) {
      throw FatalError(ExitCode::kUsage, "trail: an s3:// location is read alone (give one, and no folders)");
    }
    request.s3 = args.s3.source(args.paths.front());
  }

  // Progress only for a person watching: nothing when stderr is a file or a pipe, or with --quiet.
  bool progress_drawn = false;
  if (::isatty(STDERR_FILENO) != 0 && !global_flags().quiet) {
    const bool ja = args.output.resolved_lang() == Lang::kJa;
    request.progress = [ja, &progress_drawn](const trail::TrailScanProgress& p) {
      const double rate = p.seconds > 0 ? static_cast<double>(p.files_done) / p.seconds : 0.0;
      fmt::print(stderr,
                 fmt::runtime(ja ? "\rtrail: {} / {} ファイル ({:.0f} ファイル/秒、{:.1f} 秒)  "
                                 : "\rtrail: {} of {} files ({:.0f} files/s, {:.1f} s)  "),
                 p.files_done, p.files_total, rate, p.seconds);
      progress_drawn = true;
    };
  }
  args.store.open(); // a bad --store fails before the logs are read
  const auto report = pipeline::run_trail_scan(request);
  if (progress_drawn) {
    fmt::print(stderr, "\n");
  }
  end_s3_progress();
  const auto& summary = report.result.summary;
  // Nothing to read is not "no root activity": a wrong folder must not pass a CI gate.
  if (summary.files == 0 && summary.pruned == 0 && summary.errors.empty()) {
    throw FatalError(
        ExitCode::kError,
        fmt::format(
            "no CloudTrail log files found in {} ({} digest, {} Insights and {} other files skipped); "
            "give the folder that holds AWSLogs/ or lookup-events output",
            fmt::join(args.paths, ", "), summary.skipped_digest, summary.skipped_insight,
            summary.skipped_other));
  }
  emit(report, args.output);
  const auto& integrity = report.integrity;
  const bool integrity_broken =
      integrity && (integrity->summary.digests_failed > 0 || integrity->summary.logs_modified > 0 ||
                    integrity->summary.logs_deleted > 0 || integrity->summary.logs_moved > 0 ||
                    integrity->summary.gaps > 0);
  // Every matched event is a FAIL finding per detection; only the unmuted ones count (decision 0017).
  if (report::unmuted_findings(report) > 0 || integrity_broken) {
    return args.store.record(report, ExitCode::kFailures);
  }
  // "No root activity" is only trustworthy when every file was read (as for scan: see decision 0002); an
  // integrity validation that could not check everything is never a pass either (decision 0018).
  const bool integrity_incomplete = integrity && !integrity->complete();
  return args.store.record(report, report.result.summary.errors.empty() && !integrity_incomplete
                                       ? ExitCode::kOk
                                       : ExitCode::kError);
}

} // namespace

void add_trail_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<TrailArguments>();
  auto* command = app.add_subcommand(
      "trail", "Find every use of the root user in CloudTrail logs (.json, .json.gz, folders)");
  command
      ->add_option("paths", args->paths,
                   "CloudTrail files or folders (the S3 layout AWSLogs/..., or lookup-events output), or one "
                   "s3://BUCKET[/PREFIX] read in place")
      ->required();
  command->add_option("--since", args->since,
                      "Only events at or after this time (ISO 8601; a date means midnight UTC)");
  command->add_option("--until", args->until,
                      "Only events at or before this time (ISO 8601; a date means the whole day)");
  add_list_option(*command, "--accounts", args->accounts, "Only these accounts", ListKind::kAccountIds);
  add_list_option(*command, "--regions", args->regions, "Only these regions", ListKind::kRegions);
  command->add_option("--threads", args->threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  command->add_option(
      "--max-inflated-mib", args->max_inflated_mib,
      "Give up on a file that inflates past this many MiB (gzip bomb guard; default: 256 times "
      "the file's compressed size, at least 1024 MiB)");
  command->add_flag(
      "--verify-digests", args->verify_digests,
      "Validate log file integrity with the CloudTrail digest files (as aws cloudtrail "
      "validate-logs does): every digest and log file valid, modified, deleted, moved or not covered");
  command->add_option(
      "--public-keys", args->public_keys,
      "CloudTrail's signing keys: the output of `aws cloudtrail list-public-keys --output json` (with "
      "s3://: fetched with ListPublicKeys when not given)");
  command->add_option(
      "--digest-bucket", args->digest_bucket,
      "The S3 bucket the folder was copied from (default: the bucket the newest digest names)");
  args->output.add_to(*command);
  args->output.add_report_formats_to(*command);
  args->mutelist.add_to(*command);
  args->store.add_to(*command);
  args->s3.add_to(*command, /*with_account=*/true);
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
