#pragma once
// Which combinations of IAM patterns some real string satisfies: the exact basis of set reasoning over
// Action/NotAction and Resource/NotResource (docs/decisions/0012-policy-sets.md). Each pattern is a
// small automaton over its own positions; a breadth-first walk over the product of all of them,
// restricted to well-formed action names or ARNs, visits every reachable combination and keeps the
// shortest string that reaches it. Sampling actions (the old probes) cannot see an exemption nobody
// thought to probe; this walk cannot miss one.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

enum class PatternKind {
  kAction, // "service:Name", compared case-insensitively as IAM compares actions
  kArn,    // "arn:<partition>:<service>:<region>:<account>:<resource>", or the bare "*"
};

struct PatternSignature {
  std::vector<bool> matches; // one per pattern, in the order given
  std::string witness;       // a shortest string with exactly these matches
};

struct PatternSpace {
  std::vector<PatternSignature> signatures; // every realisable combination, shortest witness first
  bool complete = true; // false when the walk hit its state cap: some combinations may be missing
};

// kArn matches as arn_matches() does: `*` and `?` stay inside one of the first five colon-separated
// parts, the resource part keeps its colons, and a pattern with fewer than six parts matches nothing
// except "*" alone. The ARN universe is the partition's ARNs plus "*", which is what IAM puts in the
// request for actions without resource-level permissions.
PatternSpace enumerate_pattern_space(PatternKind kind, const std::vector<std::string>& patterns,
                                     std::string_view partition, size_t state_cap = 200000);

// The signature of one concrete string: used to place a real request in the space.
std::vector<bool> signature_of(PatternKind kind, const std::vector<std::string>& patterns,
                               std::string_view text);

} // namespace rg::policy
