#pragma once
// Policies shared by the tests: the seed article's two, and the documented shapes that do and do not
// restrict the root user.
#include <string>

namespace rg::policy::fixtures {

// The seed article's SCP: a Principal element, which SCPs do not support.
inline const std::string kSeedScp = R"({
"Version": "2012-10-17",
"Statement": [
{
"Effect": "Deny",
"Principal": {
"AWS": "arn:aws:iam::123456789012:root"
},
"Action": "*",
"Resource": "*"
}
]
})";

// The seed article's "session policy": aws:PrincipalType = Root, attached to IAM users and groups.
inline const std::string kSeedIdentity = R"({
"Version": "2012-10-17",
"Statement": [
{
"Effect": "Deny",
"Action": "iam:CreateUser",
"Resource": "*",
"Condition": {
"StringEquals": {
"aws:PrincipalType": "Root"
}
}
},
{
"Effect": "Deny",
"Action": "iam:DeleteUser",
"Resource": "*",
"Condition": {
"StringEquals": {
"aws:PrincipalType": "Root"
}
}
}
]
})";

inline std::string root_deny(const std::string& op, const std::string& pattern,
                             const std::string& extra = "") {
  return R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyRoot","Effect":"Deny","Action":"*","Resource":"*",)"
         R"("Condition":{")" +
         op + R"(":{"aws:PrincipalArn":")" + pattern + R"("})" + extra + "}}]}";
}

// Control Tower GRRESTRICTROOTUSER shape with the AssumeRoot exemption.
inline const std::string kGoodScp = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "DenyRootUser",
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "Condition": {
      "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"},
      "Null": {"aws:AssumedRoot": "true"}
    }
  }]
})";

// GRRESTRICTROOTUSERACCESSKEYS: only access key creation.
inline const std::string kDenyRootAccessKeys = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "GRRESTRICTROOTUSERACCESSKEYS",
    "Effect": "Deny",
    "Action": "iam:CreateAccessKey",
    "Resource": "*",
    "Condition": {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::*:root"]}}
  }]
})";

inline const std::string kFullAwsAccess =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";

} // namespace rg::policy::fixtures
