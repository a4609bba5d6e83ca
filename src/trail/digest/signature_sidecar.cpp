#include "trail/digest/signature_sidecar.hpp"

#include "util/files.hpp"

#include <nlohmann/json.hpp>

namespace rg::trail::digest {

Result<std::optional<DigestSignature>> read_signature_sidecar(const std::string& digest_path) {
  const std::string path = digest_path + kSidecarSuffix;
  auto text = read_file(path, std::size_t{1} << 20);
  if (!text) {
    if (text.error().kind == ProblemKind::kAbsent) {
      return std::optional<DigestSignature>{};
    }
    return text.error();
  }
  using Json = nlohmann::json;
  const Json doc = Json::parse(text->begin(), text->end(), nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) {
    return Problem{ProblemKind::kInvalid, path, "", "not a JSON object (head-object output or its Metadata)"};
  }
  // S3 returns user metadata names in lower case; head-object nests them under "Metadata".
  const auto nested = doc.find("Metadata");
  const Json& metadata = nested != doc.end() && nested->is_object() ? *nested : doc;
  const auto text_of = [&](const char* name) {
    const auto it = metadata.find(name);
    return it != metadata.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  DigestSignature out{text_of("signature"), text_of("signature-algorithm"),
                      text_of("backfill-generation-timestamp")};
  if (out.signature_hex.empty() || out.algorithm.empty()) {
    return Problem{ProblemKind::kInvalid, path, "$.Metadata",
                   R"(needs "signature" and "signature-algorithm" (the digest's S3 metadata))"};
  }
  return std::optional<DigestSignature>{std::move(out)};
}

} // namespace rg::trail::digest
