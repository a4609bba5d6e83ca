#include "snapshot/snapshot_loader.hpp"

#include "model/aws_ids.hpp"
#include "snapshot/read_collection_log.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <array>
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

// Runs the load steps of one scope's rows in table order. A row with `read_after` waits for that row
// of the same scope (the SCPs for the organization itself).
void load_scope(Scope scope, const Location& folder, LoadTarget& target) {
  std::array<bool, kFileCount> read{};
  for (const auto& row : layout_rows()) {
    if (row.scope != scope || row.load == nullptr) {
      continue;
    }
    if (row.read_after && !read[static_cast<size_t>(*row.read_after)]) {
      continue;
    }
    read[static_cast<size_t>(row.file)] = row.load(folder, target);
  }
}

model::Account load_account(const std::filesystem::path& directory, const std::string& id,
                            model::Snapshot& snapshot) {
  const Location location{directory, "accounts/" + id};
  model::Account account;
  account.id = id;
  account.directory = location.display;
  LoadTarget target{snapshot, &account, nullptr};
  load_scope(Scope::kAccount, location, target);
  account.partition = own_partition(account);
  // regions/ that exists but cannot be listed hides every regional control: a problem, never "no regions".
  auto regions = list_folder(directory / "regions");
  if (!regions && regions.error().kind != ProblemKind::kAbsent) {
    auto problem = regions.error();
    problem.file = location.name("regions/");
    account.regions_problem = problem;
    snapshot.problems.push_back(std::move(problem));
  }
  for (const auto& entry : regions ? *regions : std::vector<FolderEntry>{}) {
    if (!entry.is_directory) {
      snapshot.problems.push_back(Problem{ProblemKind::kUnreadable, location.name("regions/" + entry.name),
                                          "", "not a folder (each region is a folder); not read"});
      continue;
    }
    if (!model::is_region_name(entry.name)) {
      // The name becomes a resource in findings and a --region in generated commands: never a raw string.
      snapshot.problems.push_back(
          Problem{ProblemKind::kInvalid, location.name("regions/" + entry.name), "",
                  "folder name is not an AWS region name (like us-east-1); not read"});
      continue;
    }
    const Location folder{directory / "regions" / entry.name, location.display + "/regions/" + entry.name};
    model::Region region;
    region.name = entry.name;
    LoadTarget region_target{snapshot, &account, &region};
    load_scope(Scope::kRegion, folder, region_target);
    account.regions.push_back(std::move(region));
  }
  return account;
}

} // namespace

model::Snapshot load_snapshot(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    const bool exists = std::filesystem::exists(folder, ec);
    throw FatalError(ExitCode::kError,
                     exists ? fmt::format("--snapshot {} is not a folder: give the snapshot folder (the one "
                                          "that holds snapshot.json and accounts/)",
                                          folder.string())
                            : fmt::format("snapshot folder not found: {}", folder.string()));
  }
  // Every read below stays inside the snapshot: a link to ~/.aws/credentials is refused, never quoted.
  const ConfinedReads confined(folder);
  model::Snapshot snapshot;
  snapshot.path = folder.string();
  // A file absent because its call failed says which call and which error (collection.json).
  auto log = read_collection_log(folder, snapshot.problems);
  const ExplainedAbsences explained(folder, std::move(log.absence_reasons));
  LoadTarget target{snapshot};
  load_scope(Scope::kSnapshot, Location{folder, ""}, target);

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
    auto account = load_account(folder / "accounts" / entry.name, entry.name, snapshot);
    snapshot.accounts.push_back(std::move(account));
  }
  // Members the collection could not reach have no folder: loaded all the same, so that each of their
  // verdicts is UNKNOWN with the reason (ExplainedAbsences) instead of the account missing from the report.
  for (const auto& id : log.unreachable_accounts) {
    const bool loaded = std::any_of(snapshot.accounts.begin(), snapshot.accounts.end(),
                                    [&](const model::Account& a) { return a.id == id; });
    if (!loaded) {
      snapshot.accounts.push_back(load_account(folder / "accounts" / id, id, snapshot));
    }
  }
  std::sort(snapshot.accounts.begin(), snapshot.accounts.end(),
            [](const model::Account& a, const model::Account& b) { return a.id < b.id; });

  auto organization_entries = list_folder(folder / "organization");
  if (!organization_entries && organization_entries.error().kind != ProblemKind::kAbsent) {
    auto problem = organization_entries.error();
    problem.file = "organization/";
    snapshot.problems.push_back(std::move(problem));
  }
  if (std::filesystem::is_directory(folder / "organization", ec)) {
    load_scope(Scope::kOrganization, Location{folder / "organization", "organization"}, target);
    if (snapshot.organization) {
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
