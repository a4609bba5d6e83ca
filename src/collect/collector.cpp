#include "collect/collector.hpp"

#include "collect/snapshot_writer.hpp"
#include "model/aws_ids.hpp"
#include "util/fatal_error.hpp"
#include "util/time.hpp"

#include <deque>
#include <fmt/format.h>
#include <set>
#include <thread>

namespace rg::collect {

namespace {

using nlohmann::json;

struct Context {
  aws::AwsClient& client;
  SnapshotWriter& writer;
  const CollectOptions& options;
  std::string account;

  void say(std::string_view line) const {
    if (options.progress) {
      options.progress(line);
    }
  }

  // One call, all pages, written at `relative` (under accounts/<id>/ unless it starts with '/').
  const json* call(std::string_view service, std::string_view operation, const json& input,
                   const std::optional<std::string>& region, const std::optional<std::string>& relative) {
    const auto result = client.call_all_pages(service, operation, input, region);
    results.push_back(result);
    std::optional<std::string> path;
    if (relative) {
      path = relative->starts_with('/') ? relative->substr(1)
                                        : fmt::format("accounts/{}/{}", account, *relative);
    }
    return writer.record(results.back(), account, path);
  }

  std::deque<aws::CallResult> results; // keeps outputs alive (and in place) while the caller walks them
};

std::string region_of_client(const aws::AwsClient& client) {
  return client.options().region;
}

void collect_credential_report(Context& c) {
  const auto started = std::chrono::steady_clock::now();
  c.call("iam", "GenerateCredentialReport", json::object(), std::nullopt, std::nullopt);
  // The report takes seconds to build; GetCredentialReport answers ReportInProgress (or
  // ReportNotPresent right after generation) until then. Bounded: a report that never completes leaves
  // the file absent, logged, and the scan says UNKNOWN.
  for (;;) {
    auto result = c.client.call("iam", "GetCredentialReport");
    const bool pending = !result.ok() && (result.error->code == "ReportInProgress" ||
                                          result.error->code == "ReportNotPresent");
    if (!pending || std::chrono::steady_clock::now() - started > c.options.credential_report_wait) {
      c.writer.record(result, c.account, fmt::format("accounts/{}/iam/GetCredentialReport.json", c.account));
      return;
    }
    c.say("credential report in progress");
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
}

void collect_iam(Context& c) {
  collect_credential_report(c);
  c.call("iam", "GetAccountSummary", json::object(), std::nullopt, "iam/GetAccountSummary.json");
  c.call("iam", "ListVirtualMFADevices", json::object(), std::nullopt, "iam/ListVirtualMFADevices.json");
  // Answers only in a management account (or a delegated administrator); elsewhere an error, logged.
  c.call("iam", "ListOrganizationsFeatures", json::object(), std::nullopt,
         "iam/ListOrganizationsFeatures.json");
}

std::string last_component(const std::string& arn) {
  const size_t colon = arn.rfind(':');
  return colon == std::string::npos ? arn : arn.substr(colon + 1);
}

void collect_region(Context& c, const std::string& region) {
  c.say(fmt::format("region {}", region));
  const std::string base = fmt::format("regions/{}/", region);
  if (const json* trails = c.call("cloudtrail", "DescribeTrails", json::object(), region,
                                  base + "cloudtrail/DescribeTrails.json")) {
    for (const auto& trail : trails->value("trailList", json::array())) {
      const std::string name = trail.value("Name", "");
      // A trail is described in every region it covers; its status is asked in its home region only.
      if (trail.value("HomeRegion", region) != region) {
        continue;
      }
      if (!safe_component(name)) {
        c.writer.skipped("cloudtrail", "GetTrailStatus", c.account, region,
                         "trail name is not a safe file name");
        continue;
      }
      const std::string arn = trail.value("TrailARN", name);
      c.call("cloudtrail", "GetTrailStatus", {{"Name", arn}}, region,
             fmt::format("{}cloudtrail/GetTrailStatus/{}.json", base, name));
      c.call("cloudtrail", "GetEventSelectors", {{"TrailName", arn}}, region,
             fmt::format("{}cloudtrail/GetEventSelectors/{}.json", base, name));
    }
  }
  c.call("logs", "DescribeMetricFilters", json::object(), region, base + "logs/DescribeMetricFilters.json");
  c.call("cloudwatch", "DescribeAlarms", json::object(), region, base + "cloudwatch/DescribeAlarms.json");
  if (const json* topics = c.call("sns", "ListTopics", json::object(), region, std::nullopt)) {
    for (const auto& topic : topics->value("Topics", json::array())) {
      const std::string arn = topic.value("TopicArn", "");
      const std::string name = last_component(arn);
      if (!safe_component(name)) {
        c.writer.skipped("sns", "ListSubscriptionsByTopic", c.account, region,
                         "topic name is not a safe file name");
        continue;
      }
      c.call("sns", "ListSubscriptionsByTopic", {{"TopicArn", arn}}, region,
             fmt::format("{}sns/ListSubscriptionsByTopic/{}.json", base, name));
    }
  }
  if (const json* detectors = c.call("guardduty", "ListDetectors", json::object(), region,
                                     base + "guardduty/ListDetectors.json")) {
    json findings = json::array();
    bool findings_ok = true;
    for (const auto& id_json : detectors->value("DetectorIds", json::array())) {
      const std::string id = id_json.is_string() ? id_json.get<std::string>() : "";
      if (!safe_component(id)) {
        c.writer.skipped("guardduty", "GetDetector", c.account, region,
                         "detector id is not a safe file name");
        continue;
      }
      c.call("guardduty", "GetDetector", {{"DetectorId", id}}, region,
             fmt::format("{}guardduty/GetDetector/{}.json", base, id));
      const json criteria = {
          {"Criterion", {{"resource.accessKeyDetails.userType", {{"Eq", json::array({"Root"})}}}}}};
      const json* ids = c.call("guardduty", "ListFindings",
                               {{"DetectorId", id}, {"FindingCriteria", criteria}}, region, std::nullopt);
      if (ids == nullptr) {
        findings_ok = false;
        continue;
      }
      const auto& finding_ids = ids->value("FindingIds", json::array());
      // GetFindings takes at most 50 ids per call.
      for (size_t at = 0; at < finding_ids.size(); at += 50) {
        json batch = json::array();
        for (size_t i = at; i < std::min(finding_ids.size(), at + 50); ++i) {
          batch.push_back(finding_ids[i]);
        }
        const json* page = c.call("guardduty", "GetFindings", {{"DetectorId", id}, {"FindingIds", batch}},
                                  region, std::nullopt);
        if (page == nullptr) {
          findings_ok = false;
          continue;
        }
        for (const auto& finding : page->value("Findings", json::array())) {
          findings.push_back(finding);
        }
      }
    }
    if (findings_ok) {
      c.writer.write_json(fmt::format("accounts/{}/{}guardduty/GetFindings.json", c.account, base),
                          {{"Findings", findings}});
    }
  }
}

// Management account only: the tree of OUs and accounts, and the service control policies.
bool collect_organization(Context& c) {
  const json* organization =
      c.call("organizations", "DescribeOrganization", json::object(), std::nullopt, std::nullopt);
  if (organization == nullptr) {
    return false; // not in an organization, or not allowed: logged
  }
  const auto& details = organization->value("Organization", json::object());
  if (details.value("MasterAccountId", "") != c.account) {
    return false; // a member: the organization is collected from its management account
  }
  c.writer.write_json("organization/DescribeOrganization.json", *organization);
  c.say("organization");
  const json* roots =
      c.call("organizations", "ListRoots", json::object(), std::nullopt, "/organization/ListRoots.json");
  std::vector<std::string> parents;
  for (const auto& root : roots == nullptr ? json::array() : roots->value("Roots", json::array())) {
    parents.push_back(root.value("Id", ""));
  }
  std::set<std::string> seen;
  while (!parents.empty()) {
    const std::string parent = parents.back();
    parents.pop_back();
    if (!safe_component(parent) || !seen.insert(parent).second) {
      continue;
    }
    const json* units =
        c.call("organizations", "ListOrganizationalUnitsForParent", {{"ParentId", parent}}, std::nullopt,
               fmt::format("/organization/ListOrganizationalUnitsForParent/{}.json", parent));
    for (const auto& unit :
         units == nullptr ? json::array() : units->value("OrganizationalUnits", json::array())) {
      parents.push_back(unit.value("Id", ""));
    }
    c.call("organizations", "ListAccountsForParent", {{"ParentId", parent}}, std::nullopt,
           fmt::format("/organization/ListAccountsForParent/{}.json", parent));
  }
  const json* policies = c.call("organizations", "ListPolicies", {{"Filter", "SERVICE_CONTROL_POLICY"}},
                                std::nullopt, "/organization/ListPolicies-SERVICE_CONTROL_POLICY.json");
  for (const auto& policy :
       policies == nullptr ? json::array() : policies->value("Policies", json::array())) {
    const std::string id = policy.value("Id", "");
    if (!safe_component(id)) {
      c.writer.skipped("organizations", "DescribePolicy", c.account, "", "policy id is not a safe file name");
      continue;
    }
    c.call("organizations", "DescribePolicy", {{"PolicyId", id}}, std::nullopt,
           fmt::format("/organization/DescribePolicy/{}.json", id));
    c.call("organizations", "ListTargetsForPolicy", {{"PolicyId", id}}, std::nullopt,
           fmt::format("/organization/ListTargetsForPolicy/{}.json", id));
  }
  return true;
}

std::vector<std::string> enabled_regions(Context& c) {
  if (!c.options.regions.empty()) {
    return c.options.regions;
  }
  const json input = {{"RegionOptStatusContains", json::array({"ENABLED", "ENABLED_BY_DEFAULT"})}};
  if (const json* regions = c.call("account", "ListRegions", input, std::nullopt, std::nullopt)) {
    std::vector<std::string> out;
    for (const auto& region : regions->value("Regions", json::array())) {
      out.push_back(region.value("RegionName", ""));
    }
    if (!out.empty()) {
      return out;
    }
  }
  // account:ListRegions not allowed (or not answered): the configured region, as the CLI would use.
  return {region_of_client(c.client)};
}

} // namespace

CollectSummary collect_account(aws::AwsClient& client, const CollectOptions& options) {
  SnapshotWriter writer(options.output);
  const auto started = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  Context c{client, writer, options, "", {}};
  const auto identity = client.call("sts", "GetCallerIdentity");
  if (!identity.ok()) {
    writer.record(identity, "", std::nullopt);
    writer.finish({{"collected_at", format_iso8601(started)}});
    throw FatalError(ExitCode::kError,
                     fmt::format("cannot read the caller's identity (sts GetCallerIdentity): {}",
                                 identity.error->describe()));
  }
  CollectSummary summary;
  summary.account = identity.output->value("Account", "");
  if (!safe_component(summary.account)) {
    throw FatalError(ExitCode::kError, "sts GetCallerIdentity answered no usable account id");
  }
  c.account = summary.account;
  writer.record(identity, summary.account,
                fmt::format("accounts/{}/sts/GetCallerIdentity.json", summary.account));
  // The same reading of an ARN's partition the snapshot loader uses; anything not a partition is "aws".
  const std::string caller_arn = identity.output->value("Arn", ""); // arn_partition returns a view into it
  const auto partition = model::arn_partition(caller_arn);
  summary.partition = partition.empty() ? "aws" : std::string(partition);
  c.say(fmt::format("account {}", summary.account));
  collect_iam(c);
  summary.organization = collect_organization(c);
  summary.regions = enabled_regions(c);
  for (const auto& region : summary.regions) {
    if (!safe_component(region)) {
      writer.skipped("", "", summary.account, region, "region name is not a safe file name");
      continue;
    }
    collect_region(c, region);
  }
  writer.write_json("snapshot.json",
                    {{"collected_at", format_iso8601(started)}, {"partition", summary.partition}});
  const auto finished = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  writer.finish({{"collected_at", format_iso8601(started)},
                 {"finished_at", format_iso8601(finished)},
                 {"account", summary.account},
                 {"partition", summary.partition},
                 {"regions", summary.regions}});
  summary.calls = writer.calls();
  summary.errors = writer.errors();
  return summary;
}

} // namespace rg::collect
