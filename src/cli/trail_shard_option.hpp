#pragma once
// --shard I/N, or --shard auto with --shard-count N and I from the array-job index a scheduler sets
// (AWS Batch: AWS_BATCH_JOB_ARRAY_INDEX; a Kubernetes Indexed Job: JOB_COMPLETION_INDEX).
#include "trail/shard.hpp"

#include <cstddef>
#include <string>

namespace rg::cli {

// Throws a usage FatalError naming what is wrong. `count` is --shard-count (0 when not given).
trail::ShardSpec parse_shard_option(const std::string& text, std::size_t count);

} // namespace rg::cli
