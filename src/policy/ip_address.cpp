#include "policy/ip_address.hpp"

#include <arpa/inet.h>
#include <array>
#include <charconv>
#include <optional>
#include <string>

namespace rg::policy {
namespace {

struct Address {
  std::array<unsigned char, 16> bytes{};
  int bits = 32; // 32 for IPv4, 128 for IPv6
};

std::optional<Address> parse_address(std::string_view text) {
  const std::string copy(text); // inet_pton needs a terminated string
  Address address;
  if (inet_pton(AF_INET, copy.c_str(), address.bytes.data()) == 1) {
    address.bits = 32;
    return address;
  }
  if (inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) == 1) {
    address.bits = 128;
    return address;
  }
  return std::nullopt;
}

struct Block {
  Address network;
  int prefix = 0;
};

std::optional<Block> parse_cidr(std::string_view text) {
  const auto slash = text.find('/');
  auto network = parse_address(text.substr(0, slash));
  if (!network) {
    return std::nullopt;
  }
  Block block{*network, network->bits};
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    int prefix = -1;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (error != std::errc() || end != digits.data() + digits.size() || prefix < 0 ||
        prefix > network->bits) {
      return std::nullopt;
    }
    block.prefix = prefix;
  }
  return block;
}

} // namespace

bool ip_in_cidr(std::string_view address, std::string_view cidr) {
  const auto ip = parse_address(address);
  const auto block = parse_cidr(cidr);
  if (!ip || !block || ip->bits != block->network.bits) {
    return false;
  }
  int remaining = block->prefix;
  for (size_t i = 0; remaining > 0; ++i, remaining -= 8) {
    const int take = remaining >= 8 ? 8 : remaining;
    const auto mask = static_cast<unsigned char>(0xFF << (8 - take));
    if ((ip->bytes[i] & mask) != (block->network.bytes[i] & mask)) {
      return false;
    }
  }
  return true;
}

bool is_valid_cidr(std::string_view cidr) {
  return parse_cidr(cidr).has_value();
}

} // namespace rg::policy
