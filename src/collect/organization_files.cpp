#include "collect/organization_files.hpp"

#include "collect/call_context.hpp"
#include "model/aws_ids.hpp"

#include <fmt/format.h>
#include <set>

namespace rg::collect {

namespace {

using nlohmann::json;
using snapshot::File;

void add_account(CallContext& c, OrganizationListing& listing, std::set<std::string>& listed,
                 const json& account) {
  const std::string id = account.value("Id", "");
  if (!model::is_account_id(id)) {
    // An id that is not twelve digits would name a folder and a role ARN: never used.
    c.writer.skipped("organizations", "ListAccountsForParent", c.account, "",
                     "an account id is not an account id");
    return;
  }
  if (!listed.insert(id).second) {
    return;
  }
  const std::string status = account.value("Status", "");
  listing.accounts.push_back({id, status.empty() ? account.value("State", "") : status});
}

// One policy type: its ListPolicies answer, then DescribePolicy and ListTargetsForPolicy of each listed id.
void collect_policies(CallContext& c, const char* filter, File list, File describe, File targets) {
  const json* policies = c.collect(list, {{"Filter", filter}});
  for (const auto& policy :
       policies == nullptr ? json::array() : policies->value("Policies", json::array())) {
    const std::string id = policy.value("Id", "");
    if (!c.path_of(describe, std::nullopt, id)) {
      continue; // logged as skipped: an id that cannot name a file is used in no call either
    }
    c.collect(describe, {{"PolicyId", id}}, std::nullopt, id);
    c.collect(targets, {{"PolicyId", id}}, std::nullopt, id);
  }
}

} // namespace

std::optional<OrganizationListing>
collect_organization(aws::AwsClient& client, SnapshotWriter& writer, const std::string& caller_account,
                     bool management_only, const std::function<void(std::string_view)>& progress) {
  CallContext c{client, writer, caller_account, progress, {}};
  const json* organization = c.ask("organizations", "DescribeOrganization", json::object());
  if (organization == nullptr) {
    return std::nullopt; // not in an organization, or not allowed: logged
  }
  const auto& details = organization->value("Organization", json::object());
  OrganizationListing listing;
  listing.management_account = details.value("MasterAccountId", "");
  if (management_only && listing.management_account != c.account) {
    return std::nullopt; // a member: the organization is collected from its management account
  }
  // Written only once the caller is known to be the management account (or `management_only` is off).
  c.writer.write_json(*c.path_of(File::kDescribeOrganization), *organization);
  c.say("organization");
  const json* roots = c.collect(File::kListRoots, json::object());
  std::vector<std::string> parents;
  for (const auto& root : roots == nullptr ? json::array() : roots->value("Roots", json::array())) {
    parents.push_back(root.value("Id", ""));
  }
  std::set<std::string> seen;
  std::set<std::string> listed;
  while (!parents.empty()) {
    const std::string parent = parents.back();
    parents.pop_back();
    if (!seen.insert(parent).second) {
      continue;
    }
    const json* units =
        c.collect(File::kListOrganizationalUnitsForParent, {{"ParentId", parent}}, std::nullopt, parent);
    for (const auto& unit :
         units == nullptr ? json::array() : units->value("OrganizationalUnits", json::array())) {
      parents.push_back(unit.value("Id", ""));
    }
    const json* accounts =
        c.collect(File::kListAccountsForParent, {{"ParentId", parent}}, std::nullopt, parent);
    for (const auto& account :
         accounts == nullptr ? json::array() : accounts->value("Accounts", json::array())) {
      add_account(c, listing, listed, account);
    }
  }
  collect_policies(c, "SERVICE_CONTROL_POLICY", File::kListPolicies, File::kDescribePolicy,
                   File::kListTargetsForPolicy);
  // RCPs: the same three calls (and permissions) with the other filter, into their own rows.
  collect_policies(c, "RESOURCE_CONTROL_POLICY", File::kListResourceControlPolicies,
                   File::kDescribeResourceControlPolicy, File::kListTargetsForResourceControlPolicy);
  return listing;
}

} // namespace rg::collect
