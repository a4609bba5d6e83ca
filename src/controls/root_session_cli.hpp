#pragma once
// The AWS CLI text for work a member's root user must do, as the catalog shows it: inside a subshell
// that exports the sts assume-root credentials (never printed) and checks the session is that member's
// root before anything runs. Without the export the next call runs as the operator, and
// `aws iam delete-login-profile` with no user name deletes the operator's own console password.
// `rootguard fix` generates the same shape (src/remediate/fix_script.cpp).
#include "policy/remediation.hpp"

#include <string_view>

namespace rg::controls {

inline constexpr std::string_view kRootSessionOpen =
    "# Member accounts, from the management account (centralized root access enabled). In a subshell,\n"
    "# so the root session ends with it:\n"
    "(\n"
    "  creds=$(aws sts assume-root --target-principal ${ACCOUNT_ID} \\\n"
    "    --task-policy-arn arn=arn:${PARTITION}:iam::aws:policy/root-task/IAMDeleteRootUserCredentials \\\n"
    "    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)\n"
    "  read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<<\"$creds\"\n"
    "  export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN\n"
    "  unset AWS_PROFILE\n"
    "  caller=$(aws sts get-caller-identity --query Arn --output text)\n"
    "  [ \"$caller\" = arn:${PARTITION}:iam::${ACCOUNT_ID}:root ] || exit 1\n";
inline constexpr std::string_view kRootSessionClose = ")";

// kRootSessionOpen + body + kRootSessionClose, at compile time (the catalog is constinit).
template <const std::string_view& Body>
inline constexpr std::string_view kRootSessionCli =
    policy::JoinedText<kRootSessionOpen, Body, kRootSessionClose>::kValue;

} // namespace rg::controls
