#pragma once
// A rule's remediation made concrete for one finding: placeholders filled, language chosen.
#include "findings/finding.hpp"

#include <string>

namespace rg::remediate {

struct RenderedRemediation {
  std::string console;
  std::string cli;
  std::string terraform;
  std::string limits;
};

// Fills ${ACCOUNT_ID}, ${PARTITION}, ${REGION} and ${RESOURCE_ARN} in the CLI and Terraform text. Empty
// for a NOT_APPLICABLE finding: a remedy that cannot be carried out there is never given (decision 0028).
RenderedRemediation render_remediation(const Finding& finding, const std::string& partition, Lang lang);

} // namespace rg::remediate
