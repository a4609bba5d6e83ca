#pragma once
// HttpTransport on libcurl. TLS peer and host verification are always on (there is no switch to turn
// them off); AWS_CA_BUNDLE names the CA file as for the AWS CLI. One transport keeps one curl handle,
// whose connection cache reuses TLS connections between calls: use one per thread.
#include "aws/environment.hpp"
#include "aws/http.hpp"

#include <memory>

namespace rg::aws {

class CurlTransport final : public HttpTransport {
public:
  explicit CurlTransport(const Environment& env);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResult send(const HttpRequest& request) override;

  // Connections opened so far (reuse shows as fewer connections than requests).
  long connections_opened() const { return connections_opened_; }

private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::string ca_bundle_;
  long connections_opened_ = 0;
};

} // namespace rg::aws
