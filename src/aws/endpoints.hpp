#pragma once
// Where to send a call and which region to sign it for: the partition from the region (aws, aws-cn,
// aws-us-gov), the global endpoints of IAM and Organizations, and the endpoint overrides the AWS CLI
// honours (AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS).
#include "aws/environment.hpp"

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

Partition partition_of(std::string_view region);

// endpoint_prefix as botocore's metadata.endpointPrefix ("iam", "monitoring"); service_id as its
// metadata.serviceId ("IAM", "CloudWatch Logs"), which names the AWS_ENDPOINT_URL_<SERVICE> variable.
Endpoint resolve_endpoint(std::string_view endpoint_prefix, std::string_view service_id,
                          std::string_view region, const Environment& env);

// "CloudWatch Logs" -> "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"
std::string endpoint_variable(std::string_view service_id);

} // namespace rg::aws
