#pragma once
// A control: its metadata once (findings/rule.hpp) plus one evaluate function. Adding a control is one
// .cpp file defining a constinit Control, one line in catalog.cpp, and its test cases.
#include "findings/finding.hpp"
#include "i18n/japanese_text.hpp" // ja_embed, ja_append_sentence: reasons assembled in Japanese
#include "i18n/messages.hpp"      // describe(problem, lang): the Japanese side of an UNKNOWN reason
#include "model/root_use_evidence.hpp"
#include "model/snapshot.hpp"
#include "util/time.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace rg::policy {
class ScpAnalyzer;
} // namespace rg::policy

namespace rg::controls {

struct ScanOptions {
  std::optional<TimePoint> as_of; // the clock for age rules: collected_at unless --as-of overrides it
  int root_usage_days = 90;       // --root-usage-days
  const model::TrailEvidence* trail = nullptr; // set when CloudTrail logs were scanned too
  // The organization's SCPs analysed once for the whole scan (run_scan sets it); without it a control
  // analyses them for the one account it is asked about.
  const policy::ScpAnalyzer* scps = nullptr;
};

struct EvaluationInput {
  const model::Snapshot& snapshot;
  const model::Account& account;
  const ScanOptions& options;
};

struct Control;
using EvaluateFn = std::vector<Finding> (*)(const Control& control, const EvaluationInput& input);

struct Control {
  RuleMetadata rule;
  EvaluateFn evaluate = nullptr;
};

// The one ordered list of controls (catalog.cpp).
std::span<const Control* const> all_controls();
const Control* find_control(std::string_view id);

// The partition of the account being evaluated: its own ARNs' when known, else the snapshot's.
const std::string& partition_of(const EvaluationInput& input);

// The account's root user ARN: arn:<partition>:iam::<account>:root, in the account's own partition.
std::string root_arn(const EvaluationInput& input);

// A finding about the account's root user (resource = root ARN, region "global").
Finding root_finding(const Control& control, const EvaluationInput& input, Status status,
                     LocalizedString reason, std::vector<Evidence> evidence = {});

// UNKNOWN because a source could not be used; the reason quotes the problem in both languages.
Finding unknown_finding(const Control& control, const EvaluationInput& input, const Problem& problem);
// UNKNOWN because none of several alternative sources could be used; quotes each.
Finding unknown_finding(const Control& control, const EvaluationInput& input,
                        const std::vector<Problem>& problems);

} // namespace rg::controls
