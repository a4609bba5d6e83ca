#pragma once
// organization/ of a snapshot: DescribeOrganization, the tree of roots, OUs and accounts, the service
// control policies with their text and targets. Also the list of the organization's accounts, which
// `collect --org` walks.
#include "aws/client.hpp"
#include "collect/snapshot_writer.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::collect {

struct OrganizationAccount {
  std::string id;     // checked with model::is_account_id; other ids are logged and left out
  std::string status; // ACTIVE, SUSPENDED, PENDING_CLOSURE (Status, or the newer State when Status is absent)
};

struct OrganizationListing {
  std::string management_account;
  std::vector<OrganizationAccount> accounts; // every account found under the roots, each once
};

// nullopt when the caller is in no organization, may not describe it, or (with `management_only`) is
// not its management account: a plain `collect` writes organization/ only from the management account;
// `collect --org` also from a delegated administrator, whose Organizations reads answer the same.
std::optional<OrganizationListing>
collect_organization(aws::AwsClient& client, SnapshotWriter& writer, const std::string& caller_account,
                     bool management_only, const std::function<void(std::string_view)>& progress);

} // namespace rg::collect
