#pragma once
// A Finding is one rule's verdict on one resource: what every output format renders.
#include "findings/rule.hpp"
#include "findings/severity.hpp"
#include "i18n/text.hpp"

#include <memory>
#include <string>
#include <vector>

namespace rg {

// A value the rule looked at, quoted in outputs as proof ("AccountMFAEnabled" = "0").
struct Evidence {
  std::string name;
  std::string value;
};

// The mutelist entry that muted a finding: an accepted exception, with its reason and end date. Shared by
// every finding the entry mutes (a trail run can mute a million events with one entry).
struct Mute {
  std::string entry;   // where the entry is written: "mutelist.yaml:12"
  std::string reason;  // why the exception is accepted (required)
  std::string expires; // YYYY-MM-DD, the last day it mutes (required)
  std::string owner;   // optional
  std::string ticket;  // optional
};

struct Finding {
  const RuleMetadata* rule = nullptr; // points into a constinit catalog; never null in a finished finding
  std::string account_id;
  std::string region;   // "global" for IAM
  std::string resource; // ARN
  Status status = Status::kUnknown;
  LocalizedString reason; // why this status, with the values seen
  std::vector<Evidence> evidence;
  // Tells apart several findings of one rule on one resource (a CloudTrail event id); part of the id.
  std::string discriminator;
  // Set when a mutelist entry muted this finding. The status stays what the rule said: a muted FAIL is
  // still a FAIL, shown as suppressed, and no longer counted for exit code 3.
  std::shared_ptr<const Mute> muted_by;

  bool muted() const { return muted_by != nullptr; }

  // Stable across runs: hash of rule id, account, region and resource (not of status or text).
  std::string finding_id() const;
};

// Deterministic order for outputs and golden files: account, then rule id, then resource.
void sort_findings(std::vector<Finding>& findings);

} // namespace rg
