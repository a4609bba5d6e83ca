#pragma once
// IpAddress/NotIpAddress: RFC 4632 CIDR blocks, IPv4 and IPv6. A bare address means /32 or /128.
#include <string_view>

namespace rg::policy {

// False when either side does not parse (the condition then does not match, as in IAM).
bool ip_in_cidr(std::string_view address, std::string_view cidr);
bool is_valid_cidr(std::string_view cidr);

} // namespace rg::policy
