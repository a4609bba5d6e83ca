// Replays the bad-input corpora: each file is placed where every snapshot reader looks, and fed to the
// credential report parser. Nothing may crash or throw; every unreadable file is a located problem.
#include "snapshot/credential_report_parser.hpp"
#include "snapshot/snapshot_loader.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace rg::snapshot {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(RG_TEST_DATA_DIR) / ".." / "corpus";

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SnapshotCorpus, EveryBadJsonFileIsReportedWhereverItLies) {
  const std::vector<std::string> targets{"sts/GetCallerIdentity.json",
                                         "iam/GetCredentialReport.json",
                                         "iam/GetAccountSummary.json",
                                         "iam/ListVirtualMFADevices.json",
                                         "iam/ListOrganizationsFeatures.json",
                                         "regions/us-east-1/cloudtrail/DescribeTrails.json",
                                         "regions/us-east-1/cloudtrail/GetTrailStatus/main.json",
                                         "regions/us-east-1/cloudtrail/GetEventSelectors/main.json",
                                         "regions/us-east-1/logs/DescribeMetricFilters.json",
                                         "regions/us-east-1/cloudwatch/DescribeAlarms.json",
                                         "regions/us-east-1/sns/ListSubscriptionsByTopic/alerts.json",
                                         "regions/us-east-1/guardduty/ListDetectors.json",
                                         "regions/us-east-1/guardduty/GetDetector/abc.json",
                                         "regions/us-east-1/guardduty/GetFindings.json"};
  const auto files = files_in(kCorpus / "snapshot-json");
  ASSERT_GE(files.size(), 8U);
  for (const auto& file : files) {
    const auto content = read_file(file);
    ASSERT_TRUE(content);
    const auto dir = fs::temp_directory_path() / ("rg_corpus_" + file.stem().string());
    fs::remove_all(dir);
    for (const auto& target : targets) {
      fs::create_directories((dir / "accounts/123456789012" / target).parent_path());
      std::ofstream(dir / "accounts/123456789012" / target, std::ios::binary) << *content;
    }
    for (const auto& target : {"organization/DescribeOrganization.json", "snapshot.json"}) {
      fs::create_directories((dir / target).parent_path());
      std::ofstream(dir / target, std::ios::binary) << *content;
    }
    model::Snapshot snapshot;
    ASSERT_NO_THROW(snapshot = load_snapshot(dir)) << file;
    ASSERT_EQ(snapshot.accounts.size(), 1U) << file;
    // Every reader rejects these inputs, and each rejection names its file.
    for (const auto& target : targets) {
      const std::string name = "accounts/123456789012/" + target;
      const bool named = std::any_of(snapshot.problems.begin(), snapshot.problems.end(),
                                     [&](const Problem& p) { return p.file.rfind(name, 0) == 0; });
      EXPECT_TRUE(named) << file.filename() << " as " << target;
    }
    fs::remove_all(dir);
  }
}

TEST(SnapshotCorpus, CredentialReportsNeverCrashTheParser) {
  for (const auto& file : files_in(kCorpus / "credential-report")) {
    const auto content = read_file(file);
    ASSERT_TRUE(content);
    const auto report = parse_credential_report_csv(*content, file.filename().string());
    if (!report) {
      EXPECT_FALSE(report.error().message.empty()) << file;
      EXPECT_EQ(report.error().file, file.filename().string());
    }
  }
}

} // namespace
} // namespace rg::snapshot
