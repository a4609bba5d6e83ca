#pragma once
// Runs the built rootguard binary without a shell (posix_spawn), from the source folder, capturing
// stdout, stderr and the exit code.
#include <string>
#include <vector>

namespace rg::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

RunResult run_rootguard(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// Any program (an absolute path), in `directory` (default: the source folder), with exactly `env` plus
// PATH and LANG fallbacks.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {}, const std::string& directory = {});

} // namespace rg::testing
