#include "aws/crypto.hpp"

#include "util/assert.hpp"

#include <array>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string_view>

namespace rg::aws {

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  const unsigned char* ok =
      HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data(), &length);
  RG_ASSERT(ok != nullptr);
  (void)ok;
  return {reinterpret_cast<const char*>(digest.data()), length};
}

std::string sha1_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  const int ok = EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha1(), nullptr);
  RG_ASSERT(ok == 1);
  (void)ok;
  return hex_encode({reinterpret_cast<const char*>(digest.data()), length});
}

std::string hex_encode(std::string_view bytes) {
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2U);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kHex[byte >> 4U];
    hex += kHex[byte & 0x0FU];
  }
  return hex;
}

} // namespace rg::aws
