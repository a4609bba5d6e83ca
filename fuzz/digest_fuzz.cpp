// libFuzzer entry for --verify-digests' readers. The first byte picks what the rest is: 0, a digest file
// as stored (gzip), checked alone and walked as a one-file folder; 1, a list-public-keys JSON file; 2, the
// <digest>.metadata.json beside a well-formed digest; 3, an inflated digest document. Invariants: nothing
// throws or crashes; every failure and problem says why; nothing validates without a key.
#include "fuzz_support.hpp"
#include "trail/digest/digest_check.hpp"
#include "trail/digest/digest_document.hpp"
#include "trail/digest/public_keys.hpp"
#include "trail/digest/signature_sidecar.hpp"
#include "trail/digest/validator.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace rg::trail::digest;

constexpr const char* kDigestPath =
    "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/21/"
    "111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20261121T090000Z.json.gz";
// gzip of a minimal well-formed digest for kDigestPath (fingerprint "fp"), so selector 2 reaches the sidecar.
constexpr auto kWellFormed = std::to_array<unsigned char>({
#include "digest_fuzz_wellformed.inc"
});

void check_one(const std::string& path, const PublicKeySet& keys) {
  const auto check = check_digest({path, kDigestPath, "", false, &keys});
  RG_FUZZ_CHECK(check.status != DigestStatus::kValid); // no key in the set
  RG_FUZZ_CHECK(!check.reason.empty());
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  rg::fuzz::clear_scratch();
  static const PublicKeySet kNoKeys;
  switch (input.selector % 4) {
  case 0: {
    const auto path = rg::fuzz::write_scratch(kDigestPath, input.rest);
    check_one(path.string(), kNoKeys);
    ValidationOptions options;
    options.paths = {rg::fuzz::scratch_dir()};
    options.keys = &kNoKeys;
    options.threads = 1;
    const auto result = validate_digests(options);
    RG_FUZZ_CHECK(result.digests.size() == 1 && !result.clean());
    break;
  }
  case 1: {
    const auto keys = parse_public_keys(input.rest, "keys.json");
    for (const auto& problem : keys.problems) {
      RG_FUZZ_CHECK(!problem.message.empty());
    }
    for (const auto& [fingerprint, key] : keys.by_fingerprint) {
      RG_FUZZ_CHECK(key.key != nullptr && key.fingerprint == fingerprint);
      RG_FUZZ_CHECK(!verify_sha256_rsa(key, "message", input.rest));
    }
    break;
  }
  case 2: {
    const auto path = rg::fuzz::write_scratch(
        kDigestPath, std::string_view(reinterpret_cast<const char*>(kWellFormed.data()), kWellFormed.size()));
    rg::fuzz::write_scratch(std::string(kDigestPath) + kSidecarSuffix, input.rest);
    check_one(path.string(), kNoKeys);
    break;
  }
  default: {
    const auto document = parse_digest_document(input.rest, "digest.json");
    if (!document) {
      RG_FUZZ_CHECK(!document.error().message.empty());
    } else {
      for (const auto& log : document->log_files) {
        RG_FUZZ_CHECK(!log.hash_value.empty() && !log.object.empty());
      }
    }
    break;
  }
  }
  return 0;
}
