#include "policy/root_probes.hpp"

#include "util/strings.hpp"

#include <array>

namespace rg::policy {
namespace {

constexpr std::array kProbes{
    RootProbe{kUnlistedActionProbe, "arn:${partition}:rootguardprobe:us-east-1:${account}:thing/probe"},
    RootProbe{"iam:CreateAccessKey", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:CreateLoginProfile", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:DeactivateMFADevice", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:CreateUser", "arn:${partition}:iam::${account}:user/rootguard-probe"},
    RootProbe{"iam:AttachRolePolicy", "arn:${partition}:iam::${account}:role/rootguard-probe"},
    RootProbe{"iam:UpdateAssumeRolePolicy", "arn:${partition}:iam::${account}:role/rootguard-probe"},
    RootProbe{"sts:AssumeRole", "arn:${partition}:iam::${account}:role/rootguard-probe"},
    RootProbe{"organizations:LeaveOrganization", "*"},
    RootProbe{"account:PutAlternateContact", "arn:${partition}:account::${account}:account"},
    RootProbe{"cloudtrail:StopLogging",
              "arn:${partition}:cloudtrail:us-east-1:${account}:trail/rootguard-probe"},
    RootProbe{"cloudtrail:DeleteTrail",
              "arn:${partition}:cloudtrail:us-east-1:${account}:trail/rootguard-probe"},
    RootProbe{"guardduty:DeleteDetector", "arn:${partition}:guardduty:us-east-1:${account}:detector/probe"},
    RootProbe{"config:StopConfigurationRecorder", "*"},
    RootProbe{"s3:PutBucketPolicy", "arn:${partition}:s3:::rootguard-probe-bucket"},
    RootProbe{"s3:DeleteBucket", "arn:${partition}:s3:::rootguard-probe-bucket"},
    RootProbe{"s3:GetObject", "arn:${partition}:s3:::rootguard-probe-bucket/key"},
    RootProbe{"kms:ScheduleKeyDeletion", "arn:${partition}:kms:us-east-1:${account}:key/rootguard-probe"},
    RootProbe{"ec2:RunInstances", "arn:${partition}:ec2:us-east-1:${account}:instance/*"},
    RootProbe{"lambda:InvokeFunction",
              "arn:${partition}:lambda:us-east-1:${account}:function:rootguard-probe"},
};

constexpr std::array kTaskProbes{
    RootProbe{"iam:GetLoginProfile", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:ListAccessKeys", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:DeleteAccessKey", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:DeleteLoginProfile", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:CreateLoginProfile", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:DeactivateMFADevice", "arn:${partition}:iam::${account}:root"},
    RootProbe{"iam:DeleteSigningCertificate", "arn:${partition}:iam::${account}:root"},
    RootProbe{"s3:DeleteBucketPolicy", "arn:${partition}:s3:::rootguard-probe-bucket"},
    RootProbe{"sqs:SetQueueAttributes", "arn:${partition}:sqs:us-east-1:${account}:rootguard-probe"},
};

} // namespace

std::span<const RootProbe> root_probes() {
  return kProbes;
}

std::span<const RootProbe> assume_root_task_probes() {
  return kTaskProbes;
}

RequestContext probe_context(const RootProbe& probe, std::string_view partition, std::string_view account,
                             bool assumed_root) {
  const std::vector<std::pair<std::string, std::string>> values{{"partition", std::string(partition)},
                                                                {"account", std::string(account)}};
  auto resource = substitute(probe.resource, values);
  return assumed_root
             ? assumed_root_context(partition, account, std::string(probe.action), std::move(resource))
             : root_user_context(partition, account, std::string(probe.action), std::move(resource));
}

} // namespace rg::policy
