#pragma once
// Shared by the fix tests: temporary folders, files, and running a generated fix.sh against the stub
// AWS CLI (tests/remediate/stub_aws.py) first on PATH.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rg::testing {

std::string read_all(const std::filesystem::path& path);
void write_all(const std::filesystem::path& path, const std::string& text);

// A fresh folder under the temporary directory, removed by the destructor.
class TempDir {
public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

// fix.sh run by bash with the stub `aws` first on PATH, its state and call log in `state`.
RunResult run_fix_script(const std::filesystem::path& script, const std::filesystem::path& state,
                         const std::vector<std::string>& args,
                         const std::vector<std::string>& extra_env = {});

// The calls the stub recorded, one JSON object each: argv, credentials ("operator", "role", "root"),
// account, session_token, profile.
std::vector<nlohmann::json> recorded_calls(const std::filesystem::path& state);

// Whether an AWS CLI operation name changes something (create-, put-, delete-, subscribe...).
bool is_change(const std::string& operation);

// shellcheck and bash -n on a script: empty when both pass, otherwise their output.
std::string lint_script(const std::filesystem::path& script);

} // namespace rg::testing
