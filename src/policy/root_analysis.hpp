#pragma once
// What one policy means for the root user of a member account: every action denied, some, or none,
// decided by evaluating the probes in root's request context.
#include "i18n/text.hpp"
#include "policy/document.hpp"
#include "policy/policy_type.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

enum class RootScope { kAll, kSome, kNone };
std::string_view to_string(RootScope scope); // "all", "some", "none"

struct RootDenial {
  RootScope scope = RootScope::kNone;
  std::vector<std::string> denied_actions; // probe actions denied; "*" stands for every unlisted action
  std::vector<std::string> open_actions;   // probe actions root can still call
  std::vector<std::string> statements;     // labels (Sid or path) of the statements that deny
  // Deny statements that hit root only under conditions rootguard cannot know (region, source IP, MFA,
  // time...): reported, but not counted as denying root.
  std::vector<std::string> conditional_statements;
  bool blocks_assumed_root = false; // the deny also hits the actions of sts:AssumeRoot task sessions
  // An SCP whose Allows do not cover every request: attached in place of FullAWSAccess it implicitly
  // denies the rest, leaving root (and everyone) only these (Allows with conditions count as allowing).
  bool allow_list = false;
  std::vector<std::string> allow_list_open;
  LocalizedString note; // why this scope, in one sentence
};

struct RootAnalysisOptions {
  std::string partition = "aws";
  std::string account = "210987654321"; // a member account no example policy names
  // The member's organization, when known (policy check --org-id, --org-path): a condition on
  // aws:PrincipalOrgID or aws:PrincipalOrgPaths is then decided instead of counted as conditional.
  std::string org_id;   // o-...
  std::string org_path; // o-.../r-.../ou-.../ (the account itself not included)
};

// A readable list of probe actions: "*" becomes "any action no policy names", long lists are cut.
LocalizedString describe_actions(const std::vector<std::string>& actions);

// `valid` = the document has no errors for its type; an invalid policy cannot be saved, so it denies nothing.
RootDenial analyze_root_denial(const Document& document, PolicyType type, bool valid,
                               const RootAnalysisOptions& options = {});

} // namespace rg::policy
