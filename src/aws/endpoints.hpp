#pragma once
// Where to send a call and which region to sign it for: the partition from the region (aws, aws-cn,
// aws-us-gov), the global endpoints of IAM and Organizations, and the endpoint overrides the AWS CLI
// honours (AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS).
#include "aws/environment.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace rg::aws {

struct Partition {
  std::string name;       // "aws"
  std::string dns_suffix; // "amazonaws.com"
};

struct Endpoint {
  std::string url; // "https://iam.amazonaws.com" (no trailing slash); may carry a base path
  std::string signing_region;
};

// Endpoints from the shared config file: the profile's `endpoint_url`, and its `services = NAME` section
// (`[services NAME]` with `iam =` / `  endpoint_url = ...`), keyed by the snake-case service id.
struct ConfiguredEndpoints {
  std::optional<std::string> global;
  std::map<std::string, std::string, std::less<>> by_service; // "cloudwatch_logs" -> URL
};

Partition partition_of(std::string_view region);

// endpoint_prefix as botocore's metadata.endpointPrefix ("iam", "monitoring"); service_id as its
// metadata.serviceId ("IAM", "CloudWatch Logs"), which names the AWS_ENDPOINT_URL_<SERVICE> variable.
// Precedence as botocore's: AWS_ENDPOINT_URL_<SERVICE>, the services section, AWS_ENDPOINT_URL, the
// profile's endpoint_url, then the built-in endpoint.
Endpoint resolve_endpoint(std::string_view endpoint_prefix, std::string_view service_id,
                          std::string_view region, const Environment& env,
                          const ConfiguredEndpoints& configured = {});

// "CloudWatch Logs" -> "cloudwatch_logs": the key of a service in a [services] section.
std::string endpoint_config_key(std::string_view service_id);

// "CloudWatch Logs" -> "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"
std::string endpoint_variable(std::string_view service_id);

} // namespace rg::aws
