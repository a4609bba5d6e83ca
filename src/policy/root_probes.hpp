#pragma once
// The actions rootguard asks "is root denied this?" about. Evaluating real requests, not searching
// text, is what tells a working root deny from one that only looks like it. A synthetic action that no
// policy names stands for "everything not listed": only wildcards can match it.
#include "policy/request_context.hpp"

#include <span>
#include <string>
#include <string_view>

namespace rg::policy {

struct RootProbe {
  std::string_view action;
  std::string_view resource; // ${partition} and ${account} are filled in
};

inline constexpr std::string_view kUnlistedActionProbe = "rootguardprobe:AnyOtherAction";

// The synthetic probe first, then the sensitive actions (credentials, logging, organization, data).
std::span<const RootProbe> root_probes();

// Actions the sts:AssumeRoot task policies exist for (audit and delete root credentials, recreate the
// password, unlock S3 bucket and SQS queue policies): a root deny should leave these sessions alone.
std::span<const RootProbe> assume_root_task_probes();

RequestContext probe_context(const RootProbe& probe, std::string_view partition, std::string_view account,
                             bool assumed_root);

} // namespace rg::policy
