#pragma once
// AWS Signature Version 4, header form (Authorization header) and query form (presigned URL), checked
// against every case of the AWS SigV4 test suite (tests/data/aws-sigv4-test-suite) and botocore.
#include "aws/credentials.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rg::aws {

using Headers = std::vector<std::pair<std::string, std::string>>;

// A request as it goes on the wire: `path` and `query` are already percent-encoded the way they will be
// sent (SigV4 encodes the path once more, as every service but S3 expects).
struct SignableRequest {
  std::string method;
  std::string host; // signed as the host header unless `headers` already has one
  std::string path = "/";
  std::string query; // without '?'
  Headers headers;
  std::string body;
};

struct SigningParams {
  std::string region;
  std::string service; // the signing name (botocore's signingName), e.g. "iam", "monitoring"
  std::chrono::sys_seconds time;
  bool normalize_path = true;         // false only for S3
  bool add_content_sha256 = false;    // send and sign x-amz-content-sha256 (S3; the suite's sign_body)
  bool omit_session_token = false;    // add the token after signing (services that reject a signed one)
  std::chrono::seconds expires{3600}; // query form only
};

// The intermediate values, so tests can compare each step and a mismatch says where.
struct SigningTrace {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

// Adds X-Amz-Date, X-Amz-Security-Token, x-amz-content-sha256 (when asked) and Authorization.
SigningTrace sign_request(SignableRequest& request, const SigningParams& params, const Credentials& creds);

// Appends the X-Amz-* parameters and X-Amz-Signature to request.query.
SigningTrace presign_request(SignableRequest& request, const SigningParams& params, const Credentials& creds);

// "20150830T123600Z"
std::string amz_date(std::chrono::sys_seconds time);

} // namespace rg::aws
