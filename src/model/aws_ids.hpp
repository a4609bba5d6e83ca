#pragma once
// The grammars of the AWS identifiers rootguard builds file paths (and generated commands) from. A
// snapshot copied from elsewhere may carry "../../.aws/credentials" as an OU id; only what matches its
// documented pattern (AWS Organizations API Reference, the Id parameters of each type) is ever used.
#include <string_view>

namespace rg::model {

bool is_account_id(std::string_view text);      // ^\d{12}$
bool is_root_id(std::string_view text);         // ^r-[0-9a-z]{4,32}$
bool is_ou_id(std::string_view text);           // ^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$
bool is_policy_id(std::string_view text);       // ^p-[0-9a-zA-Z_]{8,128}$ (AWS managed ones included)
bool is_organization_id(std::string_view text); // ^o-[a-z0-9]{10,32}$
// aws:PrincipalOrgPaths of an account: o-id/r-id/ then its OUs, each with a '/':
// o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/
bool is_organization_path(std::string_view text);
// A region name as AWS spells them (us-east-1, us-gov-west-1, eu-isoe-west-1): ^[a-z]{2}(-[a-z]+)+-\d{1,2}$.
// Region folder names reach file paths, finding resources and generated remediation commands.
bool is_region_name(std::string_view text);
// One of the AWS partitions: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc.
bool is_partition_name(std::string_view text);
// The partition of an ARN ("arn:<partition>:..."), or "" when `arn` is not an ARN with a valid partition.
std::string_view arn_partition(std::string_view arn);
// The region IAM's global endpoint signs for in a partition (botocore's endpoints.json, the credential
// scope of the partition endpoint): where global (IAM) findings' remediation commands run. us-east-1 for
// "aws" and for a partition without a global IAM endpoint.
std::string_view global_service_region(std::string_view partition);

} // namespace rg::model
