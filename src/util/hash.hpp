#pragma once
#include <string>
#include <string_view>

namespace rg {

// Lower-case hex SHA-256 (OpenSSL): stable ids for findings and files.
std::string sha256_hex(std::string_view data);

} // namespace rg
