#include "trail/digest/public_keys.hpp"

#include "util/base64.hpp"
#include "util/files.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace rg::trail::digest {
namespace {

using Json = nlohmann::json;

// A key list is a few hundred bytes per key: 4 MiB is far past any real answer.
constexpr std::size_t kMaxKeyFile = std::size_t{4} << 20;

std::optional<TimePoint> time_field(const Json& item, const char* name) {
  const auto it = item.find(name);
  if (it == item.end()) {
    return std::nullopt;
  }
  if (it->is_string()) {
    return parse_aws_timestamp(it->get<std::string>());
  }
  if (it->is_number()) {
    return parse_aws_timestamp(it->get<double>());
  }
  return std::nullopt;
}

std::shared_ptr<EVP_PKEY> pkcs1_rsa_key(std::string_view der) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  EVP_PKEY* key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, static_cast<long>(der.size()));
  if (key == nullptr) {
    return nullptr;
  }
  // Trailing bytes after the DER structure: not the key the list claims to hold.
  if (cursor != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
    EVP_PKEY_free(key);
    return nullptr;
  }
  return {key, EVP_PKEY_free};
}

} // namespace

const PublicKey* PublicKeySet::find(std::string_view fingerprint) const {
  const auto it = by_fingerprint.find(std::string(fingerprint));
  return it == by_fingerprint.end() ? nullptr : &it->second;
}

PublicKeySet parse_public_keys(std::string_view json, const std::string& file) {
  PublicKeySet set;
  const Json doc = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  const auto list = doc.is_object() ? doc.find("PublicKeyList") : doc.end();
  if (doc.is_discarded() || !doc.is_object() || list == doc.end() || !list->is_array()) {
    set.problems.push_back({ProblemKind::kInvalid, file, "$.PublicKeyList",
                            "not the JSON of `aws cloudtrail list-public-keys --output json`"});
    return set;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    const std::string where = fmt::format("$.PublicKeyList[{}]", i);
    const auto fingerprint = item.is_object() ? item.find("Fingerprint") : item.end();
    const auto value = item.is_object() ? item.find("Value") : item.end();
    if (fingerprint == item.end() || !fingerprint->is_string() || value == item.end() ||
        !value->is_string()) {
      set.problems.push_back({ProblemKind::kInvalid, file, where, "needs a Fingerprint and a Value string"});
      continue;
    }
    const auto der = base64_decode(value->get<std::string>());
    auto key = der ? pkcs1_rsa_key(*der) : nullptr;
    if (!key && der) {
      // The API's Value is a blob whose content is itself base64 (validate-logs decodes it once more): a
      // list saved from the raw API answer carries it encoded twice.
      if (const auto inner = base64_decode(*der)) {
        key = pkcs1_rsa_key(*inner);
      }
    }
    if (!key) {
      set.problems.push_back({ProblemKind::kInvalid, file, where + ".Value",
                              der ? "not a DER PKCS#1 RSA public key" : "not base64"});
      continue;
    }
    PublicKey entry{fingerprint->get<std::string>(), std::move(key), time_field(item, "ValidityStartTime"),
                    time_field(item, "ValidityEndTime")};
    if (!set.by_fingerprint.emplace(entry.fingerprint, entry).second) {
      set.problems.push_back(
          {ProblemKind::kInvalid, file, where + ".Fingerprint",
           fmt::format("fingerprint {} is listed twice; the first key is used", entry.fingerprint)});
    }
  }
  return set;
}

PublicKeySet load_public_keys(const std::filesystem::path& path) {
  auto text = read_file(path, kMaxKeyFile);
  if (!text) {
    PublicKeySet set;
    set.problems.push_back(text.error());
    return set;
  }
  return parse_public_keys(*text, path.string());
}

bool verify_sha256_rsa(const PublicKey& key, std::string_view message, std::string_view signature) {
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context) {
    return false;
  }
  EVP_PKEY_CTX* settings = nullptr; // owned by the context
  if (EVP_DigestVerifyInit(context.get(), &settings, EVP_sha256(), nullptr, key.key.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(settings, RSA_PKCS1_PADDING) != 1) {
    return false;
  }
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

} // namespace rg::trail::digest
