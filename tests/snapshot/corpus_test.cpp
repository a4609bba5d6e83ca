// Replays the bad-input corpora: each file is placed at every JSON file of the layout table (so a new
// row is covered as soon as it exists), and fed to the credential report parser. Nothing may crash or
// throw; every unreadable file is a located problem.
#include "snapshot/credential_report_parser.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "snapshot/snapshot_loader.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>

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

constexpr const char* kAccount = "123456789012";
constexpr const char* kRegion = "us-east-1";

// Where the corpus writes a row's file: the row's example item in the test account and region.
std::string sample_path(const LayoutRow& row) {
  return *snapshot_path(row.file, {kAccount, kRegion, row.example});
}

// The JSON files the loader reads, straight from the table: a new row is covered with no change here.
// (The decoded credential report is CSV: tests/corpus/credential-report covers it below.)
bool read_as_json(const LayoutRow& row) {
  return row.path.ends_with(".json") && (row.load != nullptr || row.read_after.has_value());
}

// Files the loader reads only after another one: a good document for that one, listing the row's
// example item, so the bad file behind it is reached. A row that waits for a file missing here fails
// the test below rather than going unchecked.
const std::map<File, std::string>& good_prerequisites() {
  static const std::map<File, std::string> documents{
      {File::kDescribeOrganization,
       R"({"Organization": {"Id": "o-ab12cd34ef", "MasterAccountId": "123456789012"}})"},
      {File::kListRoots, R"({"Roots": [{"Id": "r-ab12"}]})"},
      {File::kListPolicies, R"({"Policies": [{"Id": "p-abcd1234", "Name": "p"}]})"},
      {File::kListResourceControlPolicies,
       R"({"Policies": [{"Id": "p-RCPFullAWSAccess", "Name": "RCPFullAWSAccess"}]})"},
  };
  return documents;
}

void write(const fs::path& dir, const std::string& relative, const std::string& content) {
  fs::create_directories((dir / relative).parent_path());
  std::ofstream(dir / relative, std::ios::binary) << content;
}

bool names(const model::Snapshot& snapshot, const std::string& file) {
  return std::any_of(snapshot.problems.begin(), snapshot.problems.end(),
                     [&](const Problem& p) { return p.file.rfind(file, 0) == 0 && !p.message.empty(); });
}

// Each bad file at every place the loader reads on its own, all at once: each rejection names its file.
TEST(SnapshotCorpus, EveryBadJsonFileIsReportedWhereverItLies) {
  const auto files = files_in(kCorpus / "snapshot-json");
  ASSERT_GE(files.size(), 8U);
  size_t rows = 0;
  for (const auto& file : files) {
    const auto content = read_file(file);
    ASSERT_TRUE(content);
    const auto dir = fs::temp_directory_path() / ("rg_corpus_" + file.stem().string());
    fs::remove_all(dir);
    rows = 0;
    for (const auto& row : layout_rows()) {
      if (read_as_json(row) && !row.read_after) {
        write(dir, sample_path(row), *content);
        ++rows;
      }
    }
    model::Snapshot snapshot;
    ASSERT_NO_THROW(snapshot = load_snapshot(dir)) << file;
    ASSERT_EQ(snapshot.accounts.size(), 1U) << file;
    for (const auto& row : layout_rows()) {
      if (read_as_json(row) && !row.read_after) {
        EXPECT_TRUE(names(snapshot, sample_path(row))) << file.filename() << " as " << sample_path(row);
      }
    }
    fs::remove_all(dir);
  }
  EXPECT_GE(rows, 15U);
}

// The files read only after another one (the organization's walk, the SCPs), each behind good ones.
TEST(SnapshotCorpus, EveryBadJsonFileIsReportedBehindGoodPrerequisites) {
  const auto files = files_in(kCorpus / "snapshot-json");
  size_t checked = 0;
  for (const auto& row : layout_rows()) {
    if (!read_as_json(row) || !row.read_after) {
      continue;
    }
    for (const auto& file : files) {
      const auto content = read_file(file);
      ASSERT_TRUE(content);
      const auto dir = fs::temp_directory_path() / ("rg_corpus_after_" + file.stem().string());
      fs::remove_all(dir);
      for (auto before = row.read_after; before; before = layout_row(*before).read_after) {
        const auto good = good_prerequisites().find(*before);
        ASSERT_NE(good, good_prerequisites().end())
            << sample_path(row) << " is read after " << layout_row(*before).path
            << ": add a good document for it to good_prerequisites()";
        write(dir, sample_path(layout_row(*before)), good->second);
      }
      write(dir, sample_path(row), *content);
      model::Snapshot snapshot;
      ASSERT_NO_THROW(snapshot = load_snapshot(dir)) << file;
      EXPECT_TRUE(names(snapshot, sample_path(row))) << file.filename() << " as " << sample_path(row);
      fs::remove_all(dir);
    }
    ++checked;
  }
  EXPECT_GE(checked, 5U);
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
