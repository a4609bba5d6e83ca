#include "snapshot/snapshot_layout.hpp"

#include "snapshot/load_steps.hpp"
#include "util/assert.hpp"

#include <algorithm>
#include <array>

namespace rg::snapshot {
namespace {

// The layout. Paths, services and operations are the contract with the user's own AWS CLI scripts
// (docs/snapshot-layout.md): extend, never rename.
constexpr std::array kRows{
    LayoutRow{.file = File::kSnapshotInfo,
              .scope = Scope::kSnapshot,
              .path = "snapshot.json",
              .reader = "read_snapshot_info",
              .slot = "Snapshot::collected_at, Snapshot::partition",
              .note = "written by rootguard collect or by hand: `collected_at` (the clock for age rules) and "
                      "`partition` (default `aws`)",
              .load = load_snapshot_info},
    LayoutRow{.file = File::kGetCallerIdentity,
              .scope = Scope::kAccount,
              .path = "sts/GetCallerIdentity.json",
              .service = "sts",
              .cli_operation = "get-caller-identity",
              .api_operation = "GetCallerIdentity",
              .reader = "read_get_caller_identity",
              .slot = "Account::caller_identity",
              .load = load_caller_identity},
    LayoutRow{.file = File::kGetCredentialReport,
              .scope = Scope::kAccount,
              .path = "iam/GetCredentialReport.json",
              .service = "iam",
              .cli_operation = "get-credential-report",
              .api_operation = "GetCredentialReport",
              .reader = "read_get_credential_report",
              .slot = "Account::credential_report",
              .note = "after iam generate-credential-report; Content is the base64 CSV",
              .load = load_credential_report},
    LayoutRow{.file = File::kCredentialReportCsv,
              .scope = Scope::kAccount,
              .path = "iam/credential-report.csv",
              .service = "iam",
              .cli_operation = "get-credential-report",
              .api_operation = "GetCredentialReport",
              .cli_arguments = "--query Content --output text | base64 -d",
              .reader = "read_get_credential_report",
              .slot = "Account::credential_report",
              .note = "the decoded CSV, read when GetCredentialReport.json is absent"},
    LayoutRow{.file = File::kGetAccountSummary,
              .scope = Scope::kAccount,
              .path = "iam/GetAccountSummary.json",
              .service = "iam",
              .cli_operation = "get-account-summary",
              .api_operation = "GetAccountSummary",
              .reader = "read_get_account_summary",
              .slot = "Account::account_summary",
              .load = load_account_summary},
    LayoutRow{.file = File::kListVirtualMfaDevices,
              .scope = Scope::kAccount,
              .path = "iam/ListVirtualMFADevices.json",
              .service = "iam",
              .cli_operation = "list-virtual-mfa-devices",
              .api_operation = "ListVirtualMFADevices",
              .paginated = true,
              .reader = "read_list_virtual_mfa_devices",
              .slot = "Account::virtual_mfa_devices",
              .load = load_virtual_mfa_devices},
    LayoutRow{.file = File::kListOrganizationsFeatures,
              .scope = Scope::kAccount,
              .path = "iam/ListOrganizationsFeatures.json",
              .service = "iam",
              .cli_operation = "list-organizations-features",
              .api_operation = "ListOrganizationsFeatures",
              .reader = "read_list_organizations_features",
              .slot = "Account::organizations_features",
              .note = "answers in the management account (or a delegated administrator) only",
              .load = load_organizations_features},
    LayoutRow{.file = File::kDescribeTrails,
              .scope = Scope::kRegion,
              .path = "cloudtrail/DescribeTrails.json",
              .service = "cloudtrail",
              .cli_operation = "describe-trails",
              .api_operation = "DescribeTrails",
              .reader = "read_describe_trails",
              .slot = "Region::trails",
              .load = load_describe_trails},
    LayoutRow{.file = File::kGetTrailStatus,
              .scope = Scope::kRegion,
              .path = "cloudtrail/GetTrailStatus/{item}.json",
              .items = Items::kFolderListing,
              .item = "trail-name",
              .example = "main",
              .service = "cloudtrail",
              .cli_operation = "get-trail-status",
              .api_operation = "GetTrailStatus",
              .cli_arguments = "--name <trail-arn>",
              .reader = "read_get_trail_status",
              .slot = "Region::trail_status[<trail-name>]",
              .note = "for each trail whose HomeRegion is this region",
              .load = load_trail_status},
    LayoutRow{.file = File::kGetEventSelectors,
              .scope = Scope::kRegion,
              .path = "cloudtrail/GetEventSelectors/{item}.json",
              .items = Items::kFolderListing,
              .item = "trail-name",
              .example = "main",
              .service = "cloudtrail",
              .cli_operation = "get-event-selectors",
              .api_operation = "GetEventSelectors",
              .cli_arguments = "--trail-name <trail-arn>",
              .reader = "read_get_event_selectors",
              .slot = "Region::event_selectors[<trail-name>]",
              .note = "rootguard extension, optional",
              .load = load_event_selectors},
    LayoutRow{.file = File::kDescribeMetricFilters,
              .scope = Scope::kRegion,
              .path = "logs/DescribeMetricFilters.json",
              .service = "logs",
              .cli_operation = "describe-metric-filters",
              .api_operation = "DescribeMetricFilters",
              .paginated = true,
              .reader = "read_describe_metric_filters",
              .slot = "Region::metric_filters",
              .load = load_metric_filters},
    LayoutRow{.file = File::kDescribeAlarms,
              .scope = Scope::kRegion,
              .path = "cloudwatch/DescribeAlarms.json",
              .service = "cloudwatch",
              .cli_operation = "describe-alarms",
              .api_operation = "DescribeAlarms",
              .paginated = true,
              .reader = "read_describe_alarms",
              .slot = "Region::alarms",
              .load = load_alarms},
    LayoutRow{.file = File::kListSubscriptionsByTopic,
              .scope = Scope::kRegion,
              .path = "sns/ListSubscriptionsByTopic/{item}.json",
              .items = Items::kFolderListing,
              .item = "topic-name",
              .example = "alerts",
              .service = "sns",
              .cli_operation = "list-subscriptions-by-topic",
              .api_operation = "ListSubscriptionsByTopic",
              .cli_arguments = "--topic-arn <topic-arn>",
              .paginated = true,
              .reader = "read_list_subscriptions_by_topic",
              .slot = "Region::subscriptions[<topic-name>]",
              .note = "for each topic of sns list-topics; the file is named after the ARN's last part",
              .load = load_subscriptions},
    LayoutRow{.file = File::kListDetectors,
              .scope = Scope::kRegion,
              .path = "guardduty/ListDetectors.json",
              .service = "guardduty",
              .cli_operation = "list-detectors",
              .api_operation = "ListDetectors",
              .paginated = true,
              .reader = "read_list_detectors",
              .slot = "Region::detector_ids",
              .load = load_list_detectors},
    LayoutRow{.file = File::kGetDetector,
              .scope = Scope::kRegion,
              .path = "guardduty/GetDetector/{item}.json",
              .items = Items::kFolderListing,
              .item = "detector-id",
              .example = "abc",
              .service = "guardduty",
              .cli_operation = "get-detector",
              .api_operation = "GetDetector",
              .cli_arguments = "--detector-id <detector-id>",
              .reader = "read_get_detector",
              .slot = "Region::detectors[<detector-id>]",
              .load = load_detectors},
    LayoutRow{.file = File::kGetFindings,
              .scope = Scope::kRegion,
              .path = "guardduty/GetFindings.json",
              .service = "guardduty",
              .cli_operation = "get-findings",
              .api_operation = "GetFindings",
              .cli_arguments = "--detector-id <detector-id> --finding-ids <ids>",
              .reader = "read_get_findings",
              .slot = "Region::guardduty_findings",
              .note = "the ids of guardduty list-findings for resource.accessKeyDetails.userType Root, every "
                      "detector's findings in one list",
              .load = load_findings},
    LayoutRow{.file = File::kDescribeOrganization,
              .scope = Scope::kOrganization,
              .path = "DescribeOrganization.json",
              .service = "organizations",
              .cli_operation = "describe-organization",
              .api_operation = "DescribeOrganization",
              .reader = "read_organization",
              .slot = "Snapshot::organization",
              .note = "the organization folder is collected from the management account",
              .load = load_organization},
    LayoutRow{.file = File::kListRoots,
              .scope = Scope::kOrganization,
              .path = "ListRoots.json",
              .read_after = File::kDescribeOrganization,
              .service = "organizations",
              .cli_operation = "list-roots",
              .api_operation = "ListRoots",
              .paginated = true,
              .reader = "read_organization",
              .slot = "Organization::root_ids, Organization::scp_type_status"},
    LayoutRow{.file = File::kListOrganizationalUnitsForParent,
              .scope = Scope::kOrganization,
              .path = "ListOrganizationalUnitsForParent/{item}.json",
              .items = Items::kListedBy,
              .item = "parent-id",
              .example = "r-ab12",
              .listed_by = File::kListRoots,
              .read_after = File::kListRoots,
              .service = "organizations",
              .cli_operation = "list-organizational-units-for-parent",
              .api_operation = "ListOrganizationalUnitsForParent",
              .cli_arguments = "--parent-id <parent-id>",
              .paginated = true,
              .reader = "read_organization",
              .slot = "Organization::units",
              .note = "each organizational unit found is a parent too"},
    LayoutRow{.file = File::kListAccountsForParent,
              .scope = Scope::kOrganization,
              .path = "ListAccountsForParent/{item}.json",
              .items = Items::kListedBy,
              .item = "parent-id",
              .example = "r-ab12",
              .listed_by = File::kListRoots,
              .read_after = File::kListRoots,
              .service = "organizations",
              .cli_operation = "list-accounts-for-parent",
              .api_operation = "ListAccountsForParent",
              .cli_arguments = "--parent-id <parent-id>",
              .paginated = true,
              .reader = "read_organization",
              .slot = "Organization::accounts",
              .note = "the organizational units found are parents too"},
    LayoutRow{.file = File::kListPolicies,
              .scope = Scope::kOrganization,
              .path = "ListPolicies-SERVICE_CONTROL_POLICY.json",
              .read_after = File::kDescribeOrganization,
              .service = "organizations",
              .cli_operation = "list-policies",
              .api_operation = "ListPolicies",
              .cli_arguments = "--filter SERVICE_CONTROL_POLICY",
              .paginated = true,
              .reader = "read_list_policies",
              .slot = "Organization::service_control_policies, Organization::scps_collected",
              .load = load_service_control_policies_step},
    LayoutRow{.file = File::kDescribePolicy,
              .scope = Scope::kOrganization,
              .path = "DescribePolicy/{item}.json",
              .items = Items::kListedBy,
              .item = "policy-id",
              .example = "p-abcd1234",
              .listed_by = File::kListPolicies,
              .read_after = File::kListPolicies,
              .service = "organizations",
              .cli_operation = "describe-policy",
              .api_operation = "DescribePolicy",
              .cli_arguments = "--policy-id <policy-id>",
              .reader = "read_describe_policy",
              .slot = "OrganizationPolicy::content"},
    LayoutRow{.file = File::kListTargetsForPolicy,
              .scope = Scope::kOrganization,
              .path = "ListTargetsForPolicy/{item}.json",
              .items = Items::kListedBy,
              .item = "policy-id",
              .example = "p-abcd1234",
              .listed_by = File::kListPolicies,
              .read_after = File::kListPolicies,
              .service = "organizations",
              .cli_operation = "list-targets-for-policy",
              .api_operation = "ListTargetsForPolicy",
              .cli_arguments = "--policy-id <policy-id>",
              .paginated = true,
              .reader = "read_list_targets_for_policy",
              .slot = "OrganizationPolicy::targets"},
    // RCPs: the same three AWS answers as for SCPs, under their own names (a path names one row).
    LayoutRow{.file = File::kListResourceControlPolicies,
              .scope = Scope::kOrganization,
              .path = "ListPolicies-RESOURCE_CONTROL_POLICY.json",
              .read_after = File::kDescribeOrganization,
              .service = "organizations",
              .cli_operation = "list-policies",
              .api_operation = "ListPolicies",
              .cli_arguments = "--filter RESOURCE_CONTROL_POLICY",
              .paginated = true,
              .reader = "read_list_policies",
              .slot = "Organization::resource_control_policies, Organization::rcps_collected",
              .note = "optional: without it, verdicts that RCPs could change are UNKNOWN",
              .load = load_resource_control_policies_step},
    LayoutRow{.file = File::kDescribeResourceControlPolicy,
              .scope = Scope::kOrganization,
              .path = "DescribePolicy-RESOURCE_CONTROL_POLICY/{item}.json",
              .items = Items::kListedBy,
              .item = "policy-id",
              .example = "p-RCPFullAWSAccess",
              .listed_by = File::kListResourceControlPolicies,
              .read_after = File::kListResourceControlPolicies,
              .service = "organizations",
              .cli_operation = "describe-policy",
              .api_operation = "DescribePolicy",
              .cli_arguments = "--policy-id <policy-id>",
              .reader = "read_describe_policy",
              .slot = "OrganizationPolicy::content"},
    LayoutRow{.file = File::kListTargetsForResourceControlPolicy,
              .scope = Scope::kOrganization,
              .path = "ListTargetsForPolicy-RESOURCE_CONTROL_POLICY/{item}.json",
              .items = Items::kListedBy,
              .item = "policy-id",
              .example = "p-RCPFullAWSAccess",
              .listed_by = File::kListResourceControlPolicies,
              .read_after = File::kListResourceControlPolicies,
              .service = "organizations",
              .cli_operation = "list-targets-for-policy",
              .api_operation = "ListTargetsForPolicy",
              .cli_arguments = "--policy-id <policy-id>",
              .paginated = true,
              .reader = "read_list_targets_for_policy",
              .slot = "OrganizationPolicy::targets"},
    LayoutRow{.file = File::kCollectionLog,
              .scope = Scope::kSnapshot,
              .path = "collection.json",
              .note =
                  "written by rootguard collect: every call (service, operation, account, region, outcome, "
                  "HTTP status, AWS error code, duration, attempts), never a secret; the loader reads its "
                  "failed calls to say why a file is absent (read_collection_log)"},
    LayoutRow{.file = File::kCloudTrailLogs,
              .scope = Scope::kSnapshot,
              .path = "cloudtrail/",
              .service = "cloudtrail",
              .cli_operation = "lookup-events",
              .api_operation = "LookupEvents",
              .paginated = true,
              .reader = "src/trail/ (the CloudTrail scanner)",
              .slot = "root activity for root-recent-use",
              .note =
                  "optional: CloudTrail log files in their S3 key layout, or lookup-events output; read by "
                  "scan and rootguard trail, not by the loader"},
};

static_assert(kRows.size() == kFileCount, "one row per File");

constexpr bool in_file_order() {
  for (size_t i = 0; i < kRows.size(); ++i) {
    if (static_cast<size_t>(kRows[i].file) != i) {
      return false;
    }
  }
  return true;
}
static_assert(in_file_order(), "rows are indexed by File");

constexpr std::string_view kItem = "{item}";

} // namespace

std::span<const LayoutRow> layout_rows() {
  return kRows;
}

const LayoutRow& layout_row(File file) {
  const auto index = static_cast<size_t>(file);
  RG_ASSERT(index < kRows.size());
  return kRows[index];
}

bool is_safe_component(std::string_view name) {
  if (name.empty() || name.size() > 255 || name == "." || name == "..") {
    return false;
  }
  return std::ranges::all_of(name, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string path_below_scope(File file, std::string_view item) {
  const auto& row = layout_row(file);
  std::string path(row.path);
  if (row.items != Items::kNone) {
    const auto at = path.find(kItem);
    RG_ASSERT(at != std::string::npos);
    path.replace(at, kItem.size(), item);
  }
  return path;
}

std::optional<std::string> scope_path(File file, std::string_view item) {
  if (layout_row(file).items != Items::kNone && !is_safe_component(item)) {
    return std::nullopt;
  }
  return path_below_scope(file, item);
}

std::optional<std::string> scope_folder(Scope scope, const PathParts& parts) {
  switch (scope) {
  case Scope::kSnapshot:
    return std::string();
  case Scope::kOrganization:
    return std::string("organization");
  case Scope::kAccount:
    if (!is_safe_component(parts.account)) {
      return std::nullopt;
    }
    return "accounts/" + std::string(parts.account);
  case Scope::kRegion:
    if (!is_safe_component(parts.account) || !is_safe_component(parts.region)) {
      return std::nullopt;
    }
    return "accounts/" + std::string(parts.account) + "/regions/" + std::string(parts.region);
  }
  return std::nullopt;
}

std::optional<std::string> snapshot_path(File file, const PathParts& parts) {
  const auto& row = layout_row(file);
  auto folder = scope_folder(row.scope, parts);
  auto below = scope_path(file, parts.item);
  if (!folder || !below) {
    return std::nullopt;
  }
  return folder->empty() ? *below : *folder + "/" + *below;
}

std::string_view to_string(Scope scope) {
  switch (scope) {
  case Scope::kSnapshot:
    return "snapshot";
  case Scope::kOrganization:
    return "organization";
  case Scope::kAccount:
    return "account";
  case Scope::kRegion:
    return "region";
  }
  return "";
}

} // namespace rg::snapshot
