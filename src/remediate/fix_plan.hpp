#pragma once
// What `rootguard fix` hands the user, built from findings alone (pure): one step per failing finding,
// grouped by account and region, rendered as Terraform, an AWS CLI script and a console checklist.
#include "findings/finding.hpp"
#include "remediate/remediation.hpp"

#include <string>
#include <vector>

namespace rg::remediate {

struct FixStep {
  const RuleMetadata* rule = nullptr;
  std::string account_id;
  std::string region;   // a real region; global findings get the plan's home region
  std::string resource; // ARN
  RenderedRemediation remediation;
  // Nothing an API can do (no CLI command and no Terraform): only the console checklist applies.
  bool console_only() const;
};

struct FixPlan {
  std::string partition = "aws";
  std::vector<FixStep> steps; // account, region, control order; one step per (control, account, region)
};

// FAIL findings only; PASS and UNKNOWN need no change (UNKNOWN needs data first).
FixPlan build_fix_plan(const std::vector<Finding>& findings, const std::string& partition, Lang lang);

// Extension point: a control's Terraform comes from its RuleMetadata::remediation.terraform, so the
// SCP (issue 4) and monitoring resources (issue 5) appear here once their controls carry them.
std::string render_terraform(const FixPlan& plan);                                // main.tf
std::string render_target_module(const FixPlan& plan, const std::string& target); // targets/<target>/main.tf
std::vector<std::string> terraform_targets(const FixPlan& plan); // "<account>-<region>" with Terraform
std::string render_fix_script(const FixPlan& plan);              // fix.sh
std::string render_checklist(const FixPlan& plan, Lang lang);    // CHECKLIST.md

// 'text' with embedded single quotes closed and escaped: safe as one shell word.
std::string shell_quote(std::string_view text);

} // namespace rg::remediate
