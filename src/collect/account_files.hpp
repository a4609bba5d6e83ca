#pragma once
// The files of one account (docs/snapshot-layout.md, accounts/<id>/): identity, IAM (the credential
// report generated and polled for a bounded time) and every region's CloudTrail, Logs, CloudWatch, SNS
// and GuardDuty answers, with whatever credentials the client holds for that account (the caller's, or
// a role assumed into a member). A failed call is logged and the rest go on.
#include "aws/client.hpp"
#include "collect/snapshot_writer.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::collect {

struct Identity {
  std::string account;
  std::string partition; // from the caller's ARN; "aws" when the ARN names none
};

struct IdentityResult {
  std::optional<Identity> identity;
  std::optional<aws::AwsError> error; // the call failed, or answered no usable account id
};

// sts GetCallerIdentity, logged under `expected_account` until the answer names the account (an answer
// naming another account than a non-empty `expected_account` is the error rootguard.WrongAccount), and
// (with `write_file`) written to accounts/<id>/sts/GetCallerIdentity.json. Nothing else can be
// collected without it. `collect --org` reads the caller's identity before it knows whether the caller's
// account is selected: logged only, so an account left out by --accounts gets no folder.
IdentityResult read_identity(aws::AwsClient& client, SnapshotWriter& writer,
                             const std::string& expected_account, bool write_file = true);

struct AccountFilesOptions {
  std::vector<std::string> regions; // empty: the account's enabled regions, else the client's region
  std::chrono::seconds credential_report_wait{60};
  // --lookup-events: root's CloudTrail event history of the last this many days per region (0: not asked).
  int lookup_events_days = 0;
  // iam ListOrganizationsFeatures answers only in the management account (or a delegated
  // administrator): asked there, not in every member, where it would only log an error per account.
  bool organizations_features = true;
  std::function<void(std::string_view)> progress; // one line per step; may be empty
  std::function<void()> region_done;              // counts for the organization's progress; may be empty
};

// IAM and every region; returns the regions collected.
std::vector<std::string> collect_account_files(aws::AwsClient& client, SnapshotWriter& writer,
                                               const std::string& account,
                                               const AccountFilesOptions& options);

} // namespace rg::collect
