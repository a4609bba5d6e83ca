#pragma once
// Log file integrity validation over local folders, the algorithm of `aws cloudtrail validate-logs`:
// each trail's digest chain is walked from its newest digest back through previousDigestS3Object; each
// digest's signature is checked with the key its fingerprint names; each log file a trusted digest lists
// is hashed (SHA-256 of the inflated bytes) and compared. A digest that is gone, changed or unsigned sends
// the walk on to the next older digest, as validate-logs does. What validate-logs cannot see from S3 is
// reported too: log files no digest lists, digests no chain reaches.
#include "trail/digest/digest_store.hpp"
#include "trail/digest/integrity_result.hpp"
#include "trail/digest/public_keys.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rg::trail::digest {

struct ValidationOptions {
  std::vector<std::filesystem::path> paths; // folders that hold AWSLogs/ (or files in it)
  const PublicKeySet* keys = nullptr;       // nullptr: signatures are not checkable
  std::string no_keys_reason = "no public key list (--public-keys)"; // why keys is null
  std::vector<Problem> problems; // found before the walk (the key list could not be fetched): incomplete
  std::string bucket;            // the bucket the copy came from; empty: the newest digest's
  unsigned threads = 0;          // 0: one per hardware thread
  // Inflated SHA-256 the scan already computed (path -> hex): those files are not inflated again.
  const std::map<std::string, std::string>* known_hashes = nullptr;
  std::uint64_t bomb_ratio = 256; // a log inflating past max(ratio x size, floor) is abandoned
  std::uint64_t bomb_floor = std::uint64_t{1} << 30;
};

// Local folders (options.paths).
IntegrityResult validate_digests(const ValidationOptions& options);
// What `store` listed into `inventory` (S3: src/trail/s3/s3_digests.hpp); options.paths is not used.
IntegrityResult validate_inventory(const Inventory& inventory, DigestStore& store,
                                   const ValidationOptions& options);

} // namespace rg::trail::digest
