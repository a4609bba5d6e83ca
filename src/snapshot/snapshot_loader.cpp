#include "snapshot/snapshot_loader.hpp"

#include "model/aws_ids.hpp"
#include "snapshot/load_region.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/scp_readers.hpp"
#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::snapshot {
namespace {

// The account's partition from its own ARNs: the caller identity first (it is the account itself), then
// its MFA devices' serial numbers (arn:aws-cn:iam::<account>:mfa/...).
std::string own_partition(const model::Account& account) {
  if (account.caller_identity) {
    if (const auto partition = model::arn_partition(account.caller_identity->arn); !partition.empty()) {
      return std::string(partition);
    }
  }
  if (account.virtual_mfa_devices) {
    for (const auto& device : account.virtual_mfa_devices->devices) {
      if (const auto partition = model::arn_partition(device.serial_number); !partition.empty()) {
        return std::string(partition);
      }
    }
  }
  return {};
}

// Records the problem of a source that is present but unreadable; absence is not a problem, only UNKNOWN.
template <typename T> void note(const Result<T>& result, std::vector<Problem>& problems) {
  if (!result && result.error().kind != ProblemKind::kAbsent) {
    problems.push_back(result.error());
  }
}

model::Account load_account(const std::filesystem::path& directory, const std::string& id,
                            std::vector<Problem>& problems) {
  const Location location{directory, "accounts/" + id};
  model::Account account;
  account.id = id;
  account.directory = location.display;
  account.caller_identity = read_get_caller_identity(location);
  note(account.caller_identity, problems);
  if (account.caller_identity && account.caller_identity->account != id) {
    problems.push_back(Problem{ProblemKind::kInvalid, location.name("sts/GetCallerIdentity.json"),
                               "$.Account",
                               fmt::format("identity is account {} but the folder is {}; using the folder",
                                           account.caller_identity->account, id)});
  }
  account.credential_report = read_get_credential_report(location);
  note(account.credential_report, problems);
  if (account.credential_report) {
    for (const auto& problem : account.credential_report->problems) {
      problems.push_back(problem);
    }
  }
  account.account_summary = read_get_account_summary(location);
  note(account.account_summary, problems);
  if (account.account_summary) {
    for (const auto& [key, problem] : account.account_summary->invalid) {
      problems.push_back(problem);
    }
  }
  account.virtual_mfa_devices = read_list_virtual_mfa_devices(location);
  note(account.virtual_mfa_devices, problems);
  account.organizations_features = read_list_organizations_features(location);
  note(account.organizations_features, problems);
  account.partition = own_partition(account);
  // regions/ that exists but cannot be listed hides every regional control: a problem, never "no regions".
  auto regions = list_folder(directory / "regions");
  if (!regions && regions.error().kind != ProblemKind::kAbsent) {
    auto problem = regions.error();
    problem.file = location.name("regions/");
    account.regions_problem = problem;
    problems.push_back(std::move(problem));
  }
  for (const auto& entry : regions ? *regions : std::vector<FolderEntry>{}) {
    if (!entry.is_directory) {
      problems.push_back(Problem{ProblemKind::kUnreadable, location.name("regions/" + entry.name), "",
                                 "not a folder (each region is a folder); not read"});
      continue;
    }
    if (!model::is_region_name(entry.name)) {
      // The name becomes a resource in findings and a --region in generated commands: never a raw string.
      problems.push_back(Problem{ProblemKind::kInvalid, location.name("regions/" + entry.name), "",
                                 "folder name is not an AWS region name (like us-east-1); not read"});
      continue;
    }
    const Location region{directory / "regions" / entry.name, location.display + "/regions/" + entry.name};
    account.regions.push_back(load_region(region, entry.name, problems));
  }
  return account;
}

} // namespace

model::Snapshot load_snapshot(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    throw FatalError(ExitCode::kError, fmt::format("snapshot folder not found: {}", folder.string()));
  }
  // Every read below stays inside the snapshot: a link to ~/.aws/credentials is refused, never quoted.
  const ConfinedReads confined(folder);
  model::Snapshot snapshot;
  snapshot.path = folder.string();
  const Location root{folder, ""};
  auto info = read_snapshot_info(root);
  if (info) {
    snapshot.collected_at = info->collected_at;
    snapshot.partition = info->partition;
  } else {
    // Without collected_at there is no clock for age rules; the scan says so and uses --as-of if given.
    snapshot.problems.push_back(info.error());
  }

  auto accounts = list_folder(folder / "accounts");
  if (!accounts) {
    auto problem = accounts.error();
    problem.file = "accounts/";
    if (problem.kind == ProblemKind::kAbsent) {
      problem.message = "no accounts folder in the snapshot";
    }
    snapshot.problems.push_back(std::move(problem));
  }
  for (const auto& entry : accounts ? *accounts : std::vector<FolderEntry>{}) {
    if (!entry.is_directory) {
      continue;
    }
    if (!model::is_account_id(entry.name)) {
      snapshot.problems.push_back(Problem{ProblemKind::kInvalid, "accounts/" + entry.name, "",
                                          "folder name is not a 12-digit account id; skipped"});
      continue;
    }
    snapshot.accounts.push_back(
        load_account(folder / "accounts" / entry.name, entry.name, snapshot.problems));
  }

  auto organization_entries = list_folder(folder / "organization");
  if (!organization_entries && organization_entries.error().kind != ProblemKind::kAbsent) {
    auto problem = organization_entries.error();
    problem.file = "organization/";
    snapshot.problems.push_back(std::move(problem));
  }
  if (std::filesystem::is_directory(folder / "organization", ec)) {
    snapshot.organization =
        read_organization(Location{folder / "organization", "organization"}, snapshot.problems);
    note(snapshot.organization, snapshot.problems);
    if (snapshot.organization) {
      // Service control policies: absent files leave scps_collected false (org-root-scp is UNKNOWN).
      load_service_control_policies(folder / "organization", "organization", *snapshot.organization,
                                    snapshot.problems);
      for (auto& account : snapshot.accounts) {
        if (const auto* member = snapshot.organization->find_account(account.id)) {
          account.name = member->name;
        }
      }
    }
  }
  return snapshot;
}

} // namespace rg::snapshot
