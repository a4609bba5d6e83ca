#pragma once
#include <string>
#include <string_view>

namespace rg {

// Lower-case hex SHA-256 (OpenSSL): stable ids for findings and files.
std::string sha256_hex(std::string_view data);

// Standard base64 of the raw SHA-256 digest: the form a Content-Security-Policy 'sha256-...' source takes.
std::string sha256_base64(std::string_view data);

} // namespace rg
