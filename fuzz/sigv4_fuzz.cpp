// libFuzzer entry for the SigV4 canonicaliser and signer. The input is lines: path, query, body, then
// "name: value" headers. Method, host and header names come from rootguard's own code (the service models
// and the endpoint resolver), so the harness keeps them to their grammar; path, query, values and body are
// arbitrary bytes. Invariants: signing is deterministic; the signature is 64 lower-case hex digits; the
// canonical request has exactly one line per signed header plus six (no value can add a line: a forged
// line would let a value sign a header that is not there); the query form ends with X-Amz-Signature and
// signs the same canonical request shape.
#include "aws/sigv4.hpp"
#include "fuzz_support.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size() && lines.size() < 64) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::size_t line_count(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

bool lower_hex_64(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  const auto lines = lines_of(input.rest);
  static const char* const kMethods[] = {"GET", "POST", "PUT", "HEAD"};
  rg::aws::SignableRequest request;
  request.method = kMethods[input.selector % 4];
  request.host = "iam.amazonaws.com";
  request.path = lines.empty() ? "/" : std::string(lines[0]);
  request.query = lines.size() > 1 ? std::string(lines[1]) : "";
  request.body = lines.size() > 2 ? std::string(lines[2]) : "";
  std::set<std::string> names{"host", "x-amz-date"};
  for (std::size_t i = 3; i < lines.size(); ++i) {
    const std::size_t colon = lines[i].find(':');
    std::string name;
    for (const char c : lines[i].substr(0, colon == std::string_view::npos ? 0 : colon)) {
      if (is_token_char(c)) {
        name += c;
      }
    }
    if (name.empty()) {
      continue;
    }
    request.headers.emplace_back(name, std::string(lines[i].substr(colon + 1)));
    const std::string lower = rg::to_lower(name);
    static const std::set<std::string> kUnsigned{"authorization",   "user-agent", "x-amzn-trace-id",
                                                 "expect",          "connection", "transfer-encoding",
                                                 "x-amz-user-agent"};
    if (kUnsigned.count(lower) == 0) {
      names.insert(lower);
    }
  }
  rg::aws::Credentials creds;
  creds.access_key_id = "AKIDEXAMPLE";
  creds.secret_access_key = rg::aws::Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  rg::aws::SigningParams params;
  params.region = "us-east-1";
  params.service = "iam";
  params.time = std::chrono::sys_seconds{std::chrono::seconds{1440938160}};
  params.normalize_path = (input.selector & 4) == 0;

  auto first = request;
  auto second = request;
  const auto a = rg::aws::sign_request(first, params, creds);
  const auto b = rg::aws::sign_request(second, params, creds);
  RG_FUZZ_CHECK(a.signature == b.signature);
  RG_FUZZ_CHECK(a.canonical_request == b.canonical_request);
  RG_FUZZ_CHECK(lower_hex_64(a.signature));
  RG_FUZZ_CHECK(line_count(a.canonical_request) == names.size() + 6);

  auto presigned = request;
  const auto q = rg::aws::presign_request(presigned, params, creds);
  RG_FUZZ_CHECK(lower_hex_64(q.signature));
  RG_FUZZ_CHECK(presigned.query.ends_with("X-Amz-Signature=" + q.signature));
  names.erase("x-amz-date"); // the query form carries the date in the query, not a header
  RG_FUZZ_CHECK(line_count(q.canonical_request) == names.size() + 6);
  return 0;
}
