#pragma once
// CloudTrail's digest signing keys, from what `aws cloudtrail list-public-keys --output json` prints
// ({"PublicKeyList": [{"Value": base64 DER PKCS#1 RSAPublicKey, "Fingerprint", "ValidityStartTime",
// "ValidityEndTime"}]}): the offline stand-in for the ListPublicKeys call validate-logs makes.
#include "util/problem.hpp"
#include "util/time.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY; // NOLINT(modernize-use-using): OpenSSL's own declaration

namespace rg::trail::digest {

struct PublicKey {
  std::string fingerprint;
  std::shared_ptr<EVP_PKEY> key;
  std::optional<TimePoint> valid_from;
  std::optional<TimePoint> valid_until;
};

struct PublicKeySet {
  std::map<std::string, PublicKey> by_fingerprint;
  std::vector<Problem> problems; // entries that could not be used, each named; the others still are
  const PublicKey* find(std::string_view fingerprint) const;
};

// The keys in `json`; `file` names problems. An entry whose Value is not a PKCS#1 RSA key (what
// validate-logs accepts) is a problem, not a key.
PublicKeySet parse_public_keys(std::string_view json, const std::string& file);
PublicKeySet load_public_keys(const std::filesystem::path& path);

// RSASSA-PKCS1-v1_5 with SHA-256 over `message` (OpenSSL EVP).
bool verify_sha256_rsa(const PublicKey& key, std::string_view message, std::string_view signature);

} // namespace rg::trail::digest
