#pragma once
// The options of a collection from AWS, shared by `collect` and `scan --live`, and the run itself:
// one account (the caller's) or, with --org, the organization through a role in each member account.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace rg::cli {

struct CollectArguments {
  std::string profile;
  std::string region; // the region of the calls (and of regional STS)
  std::vector<std::string> regions;
  bool org = false;
  std::string role_name;
  std::vector<std::string> external_id; // 0 or 1 value: CLI11 tells "given" from "given empty" this way
  std::vector<std::string> accounts;
  std::vector<std::string> exclude_accounts;
  int concurrency = 8;
  // --lookup-events [DAYS]: 0 or 1 value (given without one: CloudTrail's 90 days).
  std::vector<int> lookup_events;
  const CLI::Option* lookup_events_option = nullptr;
  int lookup_events_days() const;
  // What the user gave, as CLI11 counts it (a default value is not "given"): --org's own options, and
  // every collection option (scan without --live refuses them).
  std::vector<const CLI::Option*> org_options;
  std::vector<const CLI::Option*> all_options;

  bool any_given() const;

  // `region_flag`: "--region" for collect; scan --live already has --region (the report's Security Hub
  // region), so there the calls' region is --aws-region.
  void add_to(CLI::App& command, const std::string& region_flag);

  // Usage errors (FatalError kUsage) before anything is called: --org without --role-name, an account
  // id that is not twelve digits, org-only options without --org.
  void validate() const;
};

// Collects into `output` and prints the summary on stderr (progress too, when stderr is a terminal).
// Returns false when the collection is incomplete: an account of the organization could not be
// collected. A failed call inside an account is logged in collection.json and leaves only its file
// absent (UNKNOWN in the scan), as for one account.
bool collect_snapshot(const CollectArguments& args, const std::filesystem::path& output);

} // namespace rg::cli
