#pragma once
// An AWS error answer (or a transport failure) reduced to what a caller reports: HTTP status, error
// code, message, request id.
#include "aws/http.hpp"
#include "aws/service_model.hpp"

#include <string>

namespace rg::aws {

struct AwsError {
  long http_status = 0; // 0: no HTTP answer (transport failure, credentials, unknown operation)
  std::string code;     // "AccessDenied", "ThrottlingException", or rootguard's own "rootguard.*"
  std::string message;
  std::string request_id;

  std::string describe() const; // "AccessDenied (HTTP 403): User ... is not authorized ..."
};

// Reads the error from an error answer in the service's protocol; never fails (an unparseable body
// gives code "HTTP <status>").
AwsError parse_error(Protocol protocol, const HttpResponse& response);

} // namespace rg::aws
