#pragma once
// `rootguard collect` for the caller's account: the documented snapshot files for every region asked
// (or every region the account has enabled), the organization when the caller is its management
// account, snapshot.json and collection.json. Read-only calls only; a failed call is logged and the rest
// go on.
#include "aws/client.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rg::collect {

struct CollectOptions {
  std::filesystem::path output;
  std::vector<std::string> regions; // empty: the account's enabled regions, else the client's region
  std::chrono::seconds credential_report_wait{60};
  int lookup_events_days = 0; // --lookup-events: root's CloudTrail event history (0: not asked)
  std::function<void(std::string_view)> progress; // one line per step; may be empty
};

struct CollectSummary {
  std::string account;
  std::string partition;
  std::vector<std::string> regions;
  int calls = 0;
  int errors = 0;
  bool organization = false;
};

// Throws FatalError when the caller's identity cannot be read (no credentials, no network): nothing can
// be collected without knowing the account.
CollectSummary collect_account(aws::AwsClient& client, const CollectOptions& options);

} // namespace rg::collect
