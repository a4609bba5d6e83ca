#pragma once
// Snapshot readers for service control policies, one per AWS CLI response under organization/
// (ListPolicies-SERVICE_CONTROL_POLICY.json, DescribePolicy/<policy-id>.json,
// ListTargetsForPolicy/<policy-id>.json). They live with the
// other readers because reading organization files is the snapshot's job; the policy text they return
// is parsed and judged by src/policy/. Problems name the file and the JSON path.
#include "model/organization.hpp"
#include "util/problem.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rg::snapshot {

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

} // namespace rg::snapshot
