#include "aws/curl_transport.hpp"

#include "util/strings.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <mutex>

namespace rg::aws {

namespace {

// A response larger than this is not an AWS API answer we asked for; stop reading rather than grow.
constexpr size_t kMaxBody = size_t{512} << 20U;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  HttpResponse* response = nullptr;
  bool too_large = false;
};

size_t write_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t bytes = size * count;
  if (sink->response->body.size() + bytes > kMaxBody) {
    sink->too_large = true;
    return 0; // aborts the transfer
  }
  sink->response->body.append(data, bytes);
  return bytes;
}

size_t write_header(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t bytes = size * count;
  const std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {
    sink->response->headers.clear(); // a new header block (after 100 Continue, or a retry by curl)
    return bytes;
  }
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    sink->response->headers.emplace_back(to_lower(trim(line.substr(0, colon))),
                                         std::string(trim(line.substr(colon + 1))));
  }
  return bytes;
}

TransportErrorKind classify(CURLcode code) {
  switch (code) {
  case CURLE_OPERATION_TIMEDOUT:
    return TransportErrorKind::kTimeout;
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
  case CURLE_COULDNT_CONNECT:
    return TransportErrorKind::kConnect;
  case CURLE_GOT_NOTHING:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_PARTIAL_FILE:
    return TransportErrorKind::kDropped;
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_ISSUER_ERROR:
    return TransportErrorKind::kTls;
  default:
    return TransportErrorKind::kOther;
  }
}

} // namespace

struct CurlTransport::Handle {
  CURL* curl = nullptr;
  ~Handle() {
    if (curl != nullptr) {
      curl_easy_cleanup(curl);
    }
  }
};

CurlTransport::CurlTransport(const Environment& env) : handle_(std::make_unique<Handle>()) {
  global_init();
  handle_->curl = curl_easy_init();
  if (const auto bundle = env("AWS_CA_BUNDLE")) {
    ca_bundle_ = *bundle;
  }
}

CurlTransport::~CurlTransport() = default;

HttpResult CurlTransport::send(const HttpRequest& request) {
  CURL* curl = handle_->curl;
  if (curl == nullptr) {
    return {std::nullopt, TransportError{TransportErrorKind::kOther, "curl_easy_init failed"}};
  }
  // Options set on the previous request stay on a reused handle; reset keeps the connection cache.
  curl_easy_reset(curl);
  HttpResponse response;
  Sink sink{&response, false};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_bundle_.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_bundle_.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); // any encoding curl can decode
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
  if (request.method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L); // S3 HeadBucket: an answer with no body to wait for
  } else {
    if (request.method != "POST") {
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_slist* headers = nullptr;
  // curl would add "Expect: 100-continue" for large bodies (a round trip AWS does not need) and a
  // form Content-Type for POST: the signed headers are the only ones that matter.
  headers = curl_slist_append(headers, "Expect:");
  bool has_content_type = false;
  for (const auto& [name, value] : request.headers) {
    has_content_type = has_content_type || iequals(name, "content-type");
    headers = curl_slist_append(headers, fmt::format("{}: {}", name, value).c_str());
  }
  if (!has_content_type) {
    headers = curl_slist_append(headers, "Content-Type:");
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  long new_connections = 0;
  curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &new_connections);
  connections_opened_ += new_connections;
  if (sink.too_large) {
    return {std::nullopt, TransportError{TransportErrorKind::kOther,
                                         fmt::format("response larger than {} MiB", kMaxBody >> 20U)}};
  }
  if (code != CURLE_OK) {
    return {std::nullopt, TransportError{classify(code), curl_easy_strerror(code)}};
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return {std::move(response), std::nullopt};
}

} // namespace rg::aws
