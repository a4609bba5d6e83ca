#pragma once
// --shard I/N: which files of a trail scan one shard of a cluster reads (decision 0024). A file in the
// CloudTrail key layout goes by its (account, region, day) key, so a day of one account's region is read by
// one shard whatever the number of files in it; a file outside the layout goes by its path.
#include "trail/discovery.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace rg::trail {

struct ShardSpec {
  std::size_t index = 0;
  std::size_t count = 1; // 1: not sharded
};

// "k:<account>/<region>/<yyyy-mm-dd>" for a layout key (the organization is left out: an organization trail
// and an account trail of the same account, region and day hold the same events and so fall together),
// "p:<path>" otherwise.
std::string shard_key(const TrailFile& file);

// The shard a key falls to: FNV-1a 64 of the key, mod count. A hash rather than a position in the sorted
// keys, so an S3 listing can decide each key as it arrives, before anything is fetched; fixed, so the same
// on every machine and every run.
std::size_t shard_of(const std::string& key, std::size_t count);

inline bool in_shard(const TrailFile& file, const ShardSpec& shard) {
  return shard.count <= 1 || shard_of(shard_key(file), shard.count) == shard.index;
}

} // namespace rg::trail
