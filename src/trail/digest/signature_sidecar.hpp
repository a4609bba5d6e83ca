#pragma once
// Where a digest's signature comes from in a local copy. CloudTrail puts it in the S3 object's metadata
// (x-amz-meta-signature, x-amz-meta-signature-algorithm), which `aws s3 cp` and `aws s3 sync` do not
// keep. A copy made for validation can keep it beside the digest as <digest file>.metadata.json: what
// `aws s3api head-object --bucket B --key K` prints ({"Metadata": {"signature": ...}}), or the metadata
// map alone. See docs/decisions/0018-digest-validation.md.
#include "util/result.hpp"

#include <optional>
#include <string>

namespace rg::trail::digest {

inline constexpr const char* kSidecarSuffix = ".metadata.json";

struct DigestSignature {
  std::string signature_hex;
  std::string algorithm;           // "SHA256withRSA"
  std::string backfill_generation; // backfill digests: backfill-generation-timestamp, when given
};

// nullopt (no error) when there is no sidecar: the signature is then not checkable offline.
Result<std::optional<DigestSignature>> read_signature_sidecar(const std::string& digest_path);

} // namespace rg::trail::digest
