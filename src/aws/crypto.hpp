#pragma once
// The two primitives SigV4 needs, on OpenSSL.
#include <string>
#include <string_view>

namespace rg::aws {

// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view data);

// Lower-case hex SHA-1: only for the AWS CLI's SSO token cache file names, which are defined that way.
std::string sha1_hex(std::string_view data);

// Lower-case hex of raw bytes.
std::string hex_encode(std::string_view bytes);

} // namespace rg::aws
