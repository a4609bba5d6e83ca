// history and diff through the binary, with goldens in tests/golden/store (scripts/update-golden
// rewrites them); --store-time fixes the runs' start times.
#include "cli/run_binary.hpp"
#include "store/database.hpp"
#include "store/read_runs.hpp"
#include "store/write_run.hpp"
#include "store_fixtures.hpp"

#include <cstdlib>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sstream>
#include <thread>

namespace rg::store {
namespace {

using rg::testing::run_rootguard;
using rg::testing::RunResult;
using ::testing::HasSubstr;

namespace fs = std::filesystem;
const fs::path kGolden = fs::path(RG_SOURCE_DIR) / "tests" / "golden" / "store";

std::string normalized(std::string text, const fs::path& store) {
  for (auto at = text.find(store.string()); at != std::string::npos; at = text.find(store.string())) {
    text.replace(at, store.string().size(), "<store>");
  }
  return text;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const auto path = kGolden / name;
  if (std::getenv("RG_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(kGolden);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run scripts/update-golden)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "output differs from " << path << " (scripts/update-golden to accept)";
}

// Four runs of the example organization: a plain scan, the same scan with examples/mutelist.yaml, a trail
// run, and the same trail run with the mutelist.
class GoldenStore : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    store_ = new fs::path(*dir_ / "rootguard.db");
    const auto s = store_->string();
    const auto scan = run_rootguard({"scan", "--snapshot", "examples/example-org", "--store", s,
                                     "--store-time", "2026-11-24T09:00:00Z", "--format", "json"});
    ASSERT_EQ(scan.exit_code, 3) << scan.err;
    const auto muted = run_rootguard({"scan", "--snapshot", "examples/example-org", "--store", s,
                                      "--mutelist", "examples/mutelist.yaml", "--mutelist-date", "2026-12-01",
                                      "--store-time", "2026-12-01T09:00:00Z", "--format", "json"});
    ASSERT_EQ(muted.exit_code, 3) << muted.err;
    const auto trail = run_rootguard({"trail", "examples/example-org/cloudtrail", "--store", s, "--threads",
                                      "1", "--store-time", "2026-12-01T09:30:00+09:00", "--format", "json"});
    ASSERT_EQ(trail.exit_code, 3) << trail.err;
    const auto muted_trail =
        run_rootguard({"trail", "examples/example-org/cloudtrail", "--store", s, "--threads", "1",
                       "--mutelist", "examples/mutelist.yaml", "--mutelist-date", "2026-12-01",
                       "--store-time", "2026-12-02T09:00:00Z", "--format", "json"});
    ASSERT_EQ(muted_trail.exit_code, 3) << muted_trail.err;
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }
  static RunResult rootguard(std::vector<std::string> args) {
    args.insert(args.end(), {"--store", store_->string()});
    return run_rootguard(args);
  }
  static void expect(const std::string& name, const std::vector<std::string>& args, int exit_code) {
    const auto result = rootguard(args);
    EXPECT_EQ(result.exit_code, exit_code) << result.err;
    expect_golden(name, normalized(result.out, *store_));
  }
  static testing::TempDir* dir_;
  static fs::path* store_;
};
testing::TempDir* GoldenStore::dir_ = nullptr;
fs::path* GoldenStore::store_ = nullptr;

TEST_F(GoldenStore, HistoryTableEnglish) {
  expect("history.en.txt", {"history", "--lang", "en"}, 0);
}
TEST_F(GoldenStore, HistoryTableJapanese) {
  expect("history.ja.txt", {"history", "--lang", "ja"}, 0);
}
TEST_F(GoldenStore, HistoryJson) {
  expect("history.json", {"history", "--format", "json"}, 0);
}

// 1 -> 2: the mutelist mutes findings (newly muted), nothing new fails.
TEST_F(GoldenStore, DiffMutedEnglish) {
  expect("diff-1-2.en.txt", {"diff", "1", "2", "--lang", "en"}, 0);
}
TEST_F(GoldenStore, DiffMutedJapanese) {
  expect("diff-1-2.ja.txt", {"diff", "1", "2", "--lang", "ja"}, 0);
}
TEST_F(GoldenStore, DiffMutedJson) {
  expect("diff-1-2.json", {"diff", "1", "2", "--format", "json"}, 0);
}
TEST_F(GoldenStore, DiffMutedMarkdown) {
  expect("diff-1-2.en.md", {"diff", "1", "2", "--format", "markdown", "--lang", "en"}, 0);
}
// 2 -> 1: the mutes are lifted, so their FAILs count again: exit code 3.
TEST_F(GoldenStore, DiffLiftedEnglish) {
  expect("diff-2-1.en.txt", {"diff", "2", "1", "--lang", "en"}, 3);
}
TEST_F(GoldenStore, DiffLiftedMarkdownJapanese) {
  expect("diff-2-1.ja.md", {"diff", "2", "1", "--format", "markdown", "--lang", "ja"}, 3);
}
// The default: the last run (the muted trail run) and the trail run before it; one id: that run and the
// run of its command before it.
TEST_F(GoldenStore, DiffLastTwoJson) {
  expect("diff-last.json", {"diff", "--format", "json"}, 0);
}
TEST_F(GoldenStore, DiffOneIdEnglish) {
  expect("diff-2.en.txt", {"diff", "2", "--lang", "en"}, 0);
}
TEST_F(GoldenStore, DiffFirstOfItsCommand) {
  const auto result = rootguard({"diff", "3"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("run 3 is the first trail run"));
}

TEST(StoreCli, MarkdownEscapesAHostileResourceName) {
  const testing::TempDir dir;
  const auto path = dir / "hostile.db";
  {
    Database db(path, OpenMode::kCreate);
    write_run(db, testing::run(), {});
    auto hostile = testing::finding("h", "FAIL", "critical");
    hostile.resource = "arn:aws:s3:::x | <script>alert(1)</script> ![i](https://evil.example/p.png) "
                       "[click](javascript:alert(1)) **bold** `tick`\n# heading @user www.evil.example";
    write_run(db, testing::run("2026-12-02T09:00:00Z"), {hostile});
  }
  const auto result =
      run_rootguard({"diff", "--store", path.string(), "--format", "markdown", "--lang", "en"});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("<script")));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("](")));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("https://")));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("\n# heading")));
  expect_golden("diff-hostile.md", result.out);
}

TEST(StoreCli, Errors) {
  const testing::TempDir dir;
  const auto missing = run_rootguard({"history", "--store", (dir / "none.db").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("no such store"));
  std::ofstream(dir / "text.db") << std::string(200, 'x');
  const auto text = run_rootguard({"diff", "--store", (dir / "text.db").string()});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_THAT(text.err, HasSubstr((dir / "text.db").string()));
  EXPECT_THAT(text.err, HasSubstr("not a SQLite database"));
  fs::create_symlink(dir / "text.db", dir / "link.db");
  const auto link =
      run_rootguard({"scan", "--snapshot", "examples/example-org", "--store", (dir / "link.db").string()});
  EXPECT_EQ(link.exit_code, 1);
  EXPECT_THAT(link.err, HasSubstr("symbolic link"));
  {
    Database db(dir / "one.db", OpenMode::kCreate);
    write_run(db, testing::run(), {});
  }
  const auto one = run_rootguard({"diff", "--store", (dir / "one.db").string()});
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_THAT(one.err, HasSubstr("first scan run"));
  const auto unknown = run_rootguard({"diff", "--store", (dir / "one.db").string(), "1", "9"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no run 9"));
}

// Two rootguard binaries recording 20 scans each into one new store at the same time.
TEST(StoreCli, TwoBinariesRecordAtOnce) {
  const testing::TempDir dir;
  const auto path = (dir / "shared.db").string();
  std::array<int, 2> failures{};
  std::vector<std::thread> writers;
  for (std::size_t writer = 0; writer < 2; ++writer) {
    writers.emplace_back([&, writer] {
      for (int run = 0; run < 20; ++run) {
        const auto result = run_rootguard(
            {"scan", "--snapshot", "examples/example-org", "--store", path, "--format", "json"});
        if (result.exit_code != 3) {
          ++failures.at(writer);
        }
      }
    });
  }
  for (auto& writer : writers) {
    writer.join();
  }
  EXPECT_EQ(failures[0] + failures[1], 0);
  const Database db(path, OpenMode::kExisting);
  const auto runs = list_runs(db);
  ASSERT_EQ(runs.size(), 40U);
  for (const auto& summary : runs) {
    EXPECT_EQ(summary.fail, runs.front().fail);
  }
  Statement check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
}

} // namespace
} // namespace rg::store
