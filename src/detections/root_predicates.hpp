#pragma once
// Who did it: the distinctions every root detection rests on.
#include "trail/event_view.hpp"

#include <string_view>

namespace rg::detections {

constexpr std::string_view kConsoleSignIn = "signin.amazonaws.com";

inline bool is_root(const trail::EventView& event) {
  return event.user.type == "Root";
}

// The CIS / CloudWatch.1 metric filter, term for term:
// { $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }
inline bool matches_cis_root_filter(const trail::EventView& event) {
  return is_root(event) && !event.user.has_invoked_by && event.event_type != "AwsServiceEvent";
}

// Root acting through the console: CloudTrail stamps invokedBy = signin.amazonaws.com, which the CIS
// filter's NOT EXISTS term throws away.
inline bool is_root_console_action(const trail::EventView& event) {
  return is_root(event) && event.user.has_invoked_by && event.user.invoked_by == kConsoleSignIn &&
         event.event_type != "AwsServiceEvent";
}

// A person (or a script) holding root credentials did this: the CIS events plus the console ones, and
// never what an AWS service did on root's behalf (another invokedBy, or an AwsServiceEvent).
inline bool is_root_originated(const trail::EventView& event) {
  return matches_cis_root_filter(event) || is_root_console_action(event);
}

inline bool succeeded(const trail::EventView& event) {
  return event.error_code.empty();
}

// An sts:AssumeRoot session (centralized root access): sessionContext.assumedRoot, or inScopeOf.
inline bool in_assumed_root_session(const trail::EventView& event) {
  return event.user.assumed_root || event.user.in_scope_issuer_type == "AWS::STS::AssumeRoot";
}

} // namespace rg::detections
