#pragma once
// One HTTP exchange, and the transport interface the client sends through (libcurl in production, a
// fake in unit tests).
#include "aws/sigv4.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rg::aws {

struct HttpRequest {
  std::string method;
  std::string url; // scheme://host[:port]/path?query, already encoded
  Headers headers;
  std::string body;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
};

struct HttpResponse {
  long status = 0;
  Headers headers; // names lower-cased
  std::string body;

  std::optional<std::string> header(std::string_view lower_name) const;
};

enum class TransportErrorKind {
  kConnect, // could not resolve or connect: nothing was sent
  kTimeout, // connect or total timeout
  kDropped, // the connection closed or reset mid-exchange
  kTls,     // certificate or handshake failure: never retried
  kOther,
};

struct TransportError {
  TransportErrorKind kind = TransportErrorKind::kOther;
  std::string message;
};

struct HttpResult {
  std::optional<HttpResponse> response; // set when an HTTP status came back
  std::optional<TransportError> error;  // set otherwise
};

class HttpTransport {
public:
  virtual ~HttpTransport() = default;
  virtual HttpResult send(const HttpRequest& request) = 0;
};

const char* to_string(TransportErrorKind kind);

} // namespace rg::aws
