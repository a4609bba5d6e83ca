#include "dashboard/dashboard.hpp"

#include "dashboard/api.hpp"
#include "dashboard/assets.hpp"
#include "dashboard/token.hpp"

#include <charconv>
#include <optional>
#include <string_view>

namespace rg::dashboard {
namespace {

HttpResponse text_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse json_response(const nlohmann::json& value) {
  HttpResponse response;
  response.content_type = "application/json; charset=utf-8";
  response.body = json_body(value);
  return response;
}

std::optional<std::string> first_param(const HttpRequest& request, const std::string& name) {
  const auto found = request.params.find(name);
  if (found == request.params.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value <= 0) {
    return std::nullopt;
  }
  return value;
}

// "/api/runs/12/findings" -> "12"; nullopt when `path` is not prefix + one segment + suffix.
std::optional<std::string_view> segment(std::string_view path, std::string_view prefix,
                                        std::string_view suffix) {
  if (path.size() <= prefix.size() + suffix.size() || !path.starts_with(prefix) || !path.ends_with(suffix)) {
    return std::nullopt;
  }
  const auto middle = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  if (middle.find('/') != std::string_view::npos) {
    return std::nullopt;
  }
  return middle;
}

} // namespace

Dashboard::Dashboard(const store::Database& db, std::string token, int port, Lang lang)
    : db_(db), token_(std::move(token)), port_(port), lang_(lang) {}

HttpResponse Dashboard::handle(const HttpRequest& request) const {
  HttpResponse response;
  // The Host check comes first: a rebound name's page must learn nothing, not even whether its guess
  // of a token was right.
  if (!host_allowed(request.host, port_)) {
    response = text_response(403, "forbidden: this server answers only to 127.0.0.1 and localhost\n");
  } else {
    const auto query_token = first_param(request, "token");
    const auto cookie_token = cookie_value(request.cookie, token_cookie_name(port_));
    const bool query_ok = query_token && token_matches(*query_token, token_);
    const bool cookie_ok = cookie_token && token_matches(*cookie_token, token_);
    if (!query_ok && !cookie_ok) {
      response = text_response(403, "forbidden: open the URL rootguard serve printed\n");
    } else if (request.method != "GET" && request.method != "HEAD") {
      response = text_response(405, "method not allowed: the dashboard only reads\n");
      response.headers.emplace_back("Allow", "GET, HEAD");
    } else {
      response = route(request, query_ok);
    }
  }
  const auto& security = security_headers();
  response.headers.insert(response.headers.begin(), security.begin(), security.end());
  return response;
}

HttpResponse Dashboard::route(const HttpRequest& request, bool token_in_query) const {
  if (request.path.starts_with("/api/")) {
    return api(request);
  }
  const auto* asset = find_asset(request.path);
  if (asset == nullptr) {
    return text_response(404, "not found\n");
  }
  HttpResponse response;
  response.content_type = std::string(asset->content_type);
  response.body = std::string(asset->body);
  if (token_in_query && request.path == "/") {
    // From here on the browser sends the token by itself, and the page drops it from the address bar.
    response.headers.emplace_back("Set-Cookie", token_cookie(token_, port_));
  }
  return response;
}

HttpResponse Dashboard::api(const HttpRequest& request) const {
  Lang lang = lang_;
  if (const auto asked = first_param(request, "lang")) {
    parse_lang(*asked, lang);
  }
  const std::string_view path = request.path;
  const std::lock_guard lock(db_mutex_);
  if (path == "/api/config") {
    return json_response({{"lang", to_string(lang_)}});
  }
  if (path == "/api/runs") {
    return json_response(runs_json(db_));
  }
  if (path == "/api/trend") {
    return json_response(trend_json(db_));
  }
  if (path == "/api/timeline") {
    return json_response(timeline_json(db_, lang));
  }
  if (const auto id = segment(path, "/api/runs/", "/findings")) {
    const auto run = parse_id(*id);
    if (const auto result = run ? run_findings_json(db_, *run, lang) : std::nullopt) {
      return json_response(*result);
    }
    return text_response(404, "no such run\n");
  }
  if (const auto id = segment(path, "/api/findings/", "")) {
    if (const auto result = finding_json(db_, *id, lang)) {
      return json_response(*result);
    }
    return text_response(404, "no such finding\n");
  }
  return text_response(404, "not found\n");
}

} // namespace rg::dashboard
