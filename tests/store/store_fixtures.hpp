#pragma once
// Temporary store files and hand-made findings for the store tests.
#include "store/records.hpp"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace rg::store::testing {

// A fresh folder under the system temp folder, removed with the object.
class TempDir {
public:
  TempDir() {
    auto pattern = (std::filesystem::temp_directory_path() / "rg-store-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const {
    return std::filesystem::path(path_) / name;
  }

private:
  std::string path_;
};

inline FindingRecord finding(const std::string& id, const std::string& status,
                             const std::string& severity = "high") {
  FindingRecord record;
  record.finding_id = id;
  record.rule_id = "root-mfa";
  record.account = "111111111111";
  record.region = "global";
  record.resource = "arn:aws:iam::111111111111:root/" + id;
  record.status = status;
  record.severity = severity;
  return record;
}

inline FindingRecord muted(FindingRecord record, const std::string& expires = "2026-12-31") {
  record.muted = true;
  record.mute_entry = "mutelist.yaml:3";
  record.mute_reason = "accepted until the migration";
  record.mute_expires = expires;
  return record;
}

inline RunRecord run(const std::string& started = "2026-12-01T09:00:00Z", const std::string& today = "") {
  RunRecord record;
  record.command = "scan";
  record.started_at = started;
  record.tool_version = "0.1.0";
  record.snapshot = "snap";
  record.partition = "aws";
  record.mutelist_date = today;
  record.mutelist = today.empty() ? "" : "mutelist.yaml";
  record.exit_code = 3;
  return record;
}

} // namespace rg::store::testing
