#include "model/aws_ids.hpp"
#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>
#include <set>

namespace rg::snapshot {
namespace {

// Reads `<list_key>` from a per-parent file; an absent file means "this parent has no children collected".
Result<std::vector<const nlohmann::json*>> read_children(const Location& organization, File file,
                                                         const std::string& parent_id, const char* list_key,
                                                         JsonDocument& holder) {
  const std::string name = path_below_scope(file, parent_id);
  auto doc = load_json(organization.path(name), organization.name(name));
  if (!doc) {
    return doc.error();
  }
  holder = std::move(*doc);
  auto list = require_member(holder, holder.root, "$", list_key, nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<const nlohmann::json*> items;
  for (const auto& item : **list) {
    items.push_back(&item);
  }
  return items;
}

// ListRoots' PolicyTypes says whether SCPs (and RCPs) are in force at all: with the type disabled, AWS
// detaches every policy of that type ("Disabling a policy type", AWS Organizations User Guide).
void read_scp_type_status(const JsonDocument& doc, const nlohmann::json& root, const std::string& path,
                          const std::string& root_id, model::Organization& organization,
                          std::vector<Problem>& problems) {
  if (!root.is_object() || !root.contains("PolicyTypes")) {
    return;
  }
  auto types = optional_array(doc, root, path, "PolicyTypes");
  if (!types) {
    problems.push_back(types.error());
    return;
  }
  std::string status;
  std::string rcp_status;
  size_t index = 0;
  for (const auto& type : **types) {
    const auto type_path = fmt::format("{}.PolicyTypes[{}]", path, index++);
    auto name = require_string(doc, type, type_path, "Type");
    auto state = require_string(doc, type, type_path, "Status");
    if (!name || !state) {
      problems.push_back(!name ? name.error() : state.error());
      continue;
    }
    if (*name == "SERVICE_CONTROL_POLICY") {
      status = *state;
    } else if (*name == "RESOURCE_CONTROL_POLICY") {
      rcp_status = *state;
    }
  }
  organization.scp_type_status[root_id] = status;
  organization.rcp_type_status[root_id] = rcp_status;
}

} // namespace

Result<model::Organization> read_organization(const Location& organization, std::vector<Problem>& problems) {
  const std::string describe_name = path_below_scope(File::kDescribeOrganization);
  auto describe = load_json(organization.path(describe_name), organization.name(describe_name));
  if (!describe) {
    return describe.error();
  }
  auto body = require_member(*describe, describe->root, "$", "Organization", nlohmann::json::value_t::object);
  if (!body) {
    return body.error();
  }
  model::Organization result;
  auto id = require_string(*describe, **body, "$.Organization", "Id");
  auto management = require_string(*describe, **body, "$.Organization", "MasterAccountId");
  if (!id) {
    return id.error();
  }
  if (!management) {
    return management.error();
  }
  result.id = *id;
  result.management_account_id = *management;
  auto feature_set = optional_string(*describe, **body, "$.Organization", "FeatureSet");
  if (!feature_set) {
    problems.push_back(feature_set.error());
  } else if (*feature_set) {
    result.feature_set = **feature_set;
  }

  const std::string roots_name = path_below_scope(File::kListRoots);
  auto roots = load_json(organization.path(roots_name), organization.name(roots_name));
  if (!roots) {
    problems.push_back(roots.error());
    return result; // the organization is known; its tree is not
  }
  auto root_list = require_member(*roots, roots->root, "$", "Roots", nlohmann::json::value_t::array);
  if (!root_list) {
    problems.push_back(root_list.error());
    return result;
  }
  size_t index = 0;
  for (const auto& root : **root_list) {
    auto root_id = require_string(*roots, root, fmt::format("$.Roots[{}]", index++), "Id");
    if (!root_id) {
      problems.push_back(root_id.error());
      continue;
    }
    if (!model::is_root_id(*root_id)) {
      // Ids name files below; one that is not an id could walk out of the snapshot.
      problems.push_back(Problem{ProblemKind::kInvalid, roots->file, fmt::format("$.Roots[{}].Id", index - 1),
                                 fmt::format("not an organization root id (r-...): \"{}\"", *root_id)});
      continue;
    }
    result.root_ids.push_back(*root_id);
    read_scp_type_status(*roots, root, fmt::format("$.Roots[{}]", index - 1), *root_id, result, problems);
  }

  // Breadth-first walk; `visited` stops a malformed snapshot whose parents form a cycle.
  std::vector<std::string> pending = result.root_ids;
  std::set<std::string> visited;
  while (!pending.empty()) {
    const std::string parent = pending.back();
    pending.pop_back();
    if (!visited.insert(parent).second) {
      continue;
    }
    JsonDocument units_doc;
    auto units = read_children(organization, File::kListOrganizationalUnitsForParent, parent,
                               "OrganizationalUnits", units_doc);
    if (units) {
      for (size_t i = 0; i < units->size(); ++i) {
        const std::string path = fmt::format("$.OrganizationalUnits[{}]", i);
        auto unit_id = require_string(units_doc, *(*units)[i], path, "Id");
        if (!unit_id) {
          problems.push_back(unit_id.error());
          continue;
        }
        if (!model::is_ou_id(*unit_id)) {
          problems.push_back(
              Problem{ProblemKind::kInvalid, units_doc.file, path + ".Id",
                      fmt::format("not an organizational unit id (ou-...): \"{}\"", *unit_id)});
          continue;
        }
        auto unit_name = optional_string(units_doc, *(*units)[i], path, "Name");
        result.units.push_back({*unit_id, unit_name ? unit_name->value_or("") : "", parent});
        pending.push_back(*unit_id);
      }
    } else if (units.error().kind != ProblemKind::kAbsent) {
      problems.push_back(units.error());
    }
    JsonDocument accounts_doc;
    auto accounts =
        read_children(organization, File::kListAccountsForParent, parent, "Accounts", accounts_doc);
    if (accounts) {
      for (size_t i = 0; i < accounts->size(); ++i) {
        const std::string path = fmt::format("$.Accounts[{}]", i);
        const auto& item = *(*accounts)[i];
        auto account_id = require_string(accounts_doc, item, path, "Id");
        if (!account_id) {
          problems.push_back(account_id.error());
          continue;
        }
        if (!model::is_account_id(*account_id)) {
          problems.push_back(Problem{ProblemKind::kInvalid, accounts_doc.file, path + ".Id",
                                     fmt::format("not a 12-digit account id: \"{}\"", *account_id)});
          continue;
        }
        auto name = optional_string(accounts_doc, item, path, "Name");
        // State (PENDING_ACTIVATION, ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED) replaced Status, which AWS
        // Organizations retired on 2026-09-09 (API_Account); older CLIs (Debian's awscli 2.9) print only
        // Status.
        auto status = optional_string(accounts_doc, item, path, "State");
        if (status && !status->has_value()) {
          status = optional_string(accounts_doc, item, path, "Status");
        }
        result.accounts.push_back(
            {*account_id, name ? name->value_or("") : "", status ? status->value_or("") : "", parent});
      }
    } else if (accounts.error().kind != ProblemKind::kAbsent) {
      problems.push_back(accounts.error());
    }
  }
  return result;
}

} // namespace rg::snapshot
