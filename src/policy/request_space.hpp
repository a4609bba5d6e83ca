#pragma once
// Every request the root user of one account could make, split into classes that no policy tells
// apart, and what a set of policies decides for each class: explicitly denied (and by which
// statements), implicitly denied (a level of the SCP path allows none of it), or open. This replaces
// evaluating a sample of probe actions (docs/decisions/0012-policy-sets.md): NotAction and NotResource
// exemptions, and what an allow-list leaves, come out exactly.
#include "policy/condition_eval.hpp"
#include "policy/document.hpp"
#include "policy/pattern_space.hpp"
#include "policy/policy_type.hpp"
#include "policy/request_context.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rg::policy {

// One policy as seen at one level of the path (level 0 for a policy analysed on its own).
struct PolicyAtLevel {
  const Document* document = nullptr;
  PolicyType type = PolicyType::kScp;
  size_t level = 0;
  std::string label; // how a denying statement is named: "Name (p-id)", or empty for a lone policy
  // The request context this policy is judged in, when it is not the shared one: an RCP on the path sees
  // a request to the account's own resources (aws:ResourceAccount known), an SCP any resource.
  const RequestContext* context = nullptr;
};

struct RequestClass {
  size_t action = 0;   // index into RequestSpaceResult::actions.signatures
  size_t resource = 0; // index into RequestSpaceResult::resources.signatures
  bool open = false;
  bool explicit_deny = false;
  std::vector<std::string> denying; // "label Sid" of the unconditional Deny statements
  std::vector<std::pair<size_t, std::string>> denying_by_policy; // (index into the policies, Sid or path)
  std::vector<std::string> conditional;     // Deny statements that hit only under request-varying keys
  std::vector<size_t> levels_without_allow; // SCP levels where no Allow covers the class
};

struct RequestSpaceOptions {
  // SCP paths: a request is permitted only where every level has an Allow for it. Off for a policy
  // analysed alone (`policy check`), which cannot know what else is attached.
  bool require_allow_per_level = false;
  size_t levels = 1;
  // Levels where something attached could not be read or is invalid: assumed to allow everything,
  // so missing data never turns into an implicit deny.
  std::vector<bool> level_assumed_allow;
};

struct RequestSpaceResult {
  std::vector<std::string> action_patterns;   // lower-cased, distinct
  std::vector<std::string> action_display;    // as first written
  std::vector<std::string> resource_patterns; // after variable substitution, distinct
  PatternSpace actions;
  PatternSpace resources;
  std::vector<RequestClass> classes;
  bool complete = true; // false when a pattern walk hit its cap: "all" must then not be claimed

  bool any_open() const;
  bool any_denied() const;
  // The class of one concrete request (for cross-checks against the evaluator); nullptr if the walk was
  // incomplete and missed it.
  const RequestClass* classify(std::string_view action, std::string_view resource) const;
  // Readable names for the open (or denied) part: "iam:EnableMFADevice", "s3:* on
  // arn:aws:s3:::breakglass-*", and "*" for actions no policy names.
  std::vector<std::string> describe(bool open) const;
  // The same for the classes `selected` picks (an SCP path with RCPs: what the SCPs leave and RCPs close).
  std::vector<std::string> describe_where(const std::function<bool(const RequestClass&)>& selected) const;
};

// `context` is the root user's (open world): it decides each statement's Principal and Condition once;
// Resource variables are substituted from it.
RequestSpaceResult analyze_request_space(const std::vector<PolicyAtLevel>& policies,
                                         const RequestContext& context, std::string_view partition,
                                         const RequestSpaceOptions& options = {});

} // namespace rg::policy
