#pragma once
// Where a client gets credentials for each attempt. Providers that fetch temporary credentials cache
// them and refresh before they expire; a failure is a Problem that says which source failed and why
// (never the secret).
#include "aws/credentials.hpp"
#include "util/result.hpp"

namespace rg::aws {

class CredentialsProvider {
public:
  virtual ~CredentialsProvider() = default;
  virtual Result<Credentials> credentials() = 0;
};

class StaticCredentialsProvider final : public CredentialsProvider {
public:
  explicit StaticCredentialsProvider(Credentials creds) : creds_(std::move(creds)) {}
  Result<Credentials> credentials() override { return creds_; }

private:
  Credentials creds_;
};

} // namespace rg::aws
