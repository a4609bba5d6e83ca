#include "aws/sigv4.hpp"

#include "aws/crypto.hpp"
#include "aws/uri.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <map>

namespace rg::aws {

namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

// Headers a proxy or the HTTP library may change on the way: signing them would break the signature
// (the same list the AWS SDKs skip).
bool unsignable(std::string_view lower_name) {
  static constexpr auto kSkip =
      std::to_array<std::string_view>({"authorization", "user-agent", "x-amzn-trace-id", "expect",
                                       "connection", "transfer-encoding", "x-amz-user-agent"});
  return std::find(std::begin(kSkip), std::end(kSkip), lower_name) != std::end(kSkip);
}

// Trim, and fold every run of whitespace (folded header lines included) into one space.
std::string canonical_value(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (const char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  return out;
}

struct CanonicalHeaders {
  std::string block;        // "name:value\n" per header, sorted
  std::string signed_names; // "host;x-amz-date"
};

CanonicalHeaders canonical_headers(const SignableRequest& request) {
  std::map<std::string, std::string> merged; // sorted by lower-case name; repeated names joined by ','
  bool has_host = false;
  for (const auto& [name, value] : request.headers) {
    const std::string lower = to_lower(name);
    if (unsignable(lower)) {
      continue;
    }
    has_host = has_host || lower == "host";
    auto [it, inserted] = merged.try_emplace(lower, canonical_value(value));
    if (!inserted) {
      it->second += ',';
      it->second += canonical_value(value);
    }
  }
  if (!has_host) {
    merged.emplace("host", request.host);
  }
  CanonicalHeaders out;
  for (const auto& [name, value] : merged) {
    out.block += fmt::format("{}:{}\n", name, value);
    if (!out.signed_names.empty()) {
      out.signed_names += ';';
    }
    out.signed_names += name;
  }
  return out;
}

std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [key, value] : parse_query(query)) {
    pairs.emplace_back(uri_encode(key), uri_encode(value));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) {
      out += '&';
    }
    out += fmt::format("{}={}", key, value);
  }
  return out;
}

std::string scope(const SigningParams& params) {
  return fmt::format("{:%Y%m%d}/{}/{}/aws4_request", params.time, params.region, params.service);
}

SigningTrace finish(const SignableRequest& request, const SigningParams& params, const Credentials& creds,
                    const CanonicalHeaders& headers, std::string_view payload_hash) {
  const std::string path = params.normalize_path ? normalize_path(request.path) : request.path;
  SigningTrace trace;
  trace.canonical_request =
      fmt::format("{}\n{}\n{}\n{}\n{}\n{}", request.method, uri_encode(path, true),
                  canonical_query(request.query), headers.block, headers.signed_names, payload_hash);
  trace.string_to_sign = fmt::format("{}\n{}\n{}\n{}", kAlgorithm, amz_date(params.time), scope(params),
                                     sha256_hex(trace.canonical_request));
  const std::string date_key = hmac_sha256(fmt::format("AWS4{}", creds.secret_access_key.reveal()),
                                           fmt::format("{:%Y%m%d}", params.time));
  const std::string region_key = hmac_sha256(date_key, params.region);
  const std::string service_key = hmac_sha256(region_key, params.service);
  const std::string signing_key = hmac_sha256(service_key, "aws4_request");
  trace.signature = hex_encode(hmac_sha256(signing_key, trace.string_to_sign));
  return trace;
}

void append_query(std::string& query, std::string_view key, std::string_view value) {
  if (!query.empty()) {
    query += '&';
  }
  query += fmt::format("{}={}", uri_encode(key), uri_encode(value));
}

} // namespace

std::string amz_date(std::chrono::sys_seconds time) {
  return fmt::format("{:%Y%m%dT%H%M%SZ}", time);
}

SigningTrace sign_request(SignableRequest& request, const SigningParams& params, const Credentials& creds) {
  const std::string payload_hash = sha256_hex(request.body);
  request.headers.emplace_back("X-Amz-Date", amz_date(params.time));
  const bool token = !creds.session_token.empty();
  if (token && !params.omit_session_token) {
    request.headers.emplace_back("X-Amz-Security-Token", creds.session_token.reveal());
  }
  if (params.add_content_sha256) {
    request.headers.emplace_back("x-amz-content-sha256", payload_hash);
  }
  const CanonicalHeaders headers = canonical_headers(request);
  SigningTrace trace = finish(request, params, creds, headers, payload_hash);
  if (token && params.omit_session_token) {
    request.headers.emplace_back("X-Amz-Security-Token", creds.session_token.reveal());
  }
  request.headers.emplace_back("Authorization",
                               fmt::format("{} Credential={}/{}, SignedHeaders={}, Signature={}", kAlgorithm,
                                           creds.access_key_id, scope(params), headers.signed_names,
                                           trace.signature));
  return trace;
}

SigningTrace presign_request(SignableRequest& request, const SigningParams& params,
                             const Credentials& creds) {
  const CanonicalHeaders headers = canonical_headers(request);
  const bool token = !creds.session_token.empty();
  append_query(request.query, "X-Amz-Algorithm", kAlgorithm);
  append_query(request.query, "X-Amz-Credential", fmt::format("{}/{}", creds.access_key_id, scope(params)));
  append_query(request.query, "X-Amz-Date", amz_date(params.time));
  append_query(request.query, "X-Amz-SignedHeaders", headers.signed_names);
  append_query(request.query, "X-Amz-Expires", fmt::format("{}", params.expires.count()));
  if (token && !params.omit_session_token) {
    append_query(request.query, "X-Amz-Security-Token", creds.session_token.reveal());
  }
  SigningTrace trace = finish(request, params, creds, headers, sha256_hex(request.body));
  if (token && params.omit_session_token) {
    append_query(request.query, "X-Amz-Security-Token", creds.session_token.reveal());
  }
  append_query(request.query, "X-Amz-Signature", trace.signature);
  return trace;
}

} // namespace rg::aws
