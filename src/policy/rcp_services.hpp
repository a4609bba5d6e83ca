#pragma once
// Which AWS services resource control policies apply to (AWS Organizations User Guide, "Resource control
// policies (RCPs)", "List of AWS services that support RCPs"; docs/decisions/0027-rcps.md): an RCP
// statement about any other service has no effect, whatever it says. The list grows as AWS adds services:
// update it with the page.
#include "policy/document.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

// Action prefixes: s3, sts, kms, sqs, secretsmanager, cognito-idp, logs, dynamodb, ecr, aoss.
std::span<const std::string_view> rcp_action_services();
// "s3, sts, kms, ...": for messages.
std::string rcp_services_text();

// Whether an Action value can name an action of a service that supports RCPs: "*", "s3:Get*", "s*:*"
// yes; "iam:*", "ec2:RunInstances" no. Case-insensitive, as IAM compares action names.
bool action_reaches_rcp_service(std::string_view action);
// Whether a Resource/NotResource value can name a resource of such a service: "*", "arn:aws:s3:::b",
// "arn:aws:iam::*:role/x" (the roles sts:AssumeRole acts on) yes; "arn:aws:ec2:...", "arn:aws:iam::*:user/x"
// no.
bool resource_reaches_rcp_service(std::string_view resource);

// An RCP as AWS applies it: each Deny statement's Action narrowed to the services that support RCPs
// ("*" becomes "s3:*", "sts:*", ...; "iam:*" is dropped), and a Deny left with no action removed.
// `ignored` gets "Sid: iam:*" for each dropped value. Allow statements (RCPFullAWSAccess) stay as they are.
Document rcp_effective_document(const Document& document, std::vector<std::string>& ignored);

} // namespace rg::policy
