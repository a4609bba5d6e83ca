#pragma once
// --verify-digests failures as findings, so every finding format (SARIF, ASFF, OCSF, CSV, HTML) carries
// them: one per failed digest, log file and chain break; high when root was active nearby.
#include "findings/finding.hpp"
#include "trail/digest/integrity_result.hpp"

#include <vector>

namespace rg::pipeline {

void add_integrity_findings(const trail::digest::IntegrityResult& integrity, std::vector<Finding>& findings);

} // namespace rg::pipeline
