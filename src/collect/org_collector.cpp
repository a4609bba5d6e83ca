#include "collect/org_collector.hpp"

#include "aws/assumed_role_provider.hpp"
#include "collect/account_files.hpp"
#include "collect/organization_files.hpp"
#include "collect/snapshot_writer.hpp"
#include "util/fatal_error.hpp"
#include "util/time.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fmt/format.h>
#include <mutex>
#include <set>
#include <thread>

namespace rg::collect {

namespace {

using nlohmann::json;

// The state the workers share; everything else is per thread or per account.
class Run {
public:
  Run(const ClientFactory& factory, const OrgCollectOptions& options, SnapshotWriter& writer, Identity caller,
      std::string management)
      : factory_(factory), options_(options), writer_(writer), caller_(std::move(caller)),
        management_(std::move(management)) {}

  void work(const std::vector<std::string>& accounts, std::atomic<size_t>& next) {
    const auto transport = factory_.transport();
    for (size_t at = next++; at < accounts.size() && !stop_.load(); at = next++) {
      try {
        collect_one(accounts[at], transport);
      } catch (...) {
        // An output that cannot be written (FatalError) ends the whole run, as it does for one account.
        const std::lock_guard lock(mutex_);
        if (!error_) {
          error_ = std::current_exception();
        }
        stop_ = true;
      }
    }
  }

  void rethrow_if_failed() const {
    if (error_) {
      std::rethrow_exception(error_);
    }
  }

  void fail(AccountFailure failure) {
    const std::lock_guard lock(mutex_);
    failures_.push_back(std::move(failure));
    ++progress_.accounts_failed;
  }

  void set_total(int total) { progress_.accounts_total = total; }

  std::vector<AccountFailure> failures() const {
    std::vector<AccountFailure> out = failures_;
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.account < b.account; });
    return out;
  }

  int collected() const { return collected_.load(); }

private:
  void report(bool account_done, bool region_done) {
    const std::lock_guard lock(mutex_);
    progress_.accounts_done += account_done ? 1 : 0;
    progress_.regions_done += region_done ? 1 : 0;
    progress_.calls = writer_.calls();
    progress_.errors = writer_.errors();
    if (options_.progress) {
      options_.progress(progress_);
    }
  }

  void collect_one(const std::string& account, const std::shared_ptr<aws::HttpTransport>& transport) {
    aws::ClientOptions client_options = factory_.options;
    client_options.rate_limiter = std::make_shared<aws::RateLimiter>(); // AWS meters each account apart
    const auto retry = std::make_shared<aws::RetryStrategy>(factory_.retry);
    std::shared_ptr<aws::CredentialsProvider> credentials = factory_.caller;
    if (account != caller_.account) {
      aws::AssumeRoleRequest request;
      request.role_arn =
          fmt::format("arn:{}:iam::{}:role/{}", caller_.partition, account, options_.role_name);
      request.session_name = options_.session_name;
      request.external_id = options_.external_id;
      auto role = std::make_shared<aws::AssumedRoleProvider>(factory_.caller, request, client_options,
                                                             transport, retry);
      // Logged under the member: the line says which account could not be reached and why. Its output
      // (the session's keys) is never written.
      const auto assumed = role->assume();
      writer_.record(assumed, account, std::nullopt);
      if (!assumed.ok()) {
        fail({account, "assume-role", assumed.error->code, assumed.error->message});
        report(true, false);
        return;
      }
      credentials = role;
    }
    aws::AwsClient client(client_options, credentials, transport, retry);
    const auto identity = read_identity(client, writer_, account);
    if (!identity.identity) {
      fail({account, "identity", identity.error->code, identity.error->message});
      report(true, false);
      return;
    }
    AccountFilesOptions files;
    files.regions = options_.regions;
    files.credential_report_wait = options_.credential_report_wait;
    files.lookup_events_days = options_.lookup_events_days;
    files.organizations_features = account == caller_.account || account == management_;
    files.region_done = [this] { report(false, true); };
    collect_account_files(client, writer_, account, files);
    ++collected_;
    report(true, false);
  }

  const ClientFactory& factory_;
  const OrgCollectOptions& options_;
  SnapshotWriter& writer_;
  Identity caller_;
  std::string management_;
  std::mutex mutex_;
  OrgProgress progress_;
  std::vector<AccountFailure> failures_;
  std::atomic<int> collected_ = 0;
  std::atomic<bool> stop_ = false;
  std::exception_ptr error_;
};

json failures_json(const std::vector<AccountFailure>& failures) {
  json out = json::array();
  for (const auto& f : failures) {
    out.push_back(
        {{"account", f.account}, {"step", f.step}, {"error_code", f.error_code}, {"message", f.message}});
  }
  return out;
}

} // namespace

OrgCollectSummary collect_organization_accounts(const ClientFactory& factory,
                                                const OrgCollectOptions& options) {
  SnapshotWriter writer(options.output);
  const auto started = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto caller_client = std::make_unique<aws::AwsClient>(factory.options, factory.caller, factory.transport(),
                                                        std::make_shared<aws::RetryStrategy>(factory.retry));
  const auto identity = read_identity(*caller_client, writer, "", /*write_file=*/false);
  if (!identity.identity) {
    writer.finish({{"collected_at", format_iso8601(started)}});
    throw FatalError(ExitCode::kError,
                     fmt::format("cannot read the caller's identity (sts GetCallerIdentity): {}",
                                 identity.error->describe()));
  }
  OrgCollectSummary summary;
  summary.caller_account = identity.identity->account;
  summary.partition = identity.identity->partition;
  const auto listing =
      collect_organization(*caller_client, writer, summary.caller_account, /*management_only=*/false, {});
  caller_client.reset(); // its connection is not needed while the workers run
  if (!listing) {
    writer.finish({{"collected_at", format_iso8601(started)}, {"account", summary.caller_account}});
    throw FatalError(ExitCode::kError,
                     fmt::format("--org: cannot list the organization's accounts from account {} (see "
                                 "{}/collection.json): run from the management account or a delegated "
                                 "administrator for AWS Organizations",
                                 summary.caller_account, options.output.string()));
  }
  summary.management_account = listing->management_account;

  const std::set<std::string> only(options.accounts.begin(), options.accounts.end());
  const std::set<std::string> excluded(options.exclude_accounts.begin(), options.exclude_accounts.end());
  std::vector<std::string> selected;
  std::set<std::string> in_organization;
  for (const auto& account : listing->accounts) {
    in_organization.insert(account.id);
    if ((!only.empty() && !only.contains(account.id)) || excluded.contains(account.id)) {
      continue;
    }
    if (account.status != "ACTIVE") {
      ++summary.accounts_not_active;
      writer.skipped("", "", account.id, "", fmt::format("account status {}: not collected", account.status));
      continue;
    }
    selected.push_back(account.id);
  }
  // The caller first: its credential report is generated while the members' roles are assumed.
  std::stable_partition(selected.begin(), selected.end(),
                        [&](const std::string& id) { return id == summary.caller_account; });
  summary.accounts_selected = static_cast<int>(selected.size());

  Run run(factory, options, writer, *identity.identity, summary.management_account);
  for (const auto& account : only) {
    if (!in_organization.contains(account)) {
      // Asked for by name and not found: an incomplete collection, not a silently smaller one.
      run.fail({account, "not-in-organization", "rootguard.NotInOrganization",
                "--accounts names an account the organization does not list"});
    }
  }
  run.set_total(summary.accounts_selected);
  {
    std::atomic<size_t> next = 0;
    const int threads = std::clamp(options.concurrency, 1, std::max(1, summary.accounts_selected));
    std::vector<std::jthread> pool;
    pool.reserve(static_cast<size_t>(threads));
    for (int i = 0; i < threads; ++i) {
      pool.emplace_back([&] { run.work(selected, next); });
    }
  } // the jthreads join here
  run.rethrow_if_failed();

  summary.failures = run.failures();
  summary.accounts_collected = run.collected();
  writer.write_json("snapshot.json",
                    {{"collected_at", format_iso8601(started)}, {"partition", summary.partition}});
  const auto finished = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  // The external id is not written: it is the one value an outsider would need to use the role.
  writer.finish({{"collected_at", format_iso8601(started)},
                 {"finished_at", format_iso8601(finished)},
                 {"account", summary.caller_account},
                 {"partition", summary.partition},
                 {"regions", options.regions},
                 {"organization",
                  {{"management_account", summary.management_account},
                   {"role_name", options.role_name},
                   {"external_id_given", options.external_id.has_value()},
                   {"accounts_listed", listing->accounts.size()},
                   {"accounts_selected", summary.accounts_selected},
                   {"accounts_collected", summary.accounts_collected},
                   {"accounts_not_active", summary.accounts_not_active},
                   {"accounts_failed", failures_json(summary.failures)}}}});
  summary.calls = writer.calls();
  summary.errors = writer.errors();
  return summary;
}

} // namespace rg::collect
