// Two processes writing one store at once (a fresh file: both also race to create the schema): every
// run lands whole and the database stays intact.
#include "store/database.hpp"
#include "store/read_runs.hpp"
#include "store/write_run.hpp"
#include "store_fixtures.hpp"

#include <cstdio>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rg::store {
namespace {

constexpr int kRunsPerProcess = 20;
constexpr int kFindingsPerRun = 300;

int write_runs(const std::filesystem::path& path, int process, int start_fd) {
  char go = 0;
  if (::read(start_fd, &go, 1) != 1) {
    return 2;
  }
  try {
    Database db(path, OpenMode::kCreate);
    for (int run = 0; run < kRunsPerProcess; ++run) {
      std::vector<FindingRecord> findings;
      for (int index = 0; index < kFindingsPerRun; ++index) {
        findings.push_back(testing::finding(std::to_string(process) + "-" + std::to_string(index), "FAIL"));
      }
      auto record = testing::run();
      record.snapshot = std::to_string(process);
      write_run(db, record, findings);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "process %d: %s\n", process, e.what());
    return 1;
  }
  return 0;
}

TEST(StoreConcurrency, TwoProcessesWriteTwentyRunsEach) {
  const testing::TempDir dir;
  const auto path = dir / "shared.db";
  int start[2];
  ASSERT_EQ(::pipe(start), 0);
  std::vector<pid_t> children;
  for (int process = 0; process < 2; ++process) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(start[1]);
      ::_exit(write_runs(path, process, start[0]));
    }
    children.push_back(pid);
  }
  ::close(start[0]);
  ASSERT_EQ(::write(start[1], "gg", 2), 2); // both start together
  ::close(start[1]);
  for (const pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  }
  const Database db(path, OpenMode::kExisting);
  const auto runs = list_runs(db);
  ASSERT_EQ(runs.size(), 2U * kRunsPerProcess);
  for (const auto& summary : runs) {
    EXPECT_EQ(summary.fail, kFindingsPerRun);
  }
  Statement check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
}

} // namespace
} // namespace rg::store
