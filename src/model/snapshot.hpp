#pragma once
// A whole snapshot folder in memory: the clock it was taken at, its accounts and its organization.
#include "model/account.hpp"
#include "model/organization.hpp"
#include "util/problem.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rg::model {

struct Snapshot {
  std::string path;
  std::optional<TimePoint> collected_at; // absent when snapshot.json is missing or unreadable
  std::string partition = "aws";
  std::vector<Account> accounts; // sorted by id
  Result<Organization> organization = Problem{ProblemKind::kAbsent, "organization/", "", "not collected"};
  std::vector<Problem> problems; // every file or value that could not be read

  const Account* find_account(const std::string& account_id) const;
};

} // namespace rg::model
