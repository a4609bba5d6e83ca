// rootguard trail PATH...: every use of the root user in CloudTrail logs (files, folders, lookup-events
// output).
#include "cli/command.hpp"
#include "cli/conventions.hpp"
#include "cli/list_options.hpp"
#include "cli/mutelist_options.hpp"
#include "cli/output_options.hpp"
#include "cli/s3_options.hpp"
#include "cli/store_options.hpp"
#include "cli/trail_render.hpp"
#include "cli/trail_shard_option.hpp"
#include "pipeline/run_trail_scan.hpp"
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
  std::string shard;           // --shard I/N or auto
  bool shard_given = false;    // --shard was given, even as ""
  std::size_t shard_count = 0; // --shard-count N, with --shard auto
  std::string part_output;     // --part-output FILE
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
  if (args.shard_given || args.shard_count != 0) {
    if (args.part_output.empty()) {
      throw FatalError(ExitCode::kUsage, "--shard needs --part-output FILE (then rootguard merge the parts)");
    }
    request.shard = parse_shard_option(args.shard, args.shard_count);
  }
  request.part_output = args.part_output;
  if (!args.part_output.empty() && !args.store.path.empty()) {
    throw FatalError(ExitCode::kUsage, "--part-output does not take --store: give it to rootguard merge");
  }
  args.store.open(); // a bad --store fails before the logs are read
  const auto report = pipeline::run_trail_scan(request);
  if (progress_drawn) {
    fmt::print(stderr, "\n");
  }
  end_s3_progress();
  if (!args.part_output.empty()) {
    // A shard's findings are the merge's to judge: a shard that wrote its part succeeded, even with no file
    // of its own (a small run spread over many shards).
    note_written(args.part_output, args.output.resolved_lang());
    return ExitCode::kOk;
  }
  require_files_read(report, args.paths);
  emit_trail_report(report, args.output);
  return args.store.record(report, trail_exit_code(report));
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
  auto* shard = command->add_option(
      "--shard", args->shard,
      "Read only shard I of N (I/N, 0 <= I < N <= 10000) of the files, by their account, region "
      "and day, and write a partial result to --part-output; auto: I from "
      "AWS_BATCH_JOB_ARRAY_INDEX or JOB_COMPLETION_INDEX and N from --shard-count");
  command->add_option("--shard-count", args->shard_count, "N for --shard auto")->check(CLI::Range(1, 10000));
  command->add_option("--part-output", args->part_output,
                      "Write this run's partial result (JSON) here for rootguard merge, instead of a report");
  command->callback([args, shard, &action] {
    args->shard_given = shard->count() > 0;
    action = [args] { return run(*args); };
  });
}

} // namespace rg::cli
