#include "aws/endpoints.hpp"

#include "util/strings.hpp"

#include <array>
#include <cctype>
#include <fmt/format.h>

namespace rg::aws {

namespace {

struct GlobalEndpoint {
  std::string_view prefix;
  std::string_view partition;
  std::string_view host;
  std::string_view signing_region;
};

// The services whose one endpoint serves every region of a partition (botocore's endpoint rule sets).
// STS is regional: botocore and the CLI v2 default to regional STS endpoints.
constexpr auto kGlobal = std::to_array<GlobalEndpoint>({
    {"iam", "aws", "iam.amazonaws.com", "us-east-1"},
    {"iam", "aws-cn", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1"},
    {"iam", "aws-us-gov", "iam.us-gov.amazonaws.com", "us-gov-west-1"},
    {"organizations", "aws", "organizations.us-east-1.amazonaws.com", "us-east-1"},
    {"organizations", "aws-cn", "organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
    {"organizations", "aws-us-gov", "organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
});

std::string without_trailing_slash(std::string url) {
  while (url.ends_with('/')) {
    url.pop_back();
  }
  return url;
}

} // namespace

Partition partition_of(std::string_view region) {
  if (region.starts_with("cn-")) {
    return {"aws-cn", "amazonaws.com.cn"};
  }
  if (region.starts_with("us-gov-")) {
    return {"aws-us-gov", "amazonaws.com"};
  }
  return {"aws", "amazonaws.com"};
}

std::string endpoint_variable(std::string_view service_id) {
  std::string name = "AWS_ENDPOINT_URL_";
  for (const char c : service_id) {
    name += c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

std::string endpoint_config_key(std::string_view service_id) {
  std::string key;
  for (const char c : service_id) {
    key += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

Endpoint resolve_endpoint(std::string_view endpoint_prefix, std::string_view service_id,
                          std::string_view region, const Environment& env,
                          const ConfiguredEndpoints& configured) {
  const Partition partition = partition_of(region);
  const auto ignore = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  if (!ignore || !iequals(*ignore, "true")) {
    // A configured endpoint is signed for the caller's region, as botocore does.
    if (auto url = env(endpoint_variable(service_id))) {
      return {without_trailing_slash(std::move(*url)), std::string(region)};
    }
    if (const auto found = configured.by_service.find(endpoint_config_key(service_id));
        found != configured.by_service.end()) {
      return {without_trailing_slash(found->second), std::string(region)};
    }
    if (auto url = env("AWS_ENDPOINT_URL")) {
      return {without_trailing_slash(std::move(*url)), std::string(region)};
    }
    if (configured.global) {
      return {without_trailing_slash(*configured.global), std::string(region)};
    }
  }
  for (const auto& global : kGlobal) {
    if (global.prefix == endpoint_prefix && global.partition == partition.name) {
      return {fmt::format("https://{}", global.host), std::string(global.signing_region)};
    }
  }
  return {fmt::format("https://{}.{}.{}", endpoint_prefix, region, partition.dns_suffix),
          std::string(region)};
}

} // namespace rg::aws
