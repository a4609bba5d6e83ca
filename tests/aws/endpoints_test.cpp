#include "aws/endpoints.hpp"

#include <gtest/gtest.h>

namespace {

using rg::aws::fixed_environment;
using rg::aws::resolve_endpoint;

TEST(Endpoints, RegionalAndGlobalPerPartition) {
  const auto none = fixed_environment({});
  EXPECT_EQ(resolve_endpoint("logs", "CloudWatch Logs", "eu-west-1", none).url,
            "https://logs.eu-west-1.amazonaws.com");
  EXPECT_EQ(resolve_endpoint("sts", "STS", "eu-west-1", none).url, "https://sts.eu-west-1.amazonaws.com");
  const auto iam = resolve_endpoint("iam", "IAM", "eu-west-1", none);
  EXPECT_EQ(iam.url, "https://iam.amazonaws.com");
  EXPECT_EQ(iam.signing_region, "us-east-1");
  const auto iam_cn = resolve_endpoint("iam", "IAM", "cn-northwest-1", none);
  EXPECT_EQ(iam_cn.url, "https://iam.cn-north-1.amazonaws.com.cn");
  EXPECT_EQ(iam_cn.signing_region, "cn-north-1");
  EXPECT_EQ(resolve_endpoint("iam", "IAM", "us-gov-east-1", none).url, "https://iam.us-gov.amazonaws.com");
  EXPECT_EQ(resolve_endpoint("iam", "IAM", "us-gov-east-1", none).signing_region, "us-gov-west-1");
  const auto orgs = resolve_endpoint("organizations", "Organizations", "ap-southeast-2", none);
  EXPECT_EQ(orgs.url, "https://organizations.us-east-1.amazonaws.com");
  EXPECT_EQ(orgs.signing_region, "us-east-1");
  EXPECT_EQ(resolve_endpoint("guardduty", "GuardDuty", "cn-north-1", none).url,
            "https://guardduty.cn-north-1.amazonaws.com.cn");
  EXPECT_EQ(rg::aws::partition_of("us-gov-west-1").name, "aws-us-gov");
}

TEST(Endpoints, ConfiguredEndpointsWinServiceFirst) {
  const auto env = fixed_environment({{"AWS_ENDPOINT_URL", "http://127.0.0.1:5000/"},
                                      {"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:6000"}});
  EXPECT_EQ(resolve_endpoint("logs", "CloudWatch Logs", "eu-west-1", env).url, "http://127.0.0.1:6000");
  const auto iam = resolve_endpoint("iam", "IAM", "eu-west-1", env);
  EXPECT_EQ(iam.url, "http://127.0.0.1:5000");
  EXPECT_EQ(iam.signing_region, "eu-west-1");
  const auto ignored = fixed_environment(
      {{"AWS_ENDPOINT_URL", "http://127.0.0.1:5000"}, {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}});
  EXPECT_EQ(resolve_endpoint("iam", "IAM", "eu-west-1", ignored).url, "https://iam.amazonaws.com");
  EXPECT_EQ(rg::aws::endpoint_variable("CloudWatch Logs"), "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS");
}

TEST(Endpoints, ConfigFileEndpointsBetweenTheVariables) {
  rg::aws::ConfiguredEndpoints file;
  file.global = "http://profile:1";
  file.by_service = {{"cloudwatch_logs", "http://services:2"}};
  const auto none = fixed_environment({});
  EXPECT_EQ(resolve_endpoint("logs", "CloudWatch Logs", "eu-west-1", none, file).url, "http://services:2");
  EXPECT_EQ(resolve_endpoint("iam", "IAM", "eu-west-1", none, file).url, "http://profile:1");
  const auto global = fixed_environment({{"AWS_ENDPOINT_URL", "http://env:3"}});
  EXPECT_EQ(resolve_endpoint("logs", "CloudWatch Logs", "eu-west-1", global, file).url, "http://services:2")
      << "a service's configured endpoint beats the global variable";
  EXPECT_EQ(resolve_endpoint("iam", "IAM", "eu-west-1", global, file).url, "http://env:3");
  const auto specific = fixed_environment({{"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://env:4"}});
  EXPECT_EQ(resolve_endpoint("logs", "CloudWatch Logs", "eu-west-1", specific, file).url, "http://env:4");
}

} // namespace
