#pragma once
// The dashboard's access token: 256 random bits from OpenSSL's CSPRNG, in hex (decision 0021). Anyone
// on the machine can connect to 127.0.0.1; only who was shown the URL has the token.
#include <string>
#include <string_view>

namespace rg::dashboard {

// 64 lowercase hex digits from RAND_bytes; throws FatalError when OpenSSL cannot supply randomness
// (never falls back to a weaker source).
std::string new_token();

// Constant time in the compared bytes (CRYPTO_memcmp), so the response time does not reveal how many
// leading characters of a guess were right. A length mismatch returns at once: the length is public.
bool token_matches(std::string_view given, std::string_view expected);

} // namespace rg::dashboard
