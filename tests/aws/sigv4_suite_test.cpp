// Every case of the AWS SigV4 test suite (aws-c-auth's, Apache-2.0, tests/data/aws-sigv4-test-suite),
// header form and query form: canonical request, string to sign, signature and the signed request.
#include "aws/sigv4.hpp"
#include "util/time.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using rg::aws::Headers;
using rg::aws::SignableRequest;

const fs::path kSuite = fs::path(RG_SOURCE_DIR) / "tests" / "data" / "aws-sigv4-test-suite";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct HttpText {
  std::string method;
  std::string target; // path[?query] as written
  Headers headers;
  std::string body;
};

// The suite's request files: "METHOD target HTTP/1.1", header lines (a line starting with a space
// continues the previous value), a blank line, the body. The target may contain spaces.
HttpText parse_http(const std::string& text) {
  HttpText out;
  size_t line_end = text.find('\n');
  const std::string first = text.substr(0, line_end);
  const size_t space = first.find(' ');
  const size_t last_space = first.rfind(' ');
  out.method = first.substr(0, space);
  out.target = first.substr(space + 1, last_space - space - 1);
  size_t position = line_end == std::string::npos ? text.size() : line_end + 1;
  while (position < text.size()) {
    line_end = text.find('\n', position);
    const std::string line =
        text.substr(position, line_end == std::string::npos ? std::string::npos : line_end - position);
    position = line_end == std::string::npos ? text.size() : line_end + 1;
    if (line.empty()) {
      out.body = text.substr(position);
      break;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !out.headers.empty()) {
      out.headers.back().second += "\n" + line;
      continue;
    }
    const size_t colon = line.find(':');
    out.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
  }
  return out;
}

struct Case {
  SignableRequest request;
  rg::aws::SigningParams params;
  rg::aws::Credentials creds;
};

Case load(const std::string& name) {
  const fs::path dir = kSuite / name;
  const auto context = nlohmann::json::parse(slurp(dir / "context.json"));
  const HttpText http = parse_http(slurp(dir / "request.txt"));
  Case c;
  c.request.method = http.method;
  const size_t question = http.target.find('?');
  c.request.path = http.target.substr(0, question);
  c.request.query = question == std::string::npos ? "" : http.target.substr(question + 1);
  c.request.headers = http.headers;
  c.request.body = http.body;
  c.params.region = context.at("region");
  c.params.service = context.at("service");
  c.params.time = *rg::parse_iso8601(context.at("timestamp").get<std::string>());
  c.params.normalize_path = context.at("normalize");
  c.params.add_content_sha256 = context.at("sign_body");
  c.params.omit_session_token = context.value("omit_session_token", false);
  c.params.expires = std::chrono::seconds(context.at("expiration_in_seconds").get<int>());
  const auto& creds = context.at("credentials");
  c.creds.access_key_id = creds.at("access_key_id");
  c.creds.secret_access_key = rg::aws::Secret(creds.at("secret_access_key"));
  if (creds.contains("token")) {
    c.creds.session_token = rg::aws::Secret(creds.at("token"));
  }
  return c;
}

// Headers compared as a multiset of (lower-case name, value): the suite's order is its library's.
std::vector<std::pair<std::string, std::string>> normalized(const Headers& headers) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    out.emplace_back(lower, value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kSuite)) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class SigV4Suite : public testing::TestWithParam<std::string> {};

TEST_P(SigV4Suite, HeaderForm) {
  Case c = load(GetParam());
  const fs::path dir = kSuite / GetParam();
  const auto trace = rg::aws::sign_request(c.request, c.params, c.creds);
  EXPECT_EQ(trace.canonical_request, slurp(dir / "header-canonical-request.txt"));
  EXPECT_EQ(trace.string_to_sign, slurp(dir / "header-string-to-sign.txt"));
  EXPECT_EQ(trace.signature, slurp(dir / "header-signature.txt"));
  const HttpText expected = parse_http(slurp(dir / "header-signed-request.txt"));
  EXPECT_EQ(normalized(c.request.headers), normalized(expected.headers));
}

TEST_P(SigV4Suite, QueryForm) {
  Case c = load(GetParam());
  const fs::path dir = kSuite / GetParam();
  const auto trace = rg::aws::presign_request(c.request, c.params, c.creds);
  EXPECT_EQ(trace.canonical_request, slurp(dir / "query-canonical-request.txt"));
  EXPECT_EQ(trace.string_to_sign, slurp(dir / "query-string-to-sign.txt"));
  EXPECT_EQ(trace.signature, slurp(dir / "query-signature.txt"));
  const HttpText expected = parse_http(slurp(dir / "query-signed-request.txt"));
  EXPECT_EQ(fmt::format("{}?{}", c.request.path, c.request.query), expected.target);
  EXPECT_EQ(normalized(c.request.headers), normalized(expected.headers));
}

TEST(SigV4Suite, HasEveryCase) {
  EXPECT_EQ(case_names().size(), 38U);
}

INSTANTIATE_TEST_SUITE_P(Cases, SigV4Suite, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

} // namespace
