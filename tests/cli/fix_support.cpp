#include "cli/fix_support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace rg::testing {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_all(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TempDir::TempDir(const std::string& name)
    : path_(fs::temp_directory_path() / ("rg-" + name) / std::to_string(::getpid())) {
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

namespace {

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

} // namespace

RunResult run_fix_script(const fs::path& script, const fs::path& state, const std::vector<std::string>& args,
                         const std::vector<std::string>& extra_env) {
  const auto bin = state / "bin";
  fs::create_directories(bin);
  if (!fs::exists(bin / "aws")) {
    fs::create_symlink(fs::path(RG_SOURCE_DIR) / "tests" / "remediate" / "stub_aws.py", bin / "aws");
  }
  std::string path = "PATH=";
  path += bin.string();
  path += ':';
  path += env_or("PATH", "/usr/bin:/bin");
  std::vector<std::string> env{path, "HOME=" + env_or("HOME", "/tmp"), "STUB_STATE=" + state.string(),
                               "ROOTGUARD_POLL_SECONDS=0"};
  if (const char* pyenv = std::getenv("PYENV_ROOT")) {
    env.push_back(std::string("PYENV_ROOT=") + pyenv);
  }
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  std::vector<std::string> argv{script.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program("/bin/bash", argv, env, script.parent_path().string());
}

std::vector<nlohmann::json> recorded_calls(const fs::path& state) {
  std::vector<nlohmann::json> calls;
  std::ifstream in(state / "calls.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    calls.push_back(nlohmann::json::parse(line));
  }
  return calls;
}

bool is_change(const std::string& operation) {
  for (const char* prefix : {"create-", "update-", "put-", "delete-", "attach-", "enable-", "subscribe",
                             "set-", "start-", "deactivate-"}) {
    if (operation.rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

std::string lint_script(const fs::path& script) {
  std::string problems;
  const auto bash = run_program("/bin/bash", {"-n", script.string()});
  if (bash.exit_code != 0) {
    problems += "bash -n: " + bash.err;
  }
  if (!fs::exists("/usr/bin/shellcheck")) {
    return problems + "shellcheck is not installed (scripts/install-deps installs it)";
  }
  const auto check = run_program("/usr/bin/shellcheck", {"--shell=bash", script.string()});
  if (check.exit_code != 0) {
    problems += "shellcheck: ";
    problems += check.out;
    problems += check.err;
  }
  return problems;
}

} // namespace rg::testing
