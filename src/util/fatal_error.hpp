#pragma once
// The one exception type: the run cannot proceed (usage error, unwritable output). Caught once in main().
#include <stdexcept>
#include <string>

namespace rg {

enum class ExitCode : int { kOk = 0, kError = 1, kUsage = 2, kFailures = 3 };

class FatalError : public std::runtime_error {
public:
  FatalError(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

private:
  ExitCode code_;
};

} // namespace rg
