#include "aws/s3_client.hpp"

#include "aws/uri.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <pugixml.hpp>

namespace rg::aws {

namespace {

struct ParsedUrl {
  std::string scheme; // "https"
  std::string host;   // with the port, as the Host header carries it
  std::string path;   // a base path ("" or "/base"), without a trailing slash
};

ParsedUrl parse_url(std::string_view url) {
  ParsedUrl out;
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    out.scheme = "https";
  } else {
    out.scheme = std::string(url.substr(0, scheme_end));
    url.remove_prefix(scheme_end + 3);
  }
  const std::size_t slash = url.find('/');
  out.host = std::string(url.substr(0, slash));
  if (slash != std::string_view::npos) {
    out.path = uri_decode(url.substr(slash));
    while (out.path.ends_with('/')) {
      out.path.pop_back();
    }
  }
  return out;
}

std::uint64_t to_size(std::string_view text) {
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return 0;
    }
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// The region an answer says the bucket is in: the header AWS sets on redirects and most errors, else the
// <Region> of an AuthorizationHeaderMalformed body.
std::optional<std::string> region_of_answer(const HttpResponse& response) {
  if (auto header = response.header("x-amz-bucket-region"); header && !header->empty()) {
    return header;
  }
  pugi::xml_document document;
  if (!response.body.empty() && document.load_buffer(response.body.data(), response.body.size())) {
    std::string region = document.document_element().child_value("Region");
    if (!region.empty()) {
      return region;
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view s3_action(std::string_view operation) {
  if (operation == "GetObject") {
    return "s3:GetObject";
  }
  return "s3:ListBucket"; // ListObjectsV2 and HeadBucket
}

bool virtual_host_compatible(std::string_view bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) {
    return false;
  }
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(bucket.front()) || !alnum(bucket.back())) {
    return false;
  }
  return std::ranges::all_of(bucket, [&](char c) { return alnum(c) || c == '-'; });
}

std::optional<S3ListPage> parse_list_objects(std::string_view xml) {
  pugi::xml_document document;
  if (!document.load_buffer(xml.data(), xml.size())) {
    return std::nullopt;
  }
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "ListBucketResult") {
    return std::nullopt;
  }
  S3ListPage page;
  for (const pugi::xml_node contents : root.children("Contents")) {
    page.objects.push_back({contents.child_value("Key"), to_size(contents.child_value("Size"))});
  }
  for (const pugi::xml_node prefix : root.children("CommonPrefixes")) {
    page.common_prefixes.emplace_back(prefix.child_value("Prefix"));
  }
  if (std::string_view(root.child_value("IsTruncated")) == "true") {
    page.next_token = root.child_value("NextContinuationToken");
  }
  return page;
}

S3Client::S3Client(S3ClientOptions options, std::shared_ptr<CredentialsProvider> credentials,
                   std::shared_ptr<HttpTransport> transport, std::shared_ptr<RetryStrategy> retry)
    : options_(std::move(options)), credentials_(std::move(credentials)), transport_(std::move(transport)),
      retry_(std::move(retry)) {
  if (!options_.clock) {
    options_.clock = [] {
      return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    };
  }
}

bool S3Client::custom_endpoint() const {
  const Endpoint endpoint = resolve_endpoint("s3", "S3", options_.region, options_.env, options_.endpoints);
  const Partition partition = partition_of(options_.region);
  return endpoint.url != fmt::format("https://s3.{}.{}", options_.region, partition.dns_suffix);
}

S3Client::Sent S3Client::send(const std::string& method, std::string_view bucket, const std::string& key,
                              const std::string& query) {
  Sent sent;
  // One redirect at most: a bucket is in one region, and a second redirect would be a loop.
  for (int redirects = 0;; ++redirects) {
    const Endpoint endpoint = resolve_endpoint("s3", "S3", options_.region, options_.env, options_.endpoints);
    const ParsedUrl url = parse_url(endpoint.url);
    const bool path_style = custom_endpoint() || !virtual_host_compatible(bucket);
    const std::string host = path_style ? url.host : fmt::format("{}.{}", bucket, url.host);
    const std::string path = path_style
                                 ? fmt::format("{}/{}{}{}", url.path, bucket, key.empty() ? "" : "/", key)
                                 : fmt::format("{}/{}", url.path, key);
    std::optional<Problem> credentials_problem;
    const PrepareRequest prepare = [&]() {
      SignableRequest request;
      request.method = method;
      request.host = host;
      request.path = path; // decoded: the signer encodes it once, which is S3's canonical form
      request.query = query;
      if (options_.request_payer) {
        request.headers.emplace_back("x-amz-request-payer", "requester");
      }
      SigningParams params;
      params.region = endpoint.signing_region;
      params.service = "s3";
      params.time = options_.clock();
      params.normalize_path = false;
      params.add_content_sha256 = true;
      if (auto creds = credentials_->credentials()) {
        if (!creds->access_key_id.empty()) {
          sign_request(request, params, *creds);
        }
      } else {
        credentials_problem = creds.error();
      }
      HttpRequest http;
      http.method = method;
      http.url = fmt::format("{}://{}{}{}{}", url.scheme, host, uri_encode(path, true),
                             query.empty() ? "" : "?", query);
      http.headers = std::move(request.headers);
      http.headers.emplace_back("User-Agent", options_.user_agent);
      http.connect_timeout = options_.connect_timeout;
      http.total_timeout = options_.call_timeout;
      return http;
    };
    if (auto first = credentials_->credentials(); !first) {
      sent.info.error = AwsError{0, "rootguard.NoCredentials", first.error().message, ""};
      return sent;
    }
    const SendResult result = send_with_retries(
        *transport_, *retry_, prepare,
        [](const HttpResponse& response) { return parse_error(Protocol::kQuery, response).code; },
        options_.sleep);
    sent.info.attempts += result.attempts;
    sent.info.throttled += result.throttled;
    if (credentials_problem) {
      sent.info.error = AwsError{0, "rootguard.NoCredentials", credentials_problem->message, ""};
      return sent;
    }
    if (result.result.error) {
      sent.info.error =
          AwsError{0, fmt::format("rootguard.Transport.{}", to_string(result.result.error->kind)),
                   result.result.error->message, ""};
      return sent;
    }
    sent.response = *result.result.response;
    const long status = sent.response.status;
    if (redirects == 0 && (status == 301 || status == 307 || status == 400)) {
      if (auto region = region_of_answer(sent.response); region && *region != options_.region) {
        options_.region = *region;
        continue;
      }
    }
    if (status >= 300) {
      sent.info.error = parse_error(Protocol::kQuery, sent.response);
    }
    return sent;
  }
}

S3ListResult S3Client::list_objects(std::string_view bucket, std::string_view prefix,
                                    std::string_view delimiter, std::string_view continuation_token) {
  std::vector<std::pair<std::string, std::string>> query{{"list-type", "2"}};
  if (!continuation_token.empty()) {
    query.emplace_back("continuation-token", continuation_token);
  }
  if (!delimiter.empty()) {
    query.emplace_back("delimiter", delimiter);
  }
  query.emplace_back("prefix", prefix);
  Sent sent = send("GET", bucket, "", build_query(query));
  S3ListResult out;
  out.info = std::move(sent.info);
  if (out.info.error) {
    return out;
  }
  auto page = parse_list_objects(sent.response.body);
  if (!page) {
    out.info.error = AwsError{sent.response.status, "rootguard.UnparseableAnswer",
                              "the ListObjectsV2 answer is not a ListBucketResult document", ""};
    return out;
  }
  out.page = std::move(*page);
  return out;
}

S3GetResult S3Client::get_object(std::string_view bucket, std::string_view key) {
  Sent sent = send("GET", bucket, std::string(key), "");
  S3GetResult out;
  out.info = std::move(sent.info);
  if (!out.info.error) {
    out.body = std::move(sent.response.body);
    constexpr std::string_view kMeta = "x-amz-meta-";
    for (const auto& [name, value] : sent.response.headers) {
      if (name.starts_with(kMeta)) {
        out.metadata.emplace(name.substr(kMeta.size()), value);
      }
    }
  }
  return out;
}

S3CallInfo S3Client::locate_bucket(std::string_view bucket) {
  Sent sent = send("HEAD", bucket, "", "");
  if (auto region = region_of_answer(sent.response); region && sent.response.status != 0) {
    options_.region = *region;
  }
  S3CallInfo out;
  out.attempts = sent.info.attempts;
  out.throttled = sent.info.throttled;
  // Denied is not fatal here: listing may be allowed by a prefix-scoped policy that HeadBucket does not
  // match, and the listing names its own denial.
  if (sent.info.error && sent.info.error->http_status != 403) {
    out.error = std::move(sent.info.error);
  }
  return out;
}

} // namespace rg::aws
