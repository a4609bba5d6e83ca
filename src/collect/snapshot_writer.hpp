#pragma once
// Writes a snapshot folder as `collect` fills it: each answer as the AWS CLI prints it at its documented
// path (docs/snapshot-layout.md), and the log of every call (collection.json). A failed call writes no
// file (absent = not collected, UNKNOWN for what needed it) and is logged with its error code and the
// file it would have written, which the loader reads to say why that file is absent.
// Thread-safe: the accounts of an organization are collected in parallel into one writer. The call log
// is streamed to collection.json's temp file as calls are made, so memory stays flat in the number of
// accounts; finish() makes it visible.
#include "aws/client.hpp"
#include "util/files.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
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
  ~SnapshotWriter();
  SnapshotWriter(const SnapshotWriter&) = delete;
  SnapshotWriter& operator=(const SnapshotWriter&) = delete;

  // Logs the call; on success writes its output at `relative` (when given) and returns the output.
  const nlohmann::json* record(const aws::CallResult& result, const std::string& account,
                               const std::optional<std::string>& relative);

  // An entry for a call that was not made (an unsafe name, a skipped step), with the reason.
  void skipped(std::string_view service, std::string_view operation, const std::string& account,
               const std::string& region, const std::string& reason);

  void write_json(const std::string& relative, const nlohmann::json& document);

  // A folder that must exist even when no file lands in it: a region whose every call failed is still a
  // region of the account (its verdicts UNKNOWN with the errors), not one that was never asked.
  void make_folder(const std::string& relative);

  // collection.json: the call log and the run's facts. Holds no secret (calls carry no input values).
  // Call once, after every other call has returned.
  void finish(const nlohmann::json& run);

  int calls() const { return calls_.load(); }
  int errors() const { return errors_.load(); }

private:
  void log(const nlohmann::json& entry);

  std::filesystem::path root_;
  std::mutex log_mutex_;
  std::unique_ptr<OutputFile> log_; // collection.json until finish()
  std::atomic<int> calls_ = 0;
  std::atomic<int> errors_ = 0;
};

} // namespace rg::collect
