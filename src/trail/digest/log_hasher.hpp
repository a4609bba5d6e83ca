#pragma once
// SHA-256 of a log file's inflated bytes, read in bounded memory: what a digest's hashValue records.
#include "util/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace rg::trail::digest {

struct LogHash {
  std::string hex;
  std::uint64_t inflated = 0;
};

// A file that does not inflate completely (damage, truncation, past `max_inflated`) is a problem: its
// hash cannot be what CloudTrail recorded, so the caller reports it as modified.
Result<LogHash> hash_inflated_file(const std::string& path, std::uint64_t max_inflated);
// The same over bytes in memory (an S3 object fetched whole); `name` names problems.
Result<LogHash> hash_inflated_bytes(const std::string& name, std::string_view bytes,
                                    std::uint64_t max_inflated);

// Lower-case hex SHA-256 of `data` (the inflated digest, for the string to sign and the chain link).
std::string sha256_hex_of(std::string_view data);

} // namespace rg::trail::digest
