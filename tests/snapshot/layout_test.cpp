// The layout table is consistent with itself, with the AWS models rootguard's client calls, and with the
// example snapshot; its paths are built safely for the collector.
#include "aws/generated/service_models.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

namespace rg::snapshot {
namespace {

namespace fs = std::filesystem;

TEST(SnapshotLayout, RowsAreWellFormed) {
  std::set<std::string> paths;
  size_t index = 0;
  for (const auto& row : layout_rows()) {
    const std::string path(row.path);
    EXPECT_EQ(static_cast<size_t>(row.file), index++) << path;
    EXPECT_TRUE(paths.insert(std::string(to_string(row.scope)) + ":" + path).second) << "duplicate " << path;
    const bool per_item = row.items != Items::kNone;
    EXPECT_EQ(path.find("{item}") != std::string::npos, per_item) << path;
    EXPECT_EQ(!row.item.empty(), per_item) << path;
    EXPECT_EQ(!row.example.empty(), per_item) << path;
    if (per_item) {
      EXPECT_TRUE(is_safe_component(row.example)) << path;
    }
    EXPECT_EQ(row.items == Items::kListedBy, row.listed_by.has_value()) << path;
    if (row.listed_by) {
      EXPECT_EQ(layout_row(*row.listed_by).scope, row.scope) << path;
    }
    if (row.read_after) {
      EXPECT_EQ(layout_row(*row.read_after).scope, row.scope) << path;
      // The loader waits only for rows it runs itself.
      if (row.load != nullptr) {
        EXPECT_NE(layout_row(*row.read_after).load, nullptr) << path;
      }
    }
    if (row.load != nullptr) {
      EXPECT_FALSE(row.reader.empty()) << path;
      EXPECT_FALSE(row.slot.empty()) << path;
    }
    EXPECT_EQ(row.service.empty(), row.api_operation.empty()) << path;
    EXPECT_EQ(row.service.empty(), row.cli_operation.empty()) << path;
  }
  EXPECT_EQ(index, kFileCount);
}

// Service, operation and pagination as botocore has them (src/aws/generated, what the collector calls).
TEST(SnapshotLayout, OperationsAndPaginationAreTheAwsModels) {
  const auto models = nlohmann::json::parse(aws::service_models_json());
  for (const auto& row : layout_rows()) {
    if (row.service.empty()) {
      continue;
    }
    const std::string service(row.service);
    const std::string operation(row.api_operation);
    ASSERT_TRUE(models["services"].contains(service)) << service;
    const auto& operations = models["services"][service]["operations"];
    ASSERT_TRUE(operations.contains(operation)) << service << " " << operation;
    EXPECT_EQ(operations[operation].contains("paginator"), row.paginated) << service << " " << operation;
  }
}

TEST(SnapshotLayout, PathsForTheCollector) {
  EXPECT_EQ(snapshot_path(File::kGetTrailStatus, {"111122223333", "us-east-1", "main"}),
            "accounts/111122223333/regions/us-east-1/cloudtrail/GetTrailStatus/main.json");
  EXPECT_EQ(snapshot_path(File::kGetAccountSummary, {"111122223333", "", ""}),
            "accounts/111122223333/iam/GetAccountSummary.json");
  EXPECT_EQ(snapshot_path(File::kDescribePolicy, {"", "", "p-abcd1234"}),
            "organization/DescribePolicy/p-abcd1234.json");
  EXPECT_EQ(snapshot_path(File::kListPolicies, {}), "organization/ListPolicies-SERVICE_CONTROL_POLICY.json");
  EXPECT_EQ(snapshot_path(File::kSnapshotInfo, {}), "snapshot.json");
  EXPECT_EQ(scope_path(File::kGetDetector, "abc"), "guardduty/GetDetector/abc.json");
  EXPECT_EQ(scope_folder(Scope::kRegion, {"111122223333", "eu-west-1", ""}),
            "accounts/111122223333/regions/eu-west-1");
}

TEST(SnapshotLayout, UnsafeNamesNeverBecomePaths) {
  for (const char* bad : {"", ".", "..", "../x", "a/b", "a\\b", "a b", "x\n", "\xc3\xa9"}) {
    EXPECT_FALSE(snapshot_path(File::kGetTrailStatus, {"111122223333", "us-east-1", bad})) << bad;
    EXPECT_FALSE(snapshot_path(File::kGetTrailStatus, {"111122223333", bad, "main"})) << bad;
    EXPECT_FALSE(snapshot_path(File::kGetAccountSummary, {bad, "", ""})) << bad;
    EXPECT_FALSE(scope_path(File::kDescribePolicy, bad)) << bad;
  }
  EXPECT_FALSE(snapshot_path(File::kGetTrailStatus, {"111122223333", "us-east-1", std::string(256, 'a')}));
}

// A row's full path as a regular expression:
// "accounts/[^/]+/regions/[^/]+/cloudtrail/GetTrailStatus/[^/]+\.json".
std::regex row_pattern(const LayoutRow& row) {
  std::string pattern = row.scope == Scope::kSnapshot       ? ""
                        : row.scope == Scope::kOrganization ? "organization/"
                        : row.scope == Scope::kAccount      ? "accounts/[^/]+/"
                                                            : "accounts/[^/]+/regions/[^/]+/";
  const std::string path(row.path);
  for (size_t i = 0; i < path.size(); ++i) {
    if (path.compare(i, 6, "{item}") == 0) {
      pattern += "[^/]+";
      i += 5;
    } else if (std::string_view(".[]()*+?^$|\\{}").find(path[i]) != std::string_view::npos) {
      pattern += std::string("\\") + path[i];
    } else {
      pattern += path[i];
    }
  }
  if (path.ends_with('/')) {
    pattern += ".*"; // a folder tree (cloudtrail/)
  }
  return std::regex(pattern);
}

// The table covers the layout: every file of the example organization is some row's file.
TEST(SnapshotLayout, EveryFileOfTheExampleSnapshotIsARow) {
  std::vector<std::regex> patterns;
  for (const auto& row : layout_rows()) {
    patterns.push_back(row_pattern(row));
  }
  const fs::path root = fs::path(RG_SOURCE_DIR) / "examples" / "example-org";
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    ++files;
    const auto relative = fs::relative(entry.path(), root).generic_string();
    const bool known = std::any_of(patterns.begin(), patterns.end(), [&](const std::regex& pattern) {
      return std::regex_match(relative, pattern);
    });
    EXPECT_TRUE(known) << relative << " is in the example snapshot but in no layout row";
  }
  EXPECT_GT(files, 40U);
}

} // namespace
} // namespace rg::snapshot
