#pragma once
// What every dashboard request must pass before anything is read, and the headers every response
// carries (decision 0021). Pure functions, tested without a socket.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rg::dashboard {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The cookie the first page sets, so the page's own requests (script, style, API) carry the token
// without it appearing in any further URL: "rootguard_token_PORT". Browsers scope cookies by host, not
// port, so the port in the name keeps two dashboards on 127.0.0.1 from overwriting each other's token.
std::string token_cookie_name(int port);

// True only for "127.0.0.1:PORT" and "localhost:PORT" (the name case-insensitively): a page of another
// site whose name was rebound to 127.0.0.1 sends its own name as Host and is refused (DNS rebinding).
bool host_allowed(std::string_view host, int port);

// The value of cookie `name` in a Cookie header ("a=1; rootguard_token_8421=..."), or nullopt.
std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name);

// Content-Security-Policy and the other headers on every response, refusals included.
const HeaderList& security_headers();

// Set-Cookie for the token: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
// it), Path=/, a session cookie (gone when the browser closes).
std::string token_cookie(std::string_view token, int port);

} // namespace rg::dashboard
