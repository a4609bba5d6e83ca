#pragma once
// Where a root-user control does not exist in an account's partition as AWS documents it, so the verdict
// is NOT_APPLICABLE with AWS's own reason instead of a FAIL whose remedy cannot be carried out there
// (decision 0028). Only what an AWS page says is listed here; each entry names the page.
#include "controls/control.hpp"

#include <optional>

namespace rg::controls {

// root-mfa: in aws-us-gov no MFA device can be enabled for the root user.
std::optional<LocalizedString> root_mfa_not_applicable(const EvaluationInput& input);
// root-hardware-mfa: aws-us-gov as above; aws-cn offers no hardware MFA at all (virtual only).
std::optional<LocalizedString> root_hardware_mfa_not_applicable(const EvaluationInput& input);

// The NOT_APPLICABLE finding for the account's root user, with the partition as evidence.
Finding not_applicable_finding(const Control& control, const EvaluationInput& input, LocalizedString reason);

} // namespace rg::controls
