#include "dashboard/request_guard.hpp"

#include <fmt/format.h>

namespace rg::dashboard {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

} // namespace

bool host_allowed(std::string_view host, int port) {
  const auto suffix = fmt::format(":{}", port);
  if (host.size() <= suffix.size() || host.substr(host.size() - suffix.size()) != suffix) {
    return false;
  }
  const auto name = host.substr(0, host.size() - suffix.size());
  return name == "127.0.0.1" || equals_ignoring_case(name, "localhost");
}

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const auto pair = trimmed(header.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return pair.substr(equals + 1);
    }
    if (end == std::string_view::npos) {
      break;
    }
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

const HeaderList& security_headers() {
  // Only the binary's own script and style run; no inline script or style (an injected tag does
  // nothing), no plugin, no frame around the page (clickjacking), no form posting anywhere, images only
  // from the page itself or data: URLs (the favicon), requests only back to this server.
  static const HeaderList kHeaders{
      {"Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                                  "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                                  "base-uri 'none'; form-action 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"}, // the token is in the first URL: never send it on
      {"Cache-Control", "no-store"},      // findings and the token stay out of the browser's disk cache
      {"X-Frame-Options", "DENY"},        // frame-ancestors for browsers that predate it
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return kHeaders;
}

std::string token_cookie_name(int port) {
  return fmt::format("rootguard_token_{}", port);
}

std::string token_cookie(std::string_view token, int port) {
  return fmt::format("{}={}; HttpOnly; SameSite=Strict; Path=/", token_cookie_name(port), token);
}

} // namespace rg::dashboard
