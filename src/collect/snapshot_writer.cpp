#include "collect/snapshot_writer.hpp"

#include "snapshot/snapshot_layout.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::collect {

bool safe_component(std::string_view name) {
  return snapshot::is_safe_component(name); // one grammar for the names the layout puts in paths
}

SnapshotWriter::SnapshotWriter(std::filesystem::path root) : root_(std::move(root)) {
  create_directories_or_fail(root_);
  log_ = std::make_unique<OutputFile>(root_ / "collection.json");
  log_->write("{\n    \"calls\": [");
}

SnapshotWriter::~SnapshotWriter() = default;

void SnapshotWriter::log(const nlohmann::json& entry) {
  const std::lock_guard lock(log_mutex_);
  const int before = calls_.fetch_add(1);
  // One call per line: the log is read by people with grep as often as by programs. An AWS message
  // with invalid UTF-8 is logged with replacement characters rather than stopping the run.
  log_->write(fmt::format("{}\n        {}", before == 0 ? "" : ",",
                          entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void SnapshotWriter::write_json(const std::string& relative, const nlohmann::json& document) {
  const std::filesystem::path path = root_ / relative;
  create_directories_or_fail(path.parent_path());
  // Four-space indent and raw UTF-8, as `aws ... --output json` prints.
  write_file_atomically(path, document.dump(4) + "\n");
}

void SnapshotWriter::make_folder(const std::string& relative) {
  create_directories_or_fail(root_ / relative);
}

const nlohmann::json* SnapshotWriter::record(const aws::CallResult& result, const std::string& account,
                                             const std::optional<std::string>& relative) {
  const auto& r = result.record;
  nlohmann::json entry = {{"service", r.service},
                          {"operation", r.operation},
                          {"account", account},
                          {"region", r.region},
                          {"outcome", result.ok() ? "ok" : "error"},
                          {"http_status", r.http_status},
                          {"error_code", result.ok() ? nlohmann::json() : nlohmann::json(result.error->code)},
                          {"duration_ms", r.duration.count()},
                          {"attempts", r.attempts},
                          {"retries", std::max(0, r.attempts - r.pages)},
                          {"throttled", r.throttled},
                          {"pages", r.pages}};
  if (!result.ok()) {
    ++errors_;
    entry["message"] = result.error->message;
    if (relative) {
      // The file the call would have written: the loader explains its absence with this entry
      // (snapshot/read_collection_log), so the scan's UNKNOWN names the call and its error code.
      entry["file"] = *relative;
    }
    log(entry);
    return nullptr;
  }
  if (relative) {
    write_json(*relative, *result.output);
    entry["file"] = *relative;
  }
  log(entry);
  return &*result.output;
}

void SnapshotWriter::skipped(std::string_view service, std::string_view operation, const std::string& account,
                             const std::string& region, const std::string& reason) {
  log({{"service", service},
       {"operation", operation},
       {"account", account},
       {"region", region},
       {"outcome", "skipped"},
       {"message", reason}});
}

void SnapshotWriter::finish(const nlohmann::json& run) {
  const std::lock_guard lock(log_mutex_);
  nlohmann::json trailer = run;
  trailer["call_count"] = calls_.load();
  trailer["error_count"] = errors_.load();
  // The run's facts after the streamed calls: the dump's opening brace is the one already written.
  log_->write(fmt::format("{}],\n{}\n", calls_.load() == 0 ? "" : "\n    ",
                          trailer.dump(4, ' ', false, nlohmann::json::error_handler_t::replace).substr(2)));
  log_->commit();
  log_.reset();
}

} // namespace rg::collect
