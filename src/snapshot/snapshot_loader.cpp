#include "snapshot/snapshot_loader.hpp"

#include "policy/org_scp_reader.hpp"
#include "snapshot/load_region.hpp"
#include "snapshot/readers.hpp"
#include "util/fatal_error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::snapshot {
namespace {

bool is_account_id(const std::string& text) {
  return text.size() == 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
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
  std::error_code ec;
  std::vector<std::string> region_names;
  for (const auto& entry : std::filesystem::directory_iterator(directory / "regions", ec)) {
    if (entry.is_directory()) {
      region_names.push_back(entry.path().filename().string());
    }
  }
  std::sort(region_names.begin(), region_names.end());
  for (const auto& name : region_names) {
    const Location region{directory / "regions" / name, location.display + "/regions/" + name};
    account.regions.push_back(load_region(region, name, problems));
  }
  return account;
}

} // namespace

model::Snapshot load_snapshot(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    throw FatalError(ExitCode::kError, fmt::format("snapshot folder not found: {}", folder.string()));
  }
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

  const auto accounts_dir = folder / "accounts";
  if (std::filesystem::is_directory(accounts_dir, ec)) {
    std::vector<std::string> ids;
    for (const auto& entry : std::filesystem::directory_iterator(accounts_dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_directory()) {
        continue;
      }
      if (!is_account_id(name)) {
        snapshot.problems.push_back(Problem{ProblemKind::kInvalid, "accounts/" + name, "",
                                            "folder name is not a 12-digit account id; skipped"});
        continue;
      }
      ids.push_back(name);
    }
    std::sort(ids.begin(), ids.end());
    for (const auto& id : ids) {
      snapshot.accounts.push_back(load_account(accounts_dir / id, id, snapshot.problems));
    }
  } else {
    snapshot.problems.push_back(
        Problem{ProblemKind::kAbsent, "accounts/", "", "no accounts folder in the snapshot"});
  }

  if (std::filesystem::is_directory(folder / "organization", ec)) {
    snapshot.organization =
        read_organization(Location{folder / "organization", "organization"}, snapshot.problems);
    note(snapshot.organization, snapshot.problems);
    if (snapshot.organization) {
      // Service control policies: absent files leave scps_collected false (org-root-scp is UNKNOWN).
      policy::load_service_control_policies(folder / "organization", "organization", *snapshot.organization,
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
