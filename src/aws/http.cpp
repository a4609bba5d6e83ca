#include "aws/http.hpp"

namespace rg::aws {

std::optional<std::string> HttpResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) {
      return value;
    }
  }
  return std::nullopt;
}

const char* to_string(TransportErrorKind kind) {
  switch (kind) {
  case TransportErrorKind::kConnect:
    return "connect";
  case TransportErrorKind::kTimeout:
    return "timeout";
  case TransportErrorKind::kDropped:
    return "connection dropped";
  case TransportErrorKind::kTls:
    return "tls";
  case TransportErrorKind::kOther:
    break;
  }
  return "transport";
}

} // namespace rg::aws
