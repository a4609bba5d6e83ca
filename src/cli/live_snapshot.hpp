#pragma once
// `scan --live`: a snapshot collected for this scan only, in a private temporary folder removed when
// the scan is done, or in --keep-snapshot DIR, kept.
#include "cli/collect_options.hpp"
#include "cli/remove_on_interrupt.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace rg::cli {

class LiveSnapshot {
public:
  // Collects (throws FatalError as collect does); `keep` empty: a temporary folder.
  LiveSnapshot(const CollectArguments& args, const std::string& keep);
  ~LiveSnapshot();
  LiveSnapshot(const LiveSnapshot&) = delete;
  LiveSnapshot& operator=(const LiveSnapshot&) = delete;

  const std::filesystem::path& path() const { return path_; }
  bool complete() const { return complete_; }

private:
  std::filesystem::path path_;
  bool temporary_ = false;
  bool complete_ = false;
  std::unique_ptr<RemoveOnInterrupt> interrupt_guard_; // a temporary folder only: a kept one stays
};

} // namespace rg::cli
