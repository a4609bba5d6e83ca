#pragma once
// Writes a snapshot folder as `collect` fills it: each answer as the AWS CLI prints it at its documented
// path (docs/snapshot-layout.md), and the log of every call (collection.json). A failed call writes no
// file (absent = not collected, UNKNOWN for what needed it) and is logged with its error code.
#include "aws/client.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rg::collect {

// True for a name that can be one path component as it is: [A-Za-z0-9._-], not "." or "..". Names from
// AWS answers (trail, topic, detector, policy ids) that fail are logged, never written.
bool safe_component(std::string_view name);

class SnapshotWriter {
public:
  explicit SnapshotWriter(std::filesystem::path root);

  // Logs the call; on success writes its output at `relative` (when given) and returns the output.
  const nlohmann::json* record(const aws::CallResult& result, const std::string& account,
                               const std::optional<std::string>& relative);

  // An entry for a call that was not made (an unsafe name, a skipped step), with the reason.
  void skipped(std::string_view service, std::string_view operation, const std::string& account,
               const std::string& region, const std::string& reason);

  void write_json(const std::string& relative, const nlohmann::json& document);

  // collection.json: the call log and the run's facts. Holds no secret (calls carry no input values).
  void finish(const nlohmann::json& run);

  int calls() const { return static_cast<int>(calls_.size()); }
  int errors() const { return errors_; }

private:
  std::filesystem::path root_;
  nlohmann::json calls_ = nlohmann::json::array();
  int errors_ = 0;
};

} // namespace rg::collect
