#include "collect/account_files.hpp"

#include "collect/call_context.hpp"
#include "collect/lookup_events.hpp"
#include "model/aws_ids.hpp"

#include <fmt/format.h>
#include <thread>

namespace rg::collect {

namespace {

using nlohmann::json;

void collect_credential_report(CallContext& c, const AccountFilesOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  c.call("iam", "GenerateCredentialReport", json::object(), std::nullopt, std::nullopt);
  // The report takes seconds to build; GetCredentialReport answers ReportInProgress (or
  // ReportNotPresent right after generation) until then. Bounded: a report that never completes leaves
  // the file absent, logged, and the scan says UNKNOWN.
  for (;;) {
    auto result = c.client.call("iam", "GetCredentialReport");
    const bool pending = !result.ok() && (result.error->code == "ReportInProgress" ||
                                          result.error->code == "ReportNotPresent");
    if (!pending || std::chrono::steady_clock::now() - started > options.credential_report_wait) {
      c.writer.record(result, c.account, fmt::format("accounts/{}/iam/GetCredentialReport.json", c.account));
      return;
    }
    c.say("credential report in progress");
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
}

void collect_iam(CallContext& c, const AccountFilesOptions& options) {
  collect_credential_report(c, options);
  c.call("iam", "GetAccountSummary", json::object(), std::nullopt, "iam/GetAccountSummary.json");
  c.call("iam", "ListVirtualMFADevices", json::object(), std::nullopt, "iam/ListVirtualMFADevices.json");
  // Answers only in a management account (or a delegated administrator); elsewhere an error, logged.
  if (options.organizations_features) {
    c.call("iam", "ListOrganizationsFeatures", json::object(), std::nullopt,
           "iam/ListOrganizationsFeatures.json");
  }
}

std::string last_component(const std::string& arn) {
  const size_t colon = arn.rfind(':');
  return colon == std::string::npos ? arn : arn.substr(colon + 1);
}

void collect_region(CallContext& c, const std::string& region) {
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

std::vector<std::string> enabled_regions(CallContext& c, const AccountFilesOptions& options) {
  if (!options.regions.empty()) {
    return options.regions;
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
  return {c.client.options().region};
}

} // namespace

IdentityResult read_identity(aws::AwsClient& client, SnapshotWriter& writer,
                             const std::string& expected_account, bool write_file) {
  const auto identity = client.call("sts", "GetCallerIdentity");
  if (!identity.ok()) {
    writer.record(identity, expected_account, std::nullopt);
    return {std::nullopt, identity.error};
  }
  Identity out;
  out.account = identity.output->value("Account", "");
  if (!model::is_account_id(out.account)) {
    writer.skipped("sts", "GetCallerIdentity", expected_account, "", "the answer names no usable account id");
    aws::AwsError error;
    error.code = "rootguard.NoAccountId";
    error.message = "sts GetCallerIdentity answered no usable account id";
    return {std::nullopt, error};
  }
  if (!expected_account.empty() && out.account != expected_account) {
    // A role whose session is in another account: nothing of it may land in either account's folder.
    writer.record(identity, expected_account, std::nullopt);
    aws::AwsError error;
    error.code = "rootguard.WrongAccount";
    error.message = fmt::format("the session is in account {}, not {}", out.account, expected_account);
    return {std::nullopt, error};
  }
  writer.record(identity, out.account,
                write_file ? std::optional(fmt::format("accounts/{}/sts/GetCallerIdentity.json", out.account))
                           : std::nullopt);
  // The same reading of an ARN's partition the snapshot loader uses; anything not a partition is "aws".
  const std::string caller_arn = identity.output->value("Arn", ""); // arn_partition returns a view into it
  const auto partition = model::arn_partition(caller_arn);
  out.partition = partition.empty() ? "aws" : std::string(partition);
  return {out, std::nullopt};
}

std::vector<std::string> collect_account_files(aws::AwsClient& client, SnapshotWriter& writer,
                                               const std::string& account,
                                               const AccountFilesOptions& options) {
  CallContext c{client, writer, account, options.progress, {}};
  collect_iam(c, options);
  auto regions = enabled_regions(c, options); // not const: returned, so moved
  for (const auto& region : regions) {
    if (!safe_component(region)) {
      writer.skipped("", "", account, region, "region name is not a safe file name");
      continue;
    }
    collect_region(c, region);
    if (options.lookup_events_days > 0) {
      c.say(fmt::format("region {}: root's CloudTrail event history", region));
      collect_root_lookup_events(client, writer, account, region, options.lookup_events_days,
                                 client.options().clock()); // the client always has a clock
    }
    if (options.region_done) {
      options.region_done();
    }
  }
  return regions;
}

} // namespace rg::collect
