#pragma once
// One digest file on its own: read, inflated, decoded, checked against where it was found and signed by
// the key it names. The chain walk (validator.cpp) adds what only the next digest knows.
#include "trail/digest/digest_document.hpp"
#include "trail/digest/digest_store.hpp"
#include "trail/digest/integrity_result.hpp"
#include "trail/digest/public_keys.hpp"

#include <optional>
#include <string>

namespace rg::trail::digest {

struct DigestCheckInput {
  std::string path;          // local file
  std::string layout_suffix; // its path from AWSLogs/ on
  std::string bucket;        // the bucket the copy came from; empty: not known yet (taken from the digest)
  bool backfill = false;
  const PublicKeySet* keys = nullptr; // nullptr: no --public-keys given
  // Why `keys` is null, for the reason of a digest whose signature is not checked.
  std::string no_keys_reason = "no public key list (--public-keys)";
};

struct DigestCheck {
  DigestStatus status = DigestStatus::kValid;
  std::string reason;
  std::optional<DigestDocument> document; // when it could be decoded (even if it failed a later check)
  std::string sha256;                     // of the inflated file, when it inflated
  std::string signature_hex;              // from the sidecar, when there was one
};

// A local file and its sidecar.
DigestCheck check_digest(const DigestCheckInput& input);
// Bytes and signature already read (S3: the GET's body and x-amz-meta-* headers).
DigestCheck check_digest_bytes(const DigestCheckInput& input, const DigestBytes& read);

// What CloudTrail signs: digestEndTime, bucket/key, the hex SHA-256 of the inflated digest, and the
// previous digest's signature ("null" at a chain start), one per line.
std::string string_to_sign(const DigestDocument& document, const std::string& inflated_sha256);

} // namespace rg::trail::digest
