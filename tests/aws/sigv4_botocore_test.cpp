// Real requests (IAM query POST, Organizations JSON 1.1, GuardDuty rest-json GET with a query string and
// POST, STS with a session token) signed by botocore: rootguard's signer must give the same
// Authorization header for the same headers. tests/aws/botocore_vectors.py wrote the vectors; the
// Aws.BotocoreVectorsCurrent ctest re-signs them with the botocore on this machine.
#include "aws/sigv4.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

nlohmann::json vectors() {
  std::ifstream in(fs::path(RG_SOURCE_DIR) / "tests" / "data" / "botocore-sigv4-vectors.json");
  return nlohmann::json::parse(in);
}

TEST(SigV4Botocore, SameAuthorizationAsBotocore) {
  const auto document = vectors();
  rg::aws::Credentials creds;
  creds.access_key_id = document.at("access_key_id");
  creds.secret_access_key = rg::aws::Secret(document.at("secret_access_key"));
  ASSERT_GE(document.at("vectors").size(), 6U);
  for (const auto& vector : document.at("vectors")) {
    SCOPED_TRACE(vector.at("name").get<std::string>());
    const std::string authorization = vector.at("authorization");
    // Botocore signs the headers present when it signs (User-Agent and the amz-sdk-* ones come later):
    // sign the same set.
    const size_t from = authorization.find("SignedHeaders=") + 14;
    const std::string signed_names = authorization.substr(from, authorization.find(',', from) - from);
    const auto names = rg::split(signed_names, ';');
    const std::string url = vector.at("url");
    const size_t host_start = url.find("://") + 3;
    const size_t path_start = url.find('/', host_start);
    const size_t question = url.find('?', path_start);
    rg::aws::SignableRequest request;
    request.method = vector.at("method");
    request.host = url.substr(host_start, path_start - host_start);
    request.path =
        url.substr(path_start, question == std::string::npos ? std::string::npos : question - path_start);
    request.query = question == std::string::npos ? "" : url.substr(question + 1);
    request.body = vector.at("body");
    for (const auto& header : vector.at("headers")) {
      const std::string lower = rg::to_lower(header.at(0).get<std::string>());
      if (std::find(names.begin(), names.end(), lower) != names.end()) {
        request.headers.emplace_back(header.at(0), header.at(1));
      }
    }
    rg::aws::Credentials call_creds = creds;
    if (vector.at("session_token").get<bool>()) {
      call_creds.session_token = rg::aws::Secret(document.at("session_token"));
    }
    rg::aws::SigningParams params;
    params.region = vector.at("region");
    params.service = vector.at("service");
    params.time = *rg::parse_iso8601(document.at("time").get<std::string>());
    rg::aws::sign_request(request, params, call_creds);
    std::string ours;
    for (const auto& [name, value] : request.headers) {
      if (name == "Authorization") {
        ours = value;
      }
    }
    EXPECT_EQ(ours, authorization);
  }
}

} // namespace
