#pragma once
// Credentials of a role assumed with another provider's credentials (an organization's member account
// reached from its management account). The first AssumeRole is made by assume(), which returns the call
// as it went, so the collector can log it (error code, attempts) like any other call; credentials()
// then serves the session and assumes the role again five minutes before it expires, because
// collecting a large account can outlast the session. Used by one client on one thread (the transport
// is not thread-safe); the source provider may be shared.
#include "aws/client.hpp"
#include "aws/credential_sources.hpp"
#include "aws/credentials_provider.hpp"

#include <memory>
#include <optional>

namespace rg::aws {

class AssumedRoleProvider final : public CredentialsProvider {
public:
  AssumedRoleProvider(std::shared_ptr<CredentialsProvider> source, AssumeRoleRequest request,
                      ClientOptions sts_options, std::shared_ptr<HttpTransport> transport,
                      std::shared_ptr<RetryStrategy> retry);

  // The AssumeRole call; on success its credentials are kept for credentials(). The result's output
  // holds the session's secret: log its record, never its output.
  CallResult assume();

  Result<Credentials> credentials() override;

private:
  std::shared_ptr<CredentialsProvider> source_;
  AssumeRoleRequest request_;
  ClientOptions sts_options_;
  std::shared_ptr<HttpTransport> transport_;
  std::shared_ptr<RetryStrategy> retry_;
  std::optional<Credentials> cached_;
};

} // namespace rg::aws
