#include "model/aws_ids.hpp"
#include "policy/json_source.hpp"
#include "snapshot/scp_readers.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "util/files.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rg::snapshot {
namespace {

using nlohmann::json;
using policy::json_index_path;
using policy::json_member_path;
using policy::parse_policy_json;
using policy::ProblemList;

// A policy is at most 5,120 characters (10,000 for some types); the lists hold a few thousand entries
// at most: 8 MiB is ample for every Organizations policy file.
constexpr size_t kPolicyFileLimit = size_t{8} << 20;

Result<json> load(const std::filesystem::path& file, const std::string& display) {
  auto text = read_file(file, kPolicyFileLimit);
  if (!text) {
    auto problem = text.error();
    problem.file = display;
    return problem;
  }
  ProblemList problems;
  auto value = parse_policy_json(*text, problems);
  if (!value) {
    const auto& first = problems.items().front();
    const std::string where =
        first.line > 0 ? fmt::format("line {}, column {}", first.line, first.column) : "";
    return Problem{ProblemKind::kUnreadable, display, where, first.message.en};
  }
  return std::move(*value);
}

Problem invalid(const std::string& display, const std::string& where, const std::string& message) {
  return Problem{ProblemKind::kInvalid, display, where, message};
}

Result<const json*> member(const json& object, const std::string& display, const std::string& path,
                           const char* key, json::value_t type) {
  if (!object.is_object()) {
    return invalid(display, path, "expected an object");
  }
  const auto it = object.find(key);
  if (it == object.end()) {
    return invalid(display, json_member_path(path, key), "missing");
  }
  if (it->type() != type) {
    return invalid(display, json_member_path(path, key),
                   fmt::format("expected {}, found {}", json(type).type_name(), it->type_name()));
  }
  return &*it;
}

std::string optional_text(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

Result<std::vector<model::OrganizationPolicy>> read_list_policies(const std::filesystem::path& file,
                                                                  const std::string& display) {
  auto doc = load(file, display);
  if (!doc) {
    return doc.error();
  }
  auto list = member(*doc, display, "$", "Policies", json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::OrganizationPolicy> policies;
  for (size_t i = 0; i < (*list)->size(); ++i) {
    const auto& item = (**list)[i];
    const auto path = json_index_path("$.Policies", i);
    auto id = member(item, display, path, "Id", json::value_t::string);
    if (!id) {
      return id.error();
    }
    model::OrganizationPolicy policy;
    policy.id = (*id)->get<std::string>();
    policy.name = optional_text(item, "Name");
    policy.arn = optional_text(item, "Arn");
    const auto managed = item.find("AwsManaged");
    policy.aws_managed = managed != item.end() && managed->is_boolean() && managed->get<bool>();
    policies.push_back(std::move(policy));
  }
  return policies;
}

Result<std::string> read_describe_policy(const std::filesystem::path& file, const std::string& display) {
  auto doc = load(file, display);
  if (!doc) {
    return doc.error();
  }
  auto policy = member(*doc, display, "$", "Policy", json::value_t::object);
  if (!policy) {
    return policy.error();
  }
  auto content = member(**policy, display, "$.Policy", "Content", json::value_t::string);
  if (!content) {
    return content.error();
  }
  return (*content)->get<std::string>();
}

Result<std::vector<model::PolicyTarget>> read_list_targets_for_policy(const std::filesystem::path& file,
                                                                      const std::string& display) {
  auto doc = load(file, display);
  if (!doc) {
    return doc.error();
  }
  auto list = member(*doc, display, "$", "Targets", json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::PolicyTarget> targets;
  for (size_t i = 0; i < (*list)->size(); ++i) {
    const auto& item = (**list)[i];
    const auto path = json_index_path("$.Targets", i);
    auto id = member(item, display, path, "TargetId", json::value_t::string);
    if (!id) {
      return id.error();
    }
    targets.push_back({(*id)->get<std::string>(), optional_text(item, "Type"), optional_text(item, "Name")});
  }
  return targets;
}

Result<std::vector<model::OrganizationPolicy>>
read_organization_policies(const std::filesystem::path& directory, const std::string& display,
                           const PolicyFiles& files, std::vector<Problem>& problems) {
  const auto name = [&](const std::string& relative) {
    return display.empty() ? relative : display + "/" + relative;
  };
  const std::string list_file = path_below_scope(files.list);
  auto policies = read_list_policies(directory / list_file, name(list_file));
  if (!policies) {
    return policies.error();
  }
  for (auto& policy : *policies) {
    // Ids come from the snapshot: refuse anything that could walk out of the folder.
    if (!model::is_policy_id(policy.id)) {
      problems.push_back(
          invalid(name(list_file), "$.Policies",
                  fmt::format("not a policy id (p-...): \"{}\"; its files are not read", policy.id)));
      continue;
    }
    const auto describe = path_below_scope(files.describe, policy.id);
    policy.content_file = name(describe);
    if (auto content = read_describe_policy(directory / describe, name(describe))) {
      policy.content = std::move(*content);
    } else {
      problems.push_back(content.error());
    }
    const auto targets_file = path_below_scope(files.targets, policy.id);
    if (auto targets = read_list_targets_for_policy(directory / targets_file, name(targets_file))) {
      policy.targets = std::move(*targets);
    } else {
      problems.push_back(targets.error());
    }
  }
  return policies;
}

Result<std::vector<model::OrganizationPolicy>>
read_service_control_policies(const std::filesystem::path& directory, const std::string& display,
                              std::vector<Problem>& problems) {
  return read_organization_policies(directory, display, kServiceControlPolicyFiles, problems);
}

void load_service_control_policies(const std::filesystem::path& directory, const std::string& display,
                                   model::Organization& organization, std::vector<Problem>& problems) {
  std::vector<Problem> per_policy;
  auto policies = read_service_control_policies(directory, display, per_policy);
  if (!policies) {
    if (policies.error().kind != ProblemKind::kAbsent) {
      problems.push_back(policies.error());
    }
    return;
  }
  organization.scps_collected = true;
  organization.service_control_policies = std::move(*policies);
  // Absence is "not collected", not an error: the verdicts say UNKNOWN with the reason instead.
  for (auto& problem : per_policy) {
    if (problem.kind != ProblemKind::kAbsent) {
      problems.push_back(std::move(problem));
    }
  }
}

} // namespace rg::snapshot
