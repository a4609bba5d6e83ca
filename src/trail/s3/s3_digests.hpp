#pragma once
// `trail s3://... --verify-digests`: the digest validation of decision 0018 over a bucket read in place
// (decision 0025). The digests are listed by the key layout with the scan's pruning, fetched in parallel
// chain by chain (the signature from the GET's x-amz-meta-* headers), and walked by the same validator as a
// folder; log files take their hash from the scan's fetch, and those the scan did not read are fetched.
#include "trail/digest/integrity_result.hpp"
#include "trail/digest/validator.hpp"
#include "trail/s3/s3_scan.hpp"
#include "trail/scan_options.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rg::trail::s3 {

struct S3DigestRequest {
  const S3ScanSource* source = nullptr;
  const TrailScanOptions* scan = nullptr; // accounts, regions, since, until: the digests' pruning too
  // What the scan's listing found (TrailScanResult::listed_objects) and the hashes it took.
  const std::vector<std::pair<std::string, std::uint64_t>>* listed_logs = nullptr;
  const digest::PublicKeySet* keys = nullptr; // --public-keys; nullptr: ListPublicKeys is called
  digest::ValidationOptions validation;       // threads, bomb guard, known hashes (paths: unused)
};

digest::IntegrityResult validate_digests_s3(const S3DigestRequest& request);

} // namespace rg::trail::s3
