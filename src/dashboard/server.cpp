#include "dashboard/server.hpp"

#include "util/fatal_error.hpp"

#include <cerrno>
#include <chrono>
#include <fmt/format.h>
#include <httplib.h>
#include <system_error>
#include <thread>

namespace rg::dashboard {
namespace {

// The dashboard reads only: no request needs a body.
constexpr std::size_t kMaxBody = std::size_t{64} * 1024;

HttpRequest convert(const httplib::Request& from) {
  HttpRequest to;
  to.method = from.method;
  to.path = from.path;
  to.host = from.get_header_value("Host");
  to.cookie = from.get_header_value("Cookie");
  to.params.insert(from.params.begin(), from.params.end());
  return to;
}

void apply(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) {
    to.set_header(name, value);
  }
  to.set_content(from.body, from.content_type);
}

// Responses httplib makes by itself (a malformed request, a URI too long) get the same headers.
void add_missing_security_headers(httplib::Response& response) {
  for (const auto& [name, value] : security_headers()) {
    if (!response.has_header(name)) {
      response.set_header(name, value);
    }
  }
}

} // namespace

Server::Server(int port) : server_(std::make_unique<httplib::Server>()) {
  // 127.0.0.1 literally, never "localhost" (which may resolve to ::1 or elsewhere) and never 0.0.0.0.
  const char* const host = "127.0.0.1";
  errno = 0;
  port_ = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (port_ <= 0) {
    const int error = errno;
    throw FatalError(ExitCode::kError,
                     fmt::format("serve: cannot listen on {}:{}{}", host, port,
                                 error != 0 ? ": " + std::generic_category().message(error) : ""));
  }
  server_->set_payload_max_length(kMaxBody);
  server_->set_read_timeout(10, 0);
  server_->set_write_timeout(10, 0);
  server_->set_error_handler(
      [](const httplib::Request&, httplib::Response& response) { add_missing_security_headers(response); });
  // httplib's default would put the exception's text in a response header.
  server_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr&) {
        response.status = 500;
        response.set_content("internal error\n", "text/plain; charset=utf-8");
        add_missing_security_headers(response);
      });
}

Server::~Server() = default;

bool Server::serve(const Dashboard& dashboard) {
  const auto handler = [&dashboard](const httplib::Request& request, httplib::Response& response) {
    apply(dashboard.handle(convert(request)), response);
  };
  // Every method reaches the Dashboard, which checks Host and token before it says 405 to a write.
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Put(".*", handler);
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
  server_->Options(".*", handler);
  const bool ok = server_->listen_after_bind();
  finished_ = true;
  return ok;
}

void Server::stop() {
  // A signal that arrives before the listening loop has started would be lost (httplib's stop() acts on
  // a running server only): wait for it to run, or for serve() to have given up.
  while (!server_->is_running() && !finished_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  server_->stop();
}

} // namespace rg::dashboard
