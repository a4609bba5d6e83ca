#pragma once
// The snapshot layout as data: one row per file a snapshot folder can hold (decision 0014). The loader
// reads the folder row by row, `rootguard snapshot layout --format markdown` prints the table of
// docs/snapshot-layout.md from it (a test fails when the page is stale), the corpus tests and the fuzzer
// place their inputs at its paths, and the collector builds the paths it writes with snapshot_path().
// Adding a file to the layout is one row here plus its reader.
#include "util/problem.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rg::model {
struct Snapshot;
struct Account;
struct Region;
} // namespace rg::model

namespace rg::snapshot {

struct Location;

// The folder a row's path is relative to.
enum class Scope {
  kSnapshot,     // <snapshot>/
  kOrganization, // <snapshot>/organization/ (collected from the management account)
  kAccount,      // <snapshot>/accounts/<account-id>/
  kRegion,       // <snapshot>/accounts/<account-id>/regions/<region>/
};

// How the items of a per-item file (GetTrailStatus/<trail-name>.json) are found when reading.
enum class Items {
  kNone,          // one file
  kFolderListing, // every <item>.json in the row's folder
  kListedBy, // the ids that the row named in `listed_by` lists (the organization walk, the SCPs, the RCPs)
};

// Every row, in the order the loader reads them. The numbering is the fuzzer's selector byte (the
// seeds under tests/corpus/snapshot-readers start with it): append new rows at the end of their scope
// only if the seeds are regenerated (fuzz/make_seeds.py).
enum class File : unsigned char {
  kSnapshotInfo,
  kGetCallerIdentity,
  kGetCredentialReport,
  kCredentialReportCsv,
  kGetAccountSummary,
  kListVirtualMfaDevices,
  kListOrganizationsFeatures,
  kDescribeTrails,
  kGetTrailStatus,
  kGetEventSelectors,
  kDescribeMetricFilters,
  kDescribeAlarms,
  kListSubscriptionsByTopic,
  kListDetectors,
  kGetDetector,
  kGetFindings,
  kDescribeOrganization,
  kListRoots,
  kListOrganizationalUnitsForParent,
  kListAccountsForParent,
  kListPolicies,
  kDescribePolicy,
  kListTargetsForPolicy,
  kListResourceControlPolicies,
  kDescribeResourceControlPolicy,
  kListTargetsForResourceControlPolicy,
  kCollectionLog,
  kCloudTrailLogs,
};
inline constexpr size_t kFileCount = static_cast<size_t>(File::kCloudTrailLogs) + 1;

// What a row's load step fills: the snapshot always; the account for account and region rows; the
// region for region rows. Problems go to snapshot.problems (absence is never one: it is UNKNOWN).
struct LoadTarget {
  model::Snapshot& snapshot;
  model::Account* account = nullptr;
  model::Region* region = nullptr;
};
// Reads the row's file(s) below `folder` (the scope's folder) with the row's reader into its model slot;
// true when it was read (present and readable), which rows with `read_after` wait for.
using LoadStep = bool (*)(const Location& folder, LoadTarget& target);

struct LayoutRow {
  File file{};
  Scope scope{};
  // Below the scope's folder; "{item}" stands for the item's name. A trailing '/' names a folder tree.
  std::string_view path{};
  Items items = Items::kNone;
  std::string_view item{};          // what names an item ("trail-name"), shown as <trail-name>
  std::string_view example{};       // an item named as AWS names them: where tests and the fuzzer write
  std::optional<File> listed_by{};  // kListedBy: the file whose answer lists the items
  std::optional<File> read_after{}; // read only when this file was read (the organization's files)
  std::string_view service{};       // as the AWS CLI names it: "iam"; empty for rootguard's own files
  std::string_view cli_operation{}; // "get-account-summary"
  std::string_view api_operation{}; // "GetAccountSummary"
  std::string_view cli_arguments{}; // beyond --output json: "--name <trail-arn>"
  bool paginated = false;           // the AWS CLI merges the pages into one document
  std::string_view reader{};        // the reader function (readers.hpp, scp_readers.hpp)
  std::string_view slot{};          // the model member it fills
  std::string_view note{};          // one line for the docs, when the row needs one
  LoadStep load = nullptr;          // nullptr: read by another row's step, or not by the loader
};

// All rows, in File order.
std::span<const LayoutRow> layout_rows();
const LayoutRow& layout_row(File file);

// What names a path's variable parts; only those the row's scope and items need are used.
struct PathParts {
  std::string_view account; // 12-digit account id (account and region scopes)
  std::string_view region;  // region name (region scope)
  std::string_view item;    // the item's name (per-item rows): trail name, topic name, policy id
};

// The row's path below its scope's folder with the item filled in ("cloudtrail/GetTrailStatus/main.json").
// nullopt when the row has items and `item` is not a safe path component (see is_safe_component).
std::optional<std::string> scope_path(File file, std::string_view item = {});

// The same with `item` put in as it is, unchecked: for names read off a folder listing (one component
// already, whatever its characters) and ids the readers checked (is_policy_id and the like).
std::string path_below_scope(File file, std::string_view item = {});

// The row's path below the snapshot folder:
//   snapshot_path(File::kGetTrailStatus, {"111122223333", "us-east-1", "main"})
//   == "accounts/111122223333/regions/us-east-1/cloudtrail/GetTrailStatus/main.json"
// nullopt when a part the row needs is missing or is not a safe path component.
std::optional<std::string> snapshot_path(File file, const PathParts& parts);

// [A-Za-z0-9._-]{1,255}, not "." or "..": a name from an AWS answer that can be one path component
// as it is (the same rule rootguard collect applies before writing).
bool is_safe_component(std::string_view name);

// The folder of a scope below the snapshot folder ("accounts/<id>/regions/<region>"); "" for kSnapshot.
std::optional<std::string> scope_folder(Scope scope, const PathParts& parts);

std::string_view to_string(Scope scope);

} // namespace rg::snapshot
