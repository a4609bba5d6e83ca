#pragma once
// CloudTrail's digest signing keys fetched live: ListPublicKeys (read-only) in each trail's home region,
// for the time the digests cover, over the same AWS client, credentials and retries as the S3 reads.
// The stand-in for `--public-keys FILE` when a bucket is validated in place (decision 0025).
#include "trail/digest/public_keys.hpp"
#include "trail/s3/s3_scan.hpp"
#include "util/problem.hpp"
#include "util/time.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rg::trail::s3 {

struct LiveKeys {
  std::optional<digest::PublicKeySet> keys; // nullopt when a call failed: signatures are then not checked
  std::vector<Problem> problems;            // each failed call, naming cloudtrail:ListPublicKeys
};

LiveKeys fetch_public_keys(const S3Connection& connection, const std::set<std::string>& home_regions,
                           TimePoint start, TimePoint end);

} // namespace rg::trail::s3
