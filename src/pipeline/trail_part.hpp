#pragma once
// A shard's partial result (`trail --shard I/N --part-output FILE`) and `rootguard merge PART...`: what a
// shard saw, kept before it is combined, so that the merge combines every shard's share exactly as one
// unsharded run combines its workers' (decision 0024).
#include "report/trail_report.hpp"
#include "trail/scan_worker.hpp"
#include "trail/shard.hpp"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rg::pipeline {

// Raised whenever the document's shape changes; a merge takes only parts of its own version.
inline constexpr int kTrailPartVersion = 1;

// The scan's pieces (TrailScanOptions::on_parts) as the part's "scan" member.
nlohmann::json trail_part_pieces(const trail::DiscoveryResult& discovered,
                                 const std::vector<trail::WorkerResult>& workers);

// Writes the part document (atomically, never through a symlink: util/files).
void write_trail_part(const std::filesystem::path& path, const report::TrailRunInfo& run,
                      std::optional<std::uint64_t> max_inflated_bytes, const trail::ShardSpec& shard,
                      const nlohmann::json& pieces, const std::optional<trail::S3ReadCounts>& s3);

// The report of the unsharded run from its N parts, before any mutelist (the merge applies it as trail
// does: apply_trail_mutelist). Throws FatalError: exit 1 naming the file and the place in it for a part
// that cannot be read (not JSON, truncated, another part version, written by another rootguard than
// `tool_version`); exit 2 naming the shard for a missing, duplicated or mismatched one.
report::TrailReport merge_trail_parts(const std::vector<std::filesystem::path>& paths,
                                      const std::string& tool_version);

} // namespace rg::pipeline
