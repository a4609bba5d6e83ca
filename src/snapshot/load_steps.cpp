#include "snapshot/load_steps.hpp"

#include "model/snapshot.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/scp_readers.hpp"
#include "util/files.hpp"

#include <fmt/format.h>

namespace rg::snapshot {
namespace {

// Records the problem of a source that is present but unreadable; absence is not a problem, only UNKNOWN.
template <typename T> bool note(const Result<T>& result, LoadTarget& target) {
  if (!result && result.error().kind != ProblemKind::kAbsent) {
    target.snapshot.problems.push_back(result.error());
  }
  return result.has_value();
}

// The <item> names of a per-item row's folder (GetTrailStatus/<trail-name>.json), sorted. A folder that
// exists but cannot be listed is a problem: its files must not silently read as "not collected".
std::vector<std::string> listed_items(const Location& folder, File file, LoadTarget& target, bool& listed) {
  const std::string pattern = path_below_scope(file, "");
  const std::string directory = pattern.substr(0, pattern.rfind('/'));
  const std::string suffix = pattern.substr(pattern.rfind('/') + 1); // ".json"
  std::vector<std::string> items;
  auto entries = list_folder(folder.path(directory));
  listed = entries.has_value();
  if (!entries) {
    if (entries.error().kind != ProblemKind::kAbsent) {
      auto problem = entries.error();
      problem.file = folder.name(directory) + "/";
      target.snapshot.problems.push_back(std::move(problem));
    }
    return items;
  }
  for (const auto& entry : *entries) {
    if (!entry.name.ends_with(suffix)) {
      continue;
    }
    if (!entry.is_regular_file) {
      target.snapshot.problems.push_back(
          Problem{ProblemKind::kUnreadable, folder.name(directory + "/" + entry.name), "",
                  "not a regular file (a folder, FIFO, device or broken link); not read"});
      continue;
    }
    items.push_back(entry.name.substr(0, entry.name.size() - suffix.size()));
  }
  return items;
}

template <typename T, typename Reader>
bool read_each(const Location& folder, File file, std::map<std::string, Result<T>>& out, Reader reader,
               LoadTarget& target) {
  bool listed = false;
  for (const auto& item : listed_items(folder, file, target, listed)) {
    auto value = reader(folder, item);
    note(value, target);
    out.emplace(item, std::move(value));
  }
  return listed;
}

} // namespace

bool load_snapshot_info(const Location& folder, LoadTarget& target) {
  auto info = read_snapshot_info(folder);
  if (!info) {
    // Without collected_at there is no clock for age rules; the scan says so and uses --as-of if given.
    target.snapshot.problems.push_back(info.error());
    return false;
  }
  target.snapshot.collected_at = info->collected_at;
  target.snapshot.partition = info->partition;
  return true;
}

bool load_caller_identity(const Location& folder, LoadTarget& target) {
  auto& account = *target.account;
  account.caller_identity = read_get_caller_identity(folder);
  note(account.caller_identity, target);
  if (account.caller_identity && account.caller_identity->account != account.id) {
    target.snapshot.problems.push_back(
        Problem{ProblemKind::kInvalid, folder.name(path_below_scope(File::kGetCallerIdentity)), "$.Account",
                fmt::format("identity is account {} but the folder is {}; using the folder",
                            account.caller_identity->account, account.id)});
  }
  return account.caller_identity.has_value();
}

bool load_credential_report(const Location& folder, LoadTarget& target) {
  auto& report = target.account->credential_report;
  report = read_get_credential_report(folder);
  note(report, target);
  if (report) {
    for (const auto& problem : report->problems) {
      target.snapshot.problems.push_back(problem);
    }
  }
  return report.has_value();
}

bool load_account_summary(const Location& folder, LoadTarget& target) {
  auto& summary = target.account->account_summary;
  summary = read_get_account_summary(folder);
  note(summary, target);
  if (summary) {
    for (const auto& [key, problem] : summary->invalid) {
      target.snapshot.problems.push_back(problem);
    }
  }
  return summary.has_value();
}

bool load_virtual_mfa_devices(const Location& folder, LoadTarget& target) {
  target.account->virtual_mfa_devices = read_list_virtual_mfa_devices(folder);
  return note(target.account->virtual_mfa_devices, target);
}

bool load_organizations_features(const Location& folder, LoadTarget& target) {
  target.account->organizations_features = read_list_organizations_features(folder);
  return note(target.account->organizations_features, target);
}

bool load_describe_trails(const Location& folder, LoadTarget& target) {
  target.region->trails = read_describe_trails(folder);
  return note(target.region->trails, target);
}

bool load_trail_status(const Location& folder, LoadTarget& target) {
  return read_each(folder, File::kGetTrailStatus, target.region->trail_status, read_get_trail_status, target);
}

bool load_event_selectors(const Location& folder, LoadTarget& target) {
  return read_each(folder, File::kGetEventSelectors, target.region->event_selectors, read_get_event_selectors,
                   target);
}

bool load_metric_filters(const Location& folder, LoadTarget& target) {
  target.region->metric_filters = read_describe_metric_filters(folder);
  return note(target.region->metric_filters, target);
}

bool load_alarms(const Location& folder, LoadTarget& target) {
  target.region->alarms = read_describe_alarms(folder);
  return note(target.region->alarms, target);
}

bool load_subscriptions(const Location& folder, LoadTarget& target) {
  return read_each(folder, File::kListSubscriptionsByTopic, target.region->subscriptions,
                   read_list_subscriptions_by_topic, target);
}

bool load_list_detectors(const Location& folder, LoadTarget& target) {
  target.region->detector_ids = read_list_detectors(folder);
  return note(target.region->detector_ids, target);
}

bool load_detectors(const Location& folder, LoadTarget& target) {
  return read_each(folder, File::kGetDetector, target.region->detectors, read_get_detector, target);
}

bool load_findings(const Location& folder, LoadTarget& target) {
  target.region->guardduty_findings = read_get_findings(folder);
  return note(target.region->guardduty_findings, target);
}

bool load_organization(const Location& folder, LoadTarget& target) {
  target.snapshot.organization = read_organization(folder, target.snapshot.problems);
  return note(target.snapshot.organization, target);
}

bool load_service_control_policies_step(const Location& folder, LoadTarget& target) {
  // Absent files leave scps_collected false (org-root-scp is UNKNOWN).
  load_service_control_policies(folder.directory, folder.display, *target.snapshot.organization,
                                target.snapshot.problems);
  return target.snapshot.organization->scps_collected;
}

bool load_resource_control_policies_step(const Location& folder, LoadTarget& target) {
  // Absent files leave rcps_collected false (what RCPs could change is UNKNOWN in org-root-scp).
  load_resource_control_policies(folder.directory, folder.display, *target.snapshot.organization,
                                 target.snapshot.problems);
  return target.snapshot.organization->rcps_collected;
}

} // namespace rg::snapshot
