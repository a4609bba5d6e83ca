#pragma once
// Snapshot readers for service control policies, one per AWS CLI response under organization/
// (ListPolicies-SERVICE_CONTROL_POLICY.json, DescribePolicy/<policy-id>.json,
// ListTargetsForPolicy/<policy-id>.json). They live with the
// other readers because reading organization files is the snapshot's job; the policy text they return
// is parsed and judged by src/policy/. Problems name the file and the JSON path.
#include "model/organization.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "util/problem.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rg::snapshot {

// The three layout rows of one policy type: its ListPolicies answer and the two per-policy folders.
struct PolicyFiles {
  File list{};
  File describe{};
  File targets{};
};
inline constexpr PolicyFiles kServiceControlPolicyFiles{File::kListPolicies, File::kDescribePolicy,
                                                        File::kListTargetsForPolicy};
inline constexpr PolicyFiles kResourceControlPolicyFiles{File::kListResourceControlPolicies,
                                                         File::kDescribeResourceControlPolicy,
                                                         File::kListTargetsForResourceControlPolicy};

// One policy type's files below `directory` (the organization folder): the list, then each listed
// policy's content and targets. The same AWS CLI answers for every type, so one reader serves SCPs and RCPs.
Result<std::vector<model::OrganizationPolicy>>
read_organization_policies(const std::filesystem::path& directory, const std::string& display,
                           const PolicyFiles& files, std::vector<Problem>& problems);

// `display` is how the organization folder appears in messages ("organization").
// Absent list file -> kAbsent (SCPs not collected). A missing or broken per-policy file is appended
// to `problems` and leaves that policy's content or targets as nullopt.
Result<std::vector<model::OrganizationPolicy>>
read_service_control_policies(const std::filesystem::path& directory, const std::string& display,
                              std::vector<Problem>& problems);

// The single-file readers, exposed for tests and for a loader that wants them one by one.
Result<std::vector<model::OrganizationPolicy>> read_list_policies(const std::filesystem::path& file,
                                                                  const std::string& display);
Result<std::string> read_describe_policy(const std::filesystem::path& file, const std::string& display);
Result<std::vector<model::PolicyTarget>> read_list_targets_for_policy(const std::filesystem::path& file,
                                                                      const std::string& display);

// Reads every SCP into `organization` (sets scps_collected when the list file exists). Only problems
// other than absence are appended: an absent per-policy file shows up as that policy's unknown content.
void load_service_control_policies(const std::filesystem::path& directory, const std::string& display,
                                   model::Organization& organization, std::vector<Problem>& problems);

// The resource control policies (ListPolicies --filter RESOURCE_CONTROL_POLICY and each RCP's files) into
// `organization` the same way (rcps_collected, resource_control_policies):
// read_resource_control_policies.cpp.
Result<std::vector<model::OrganizationPolicy>>
read_resource_control_policies(const std::filesystem::path& directory, const std::string& display,
                               std::vector<Problem>& problems);
void load_resource_control_policies(const std::filesystem::path& directory, const std::string& display,
                                    model::Organization& organization, std::vector<Problem>& problems);

} // namespace rg::snapshot
