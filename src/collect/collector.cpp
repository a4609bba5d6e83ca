#include "collect/collector.hpp"

#include "collect/account_files.hpp"
#include "collect/organization_files.hpp"
#include "collect/snapshot_writer.hpp"
#include "util/fatal_error.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

namespace rg::collect {

CollectSummary collect_account(aws::AwsClient& client, const CollectOptions& options) {
  SnapshotWriter writer(options.output);
  const auto started = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto identity = read_identity(client, writer, "");
  if (!identity.identity) {
    writer.finish({{"collected_at", format_iso8601(started)}});
    throw FatalError(ExitCode::kError,
                     fmt::format("cannot read the caller's identity (sts GetCallerIdentity): {}",
                                 identity.error->describe()));
  }
  CollectSummary summary;
  summary.account = identity.identity->account;
  summary.partition = identity.identity->partition;
  if (options.progress) {
    options.progress(fmt::format("account {}", summary.account));
  }
  AccountFilesOptions files;
  files.regions = options.regions;
  files.credential_report_wait = options.credential_report_wait;
  files.lookup_events_days = options.lookup_events_days;
  files.progress = options.progress;
  // The account's own files, then organization/: the order of the calls changes nothing in the snapshot.
  summary.regions = collect_account_files(client, writer, summary.account, files);
  summary.organization =
      collect_organization(client, writer, summary.account, /*management_only=*/true, options.progress)
          .has_value();
  writer.write_json("snapshot.json",
                    {{"collected_at", format_iso8601(started)}, {"partition", summary.partition}});
  const auto finished = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  writer.finish({{"collected_at", format_iso8601(started)},
                 {"finished_at", format_iso8601(finished)},
                 {"account", summary.account},
                 {"partition", summary.partition},
                 {"regions", summary.regions}});
  summary.calls = writer.calls();
  summary.errors = writer.errors();
  return summary;
}

} // namespace rg::collect
