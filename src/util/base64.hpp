#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rg {

// Standard base64 (RFC 4648) with optional line breaks, via OpenSSL; nullopt on any invalid input.
std::optional<std::string> base64_decode(std::string_view text);

} // namespace rg
