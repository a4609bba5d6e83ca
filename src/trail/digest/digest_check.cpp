#include "trail/digest/digest_check.hpp"

#include "trail/byte_buffer.hpp"
#include "trail/digest/digest_name.hpp"
#include "trail/digest/log_hasher.hpp"
#include "trail/digest/signature_sidecar.hpp"
#include "trail/whole_inflater.hpp"
#include "util/files.hpp"

#include <chrono>
#include <fmt/format.h>
#include <span>

namespace rg::trail::digest {
namespace {

// A digest lists an hour of log files: a few KB, rarely a few MB. 64 MiB either way is not a digest.
constexpr std::size_t kMaxDigestBytes = std::size_t{64} << 20;

std::optional<std::string> from_hex(std::string_view text) {
  if (text.empty() || text.size() % 2 != 0) {
    return std::nullopt;
  }
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int high = nibble(text[i]);
    const int low = nibble(text[i + 1]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    out += static_cast<char>((high << 4) | low);
  }
  return out;
}

// `check` by reference: a by-value parameter would be moved from before or after the reason is formatted,
// as the compiler likes, and the reasons quote the check's own document (clang moves first: empty values).
DigestCheck fail(DigestCheck&& check, DigestStatus status, std::string reason) {
  check.status = status;
  check.reason = std::move(reason);
  return std::move(check);
}

bool key_valid_for(const PublicKey& key, const DigestDocument& document) {
  // ListPublicKeys is asked for the keys of the digest's hour (validate-logs adds two hours of slack).
  const auto slack = std::chrono::hours{2};
  return (!key.valid_from || document.end_time + slack >= *key.valid_from) &&
         (!key.valid_until || document.start_time <= *key.valid_until);
}

} // namespace

std::string string_to_sign(const DigestDocument& document, const std::string& inflated_sha256) {
  return fmt::format("{}\n{}/{}\n{}\n{}", document.end_time_text, document.bucket, document.object,
                     inflated_sha256, document.previous_signature.value_or("null"));
}

DigestCheck check_digest(const DigestCheckInput& input) {
  DigestBytes read;
  auto bytes = read_file(input.path, kMaxDigestBytes);
  if (!bytes) {
    read.outcome = bytes.error().kind == ProblemKind::kAbsent ? DigestBytes::Outcome::kAbsent
                                                              : DigestBytes::Outcome::kDamaged;
    read.message = bytes.error().message;
  } else {
    read.bytes = std::move(*bytes);
    read.signature = read_signature_sidecar(input.path);
  }
  return check_digest_bytes(input, read);
}

DigestCheck check_digest_bytes(const DigestCheckInput& input, const DigestBytes& read) {
  DigestCheck check;
  switch (read.outcome) {
  case DigestBytes::Outcome::kRead:
    break;
  case DigestBytes::Outcome::kAbsent:
    return fail(std::move(check), DigestStatus::kDeleted, "not found");
  case DigestBytes::Outcome::kDamaged:
    return fail(std::move(check), DigestStatus::kMalformed, read.message);
  case DigestBytes::Outcome::kUnreadable:
    return fail(std::move(check), DigestStatus::kUnreadable, read.message);
  }
  const std::string* bytes = &read.bytes;
  thread_local WholeInflater inflater;
  thread_local ByteBuffer inflated;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes->data());
  const auto inflate =
      inflater.inflate(std::span<const unsigned char>(data, bytes->size()), inflated, kMaxDigestBytes);
  if (bytes->empty() || inflate.status != WholeInflateStatus::kOk) {
    return fail(std::move(check), DigestStatus::kMalformed,
                bytes->empty() ? "empty file"
                : inflate.status == WholeInflateStatus::kTooLarge
                    ? "inflates past 64 MiB: not a digest file"
                    : fmt::format("not a complete gzip file ({})", inflate.message));
  }
  const std::string_view json(inflated.data(), inflated.size());
  check.sha256 = sha256_hex_of(json);
  auto document = parse_digest_document(json, input.path);
  if (!document) {
    const auto& problem = document.error();
    return fail(std::move(check), DigestStatus::kMalformed,
                problem.where.empty() ? problem.message
                                      : fmt::format("{}: {}", problem.where, problem.message));
  }
  check.document = std::move(*document);
  const DigestDocument& doc = *check.document;
  if (!input.bucket.empty() && doc.bucket != input.bucket) {
    return fail(std::move(check), DigestStatus::kMoved,
                fmt::format("says it was delivered to bucket {}, not {}", doc.bucket, input.bucket));
  }
  const auto own_suffix = layout_suffix(doc.object);
  if (!own_suffix || *own_suffix != input.layout_suffix ||
      (doc.object.size() > own_suffix->size() &&
       doc.object[doc.object.size() - own_suffix->size() - 1] != '/')) {
    return fail(
        std::move(check), DigestStatus::kMoved,
        fmt::format("has been moved from its original location: it says it was delivered as {}", doc.object));
  }
  const auto& sidecar = read.signature;
  if (!sidecar) {
    return fail(std::move(check), DigestStatus::kMalformed,
                fmt::format("signature metadata {}: {}", sidecar.error().file, sidecar.error().message));
  }
  const PublicKey* key = input.keys != nullptr ? input.keys->find(doc.fingerprint) : nullptr;
  if (input.keys != nullptr && key == nullptr) {
    return fail(std::move(check), DigestStatus::kUnknownKey,
                fmt::format("public key not found for fingerprint {}", doc.fingerprint));
  }
  if (key != nullptr && !input.backfill && !key_valid_for(*key, doc)) {
    return fail(std::move(check), DigestStatus::kUnknownKey,
                fmt::format("the public key with fingerprint {} was not valid at {}", doc.fingerprint,
                            doc.end_time_text));
  }
  if (!*sidecar) {
    return fail(std::move(check), DigestStatus::kUnsigned,
                fmt::format("no signature: S3 metadata is not kept in a local copy (save it as {}{})",
                            "<digest>", kSidecarSuffix));
  }
  const DigestSignature& signature = **sidecar;
  check.signature_hex = signature.signature_hex;
  if (input.backfill && signature.backfill_generation.empty()) {
    return fail(std::move(check), DigestStatus::kMalformed,
                "a backfill digest without backfill-generation-timestamp metadata");
  }
  if (key == nullptr) {
    return fail(std::move(check), DigestStatus::kUnsigned,
                fmt::format("signature not checked: {}", input.no_keys_reason));
  }
  if (signature.algorithm != "SHA256withRSA") {
    return fail(std::move(check), DigestStatus::kBadSignature,
                fmt::format("unsupported signature algorithm {}", signature.algorithm));
  }
  const auto raw = from_hex(signature.signature_hex);
  if (!raw || !verify_sha256_rsa(*key, string_to_sign(doc, check.sha256), *raw)) {
    return fail(std::move(check), DigestStatus::kBadSignature,
                raw ? "signature verification failed" : "the signature is not hex");
  }
  return check;
}

} // namespace rg::trail::digest
