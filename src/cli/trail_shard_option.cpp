#include "cli/trail_shard_option.hpp"

#include "util/fatal_error.hpp"

#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <optional>
#include <string_view>

namespace rg::cli {
namespace {

std::optional<std::size_t> whole_number(std::string_view text) {
  std::size_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [at, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || at != end) {
    return std::nullopt;
  }
  return value;
}

// The merge keeps each part's text in a pool of its own, numbered in 16 bits; ten thousand shards is far
// past any cluster a trail needs.
constexpr std::size_t kMaxShards = 10000;

[[noreturn]] void bad(const std::string& what) {
  throw FatalError(ExitCode::kUsage, what);
}

} // namespace

trail::ShardSpec parse_shard_option(const std::string& text, std::size_t count) {
  trail::ShardSpec shard;
  if (text == "auto") {
    if (count == 0) {
      bad("--shard auto needs --shard-count N");
    }
    // The first variable set wins: a Batch array job does not set Kubernetes' and the other way round.
    for (const char* name : {"AWS_BATCH_JOB_ARRAY_INDEX", "JOB_COMPLETION_INDEX"}) {
      const char* value = std::getenv(name); // NOLINT(concurrency-mt-unsafe): read before any thread starts
      if (value == nullptr) {
        continue;
      }
      const auto index = whole_number(value);
      if (!index) {
        bad(fmt::format("--shard auto: {}={} is not a shard index (a whole number)", name, value));
      }
      shard.index = *index;
      shard.count = count;
      if (shard.index >= shard.count) {
        bad(fmt::format("--shard auto: {}={} is not below --shard-count {}", name, value, count));
      }
      return shard;
    }
    bad("--shard auto: neither AWS_BATCH_JOB_ARRAY_INDEX nor JOB_COMPLETION_INDEX is set (give --shard I/N)");
  }
  if (count != 0) {
    bad("--shard-count goes with --shard auto (else give --shard I/N)");
  }
  const auto slash = text.find('/');
  const auto index = slash == std::string::npos ? std::nullopt : whole_number(text.substr(0, slash));
  const auto total = slash == std::string::npos ? std::nullopt : whole_number(text.substr(slash + 1));
  if (!index || !total || *total == 0 || *total > kMaxShards || *index >= *total) {
    bad(fmt::format("--shard {}: give I/N with 0 <= I < N <= 10000 (as 0/4), or auto", text));
  }
  shard.index = *index;
  shard.count = *total;
  return shard;
}

} // namespace rg::cli
