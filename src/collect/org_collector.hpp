#pragma once
// `rootguard collect --org`: from the management account (or a delegated administrator), organization/
// and then every selected ACTIVE account's files, each member through a role assumed into it, accounts
// in parallel on a bounded pool of threads. Files are written as each call answers and the call log is
// streamed, so memory does not grow with the number of accounts (only the failures are kept, for the
// summary). An account whose role cannot be assumed is logged and reported; the others go on
// (docs/decisions/0016-org-collection.md).
#include "aws/client.hpp"
#include "aws/credentials_provider.hpp"
#include "aws/http.hpp"
#include "aws/retry.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rg::collect {

// How a worker builds its own client stack: the transport (one curl handle) is not thread-safe, so each
// thread gets its own; each account gets its own rate limiter and retry quota, as AWS meters per account.
struct ClientFactory {
  aws::ClientOptions options;
  std::shared_ptr<aws::CredentialsProvider> caller; // thread-safe (the credential chain locks)
  aws::RetryConfig retry;
  std::function<std::shared_ptr<aws::HttpTransport>()> transport;
};

struct OrgProgress {
  int accounts_total = 0;
  int accounts_done = 0;
  int accounts_failed = 0;
  int regions_done = 0;
  int calls = 0;
  int errors = 0;
};

struct OrgCollectOptions {
  std::filesystem::path output;
  std::vector<std::string> regions; // empty: each account's enabled regions
  std::chrono::seconds credential_report_wait{60};
  int lookup_events_days = 0;             // --lookup-events: root's CloudTrail event history (0: not asked)
  std::string role_name;                  // required: no default role is ever assumed
  std::optional<std::string> external_id; // never logged or written
  std::string session_name = "rootguard-collect";
  std::vector<std::string> accounts;         // only these (validated ids); empty: every account
  std::vector<std::string> exclude_accounts; // never these
  int concurrency = 8;
  std::function<void(const OrgProgress&)> progress; // called from the workers, one at a time; may be empty
};

struct AccountFailure {
  std::string account;
  std::string step;       // "assume-role", "identity", "not-in-organization"
  std::string error_code; // AccessDenied, rootguard.WrongAccount, ...
  std::string message;
};

struct OrgCollectSummary {
  std::string caller_account;
  std::string management_account;
  std::string partition;
  int accounts_selected = 0; // ACTIVE accounts after --accounts / --exclude-accounts
  int accounts_collected = 0;
  int accounts_not_active = 0; // suspended or closing: listed, not collected
  std::vector<AccountFailure> failures;
  int calls = 0;
  int errors = 0;
  bool complete() const { return failures.empty(); }
};

// Throws FatalError when the caller's identity cannot be read or the organization's accounts cannot be
// listed: without them nothing of the organization can be collected.
OrgCollectSummary collect_organization_accounts(const ClientFactory& factory,
                                                const OrgCollectOptions& options);

} // namespace rg::collect
