#pragma once
// One reader per AWS response, named after the CLI command that printed it. Each takes the account
// folder (or snapshot folder) and returns the model value or a located Problem.
#include "model/account.hpp"
#include "model/organization.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

#include <filesystem>
#include <string>

namespace rg::snapshot {

struct SnapshotInfo {
  TimePoint collected_at{};
  std::string partition = "aws";
};

// `display_root` is how paths appear in messages (the folder as the user named it).
struct Location {
  std::filesystem::path directory;
  std::string display; // "accounts/111111111111"
  std::filesystem::path path(const std::string& relative) const { return directory / relative; }
  std::string name(const std::string& relative) const {
    return display.empty() ? relative : display + "/" + relative;
  }
};

Result<SnapshotInfo> read_snapshot_info(const Location& snapshot);
Result<model::CallerIdentity> read_get_caller_identity(const Location& account);
Result<model::CredentialReport> read_get_credential_report(const Location& account);
Result<model::AccountSummary> read_get_account_summary(const Location& account);
Result<model::VirtualMfaDevices> read_list_virtual_mfa_devices(const Location& account);
Result<model::OrganizationsFeatures> read_list_organizations_features(const Location& account);

// regions/<region>/...: `region` is the region folder as a Location; `name` is the trail, topic or detector.
Result<std::vector<model::Trail>> read_describe_trails(const Location& region);
Result<model::TrailStatus> read_get_trail_status(const Location& region, const std::string& trail_file);
Result<model::EventSelectors> read_get_event_selectors(const Location& region, const std::string& trail_file);
Result<std::vector<model::MetricFilter>> read_describe_metric_filters(const Location& region);
Result<std::vector<model::Alarm>> read_describe_alarms(const Location& region);
Result<std::vector<model::Subscription>> read_list_subscriptions_by_topic(const Location& region,
                                                                          const std::string& topic_file);
Result<std::vector<std::string>> read_list_detectors(const Location& region);
Result<model::Detector> read_get_detector(const Location& region, const std::string& detector_file);
Result<std::vector<model::GuardDutyFinding>> read_get_findings(const Location& region);

// organization/: DescribeOrganization, ListRoots, then ListOrganizationalUnitsForParent and
// ListAccountsForParent walked from each root. Problems in single files are appended to `problems`.
Result<model::Organization> read_organization(const Location& organization, std::vector<Problem>& problems);

} // namespace rg::snapshot
