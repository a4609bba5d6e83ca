// The organization's resource control policies: ListPolicies --filter RESOURCE_CONTROL_POLICY, then each
// RCP's DescribePolicy and ListTargetsForPolicy, as the AWS CLI prints them (the same answers as for
// SCPs, read by the same readers; only the layout rows differ). Their text is judged by src/policy/.
#include "snapshot/scp_readers.hpp"

namespace rg::snapshot {

Result<std::vector<model::OrganizationPolicy>>
read_resource_control_policies(const std::filesystem::path& directory, const std::string& display,
                               std::vector<Problem>& problems) {
  return read_organization_policies(directory, display, kResourceControlPolicyFiles, problems);
}

void load_resource_control_policies(const std::filesystem::path& directory, const std::string& display,
                                    model::Organization& organization, std::vector<Problem>& problems) {
  std::vector<Problem> per_policy;
  auto policies = read_resource_control_policies(directory, display, per_policy);
  if (!policies) {
    // Absent: not collected (snapshots from before RCPs were read). The verdicts that could depend on
    // RCPs say UNKNOWN with that reason; nothing else changes, since RCPs only ever take permissions away.
    if (policies.error().kind != ProblemKind::kAbsent) {
      problems.push_back(policies.error());
    }
    return;
  }
  organization.rcps_collected = true;
  organization.resource_control_policies = std::move(*policies);
  for (auto& problem : per_policy) {
    if (problem.kind != ProblemKind::kAbsent) {
      problems.push_back(std::move(problem));
    }
  }
}

} // namespace rg::snapshot
