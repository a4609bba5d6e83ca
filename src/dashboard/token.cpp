#include "dashboard/token.hpp"

#include "util/fatal_error.hpp"

#include <array>
#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace rg::dashboard {

std::string new_token() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw FatalError(ExitCode::kError, "serve: no random bytes for the access token (OpenSSL RAND_bytes)");
  }
  static constexpr std::string_view kDigits = "0123456789abcdef";
  std::string token;
  token.reserve(bytes.size() * 2);
  for (const unsigned char byte : bytes) {
    token += kDigits[byte >> 4U];
    token += kDigits[byte & 0x0FU];
  }
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return token;
}

bool token_matches(std::string_view given, std::string_view expected) {
  if (expected.empty() || given.size() != expected.size()) {
    return false;
  }
  return CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

} // namespace rg::dashboard
