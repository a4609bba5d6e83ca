// rootguard serve through the binary: refusals before it listens (no store, an older store, a port in
// use) and a clean stop on SIGINT with the URL as the only line on stdout. The browser test
// (test-dashboard.mjs) covers the pages, SIGTERM and the HTTP checks.
#include "cli/run_binary.hpp"
#include "store/database.hpp"
#include "store/write_run.hpp"
#include "store_fixtures.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <csignal>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <regex>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rg::dashboard {
namespace {

using rg::testing::run_rootguard;
using ::testing::HasSubstr;

std::filesystem::path make_store(const store::testing::TempDir& dir) {
  const auto path = dir / "store.db";
  store::Database db(path, store::OpenMode::kCreate);
  store::write_run(db, store::testing::run(), {store::testing::finding("f1", "FAIL")});
  return path;
}

TEST(ServeCli, MissingStoreIsRefused) {
  const store::testing::TempDir dir;
  const auto result = run_rootguard({"serve", "--store", (dir / "none.db").string(), "--port", "0"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("no such store"));
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db")); // read-only: never created
}

TEST(ServeCli, OlderStoreIsRefusedWithTheCommandThatUpgradesIt) {
  const store::testing::TempDir dir;
  const auto path = make_store(dir);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA user_version = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  const auto result = run_rootguard({"serve", "--store", path.string(), "--port", "0"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("older rootguard"));
  EXPECT_THAT(result.err, HasSubstr("rootguard history --store"));
  EXPECT_EQ(result.out, ""); // no URL, no token
}

TEST(ServeCli, PortInUseIsRefused) {
  const store::testing::TempDir dir;
  const auto path = make_store(dir);
  const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(holder, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(::listen(holder, 1), 0);
  socklen_t length = sizeof(address);
  ASSERT_EQ(::getsockname(holder, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const auto port = std::to_string(ntohs(address.sin_port));
  const auto result = run_rootguard({"serve", "--store", path.string(), "--port", port});
  ::close(holder);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("cannot listen on 127.0.0.1:" + port));
  EXPECT_EQ(result.out, "");
}

TEST(ServeCli, SigintStopsItCleanly) {
  const store::testing::TempDir dir;
  const auto path = make_store(dir);
  int out[2] = {-1, -1};
  ASSERT_EQ(::pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<std::string> args{RG_BINARY, "serve", "--quiet", "--store", path.string(), "--port", "0"};
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  std::string lang = "LANG=C.UTF-8";
  std::array<char*, 2> envp{lang.data(), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, RG_BINARY, &actions, nullptr, argv.data(), envp.data()), 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  std::string printed;
  char buffer[256];
  while (printed.find('\n') == std::string::npos) {
    const auto got = ::read(out[0], buffer, sizeof(buffer));
    if (got <= 0) {
      break;
    }
    printed.append(buffer, static_cast<std::size_t>(got));
  }
  EXPECT_TRUE(std::regex_match(printed, std::regex(R"(http://127\.0\.0\.1:[0-9]+/\?token=[0-9a-f]{64}\n)")))
      << printed;
  ::kill(pid, SIGINT);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  while (true) { // whatever else reached stdout before the end: nothing is expected
    const auto got = ::read(out[0], buffer, sizeof(buffer));
    if (got <= 0) {
      break;
    }
    printed.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(out[0]);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(std::count(printed.begin(), printed.end(), '\n'), 1) << printed;
}

} // namespace
} // namespace rg::dashboard
