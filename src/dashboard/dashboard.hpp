#pragma once
// One request in, one response out: the Host and token checks, the page and its assets, the JSON API.
// Independent of the HTTP library (server.hpp adapts cpp-httplib to it), so the tests drive it directly.
#include "dashboard/request_guard.hpp"
#include "i18n/text.hpp"

#include <map>
#include <mutex>
#include <string>

namespace rg::store {
class Database;
}

namespace rg::dashboard {

struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";
  std::string host;   // the Host header
  std::string cookie; // the Cookie header
  std::multimap<std::string, std::string> params;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  HeaderList headers; // security_headers() and, on the first page, Set-Cookie
};

class Dashboard {
public:
  // `db` is a read-only store that outlives this object; `port` is the one the server is bound to (the
  // Host check needs it); `lang` is the page's language unless a request asks for another.
  Dashboard(const store::Database& db, std::string token, int port, Lang lang);

  // Safe to call from several threads at once (the store is read under a lock).
  HttpResponse handle(const HttpRequest& request) const;

private:
  HttpResponse route(const HttpRequest& request, bool token_in_query) const;
  HttpResponse api(const HttpRequest& request) const;

  const store::Database& db_;
  std::string token_;
  int port_;
  Lang lang_;
  mutable std::mutex db_mutex_;
};

} // namespace rg::dashboard
