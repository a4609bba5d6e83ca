#include "trail/shard.hpp"

#include <fmt/format.h>

namespace rg::trail {

std::string shard_key(const TrailFile& file) {
  const KeyInfo& key = file.key;
  if (key.account_id.empty() || key.region.empty() || !key.date) {
    return "p:" + file.path;
  }
  return fmt::format("k:{}/{}/{:04}-{:02}-{:02}", key.account_id, key.region, int(key.date->year()),
                     unsigned(key.date->month()), unsigned(key.date->day()));
}

std::size_t shard_of(const std::string& key, std::size_t count) {
  constexpr std::uint64_t kOffset = 14695981039346656037ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  std::uint64_t hash = kOffset;
  for (const char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  }
  return count == 0 ? 0 : static_cast<std::size_t>(hash % count);
}

} // namespace rg::trail
