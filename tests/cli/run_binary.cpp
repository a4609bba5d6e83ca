#include "cli/run_binary.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace rg::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

} // namespace

RunResult run_rootguard(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  return run_program(RG_BINARY, args, env);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& env, const std::string& directory) {
  std::vector<std::string> argv_storage{program};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);

  // A fixed environment: no LANG from the developer's shell, no colour.
  std::vector<std::string> env_storage = env;
  for (const std::string fallback : {"PATH=/usr/bin:/bin", "LANG=C.UTF-8"}) {
    const auto key = fallback.substr(0, fallback.find('=') + 1);
    if (std::none_of(env.begin(), env.end(),
                     [&](const std::string& entry) { return entry.rfind(key, 0) == 0; })) {
      env_storage.push_back(fallback);
    }
  }
  std::vector<char*> envp;
  for (auto& entry : env_storage) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);

  char out_path[] = "/tmp/rg_cli_out_XXXXXX";
  char err_path[] = "/tmp/rg_cli_err_XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  posix_spawn_file_actions_addchdir_np(&actions, directory.empty() ? RG_SOURCE_DIR : directory.c_str());
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  close(err_fd);
  if (spawned != 0) {
    throw std::runtime_error("cannot start " + program);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  std::remove(out_path);
  std::remove(err_path);
  return result;
}

} // namespace rg::testing
