#include "collect/account_files.hpp"

#include "collect/call_context.hpp"
#include "collect/lookup_events.hpp"
#include "model/aws_ids.hpp"

#include <fmt/format.h>
#include <thread>

namespace rg::collect {

namespace {

using nlohmann::json;
using snapshot::File;

// IAM builds the report in seconds after GenerateCredentialReport; GetCredentialReport answers
// ReportInProgress (or ReportNotPresent right after generation) until then. The report is asked for
// first and fetched last, so that the account's regions are collected while IAM builds it.
std::chrono::steady_clock::time_point start_credential_report(CallContext& c) {
  c.ask("iam", "GenerateCredentialReport", json::object());
  return std::chrono::steady_clock::now();
}

// Bounded: a report that never completes leaves the file absent, logged, and the scan says UNKNOWN.
void fetch_credential_report(CallContext& c, const AccountFilesOptions& options,
                             std::chrono::steady_clock::time_point started) {
  for (;;) {
    auto result = c.client.call("iam", "GetCredentialReport");
    const bool pending = !result.ok() && (result.error->code == "ReportInProgress" ||
                                          result.error->code == "ReportNotPresent");
    if (!pending || std::chrono::steady_clock::now() - started > options.credential_report_wait) {
      c.writer.record(result, c.account, c.path_of(snapshot::File::kGetCredentialReport));
      return;
    }
    c.say("credential report in progress");
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
}

void collect_iam(CallContext& c, const AccountFilesOptions& options) {
  c.collect(snapshot::File::kGetAccountSummary, json::object());
  c.collect(snapshot::File::kListVirtualMfaDevices, json::object());
  // Answers only in a management account (or a delegated administrator); elsewhere an error, logged.
  if (options.organizations_features) {
    c.collect(snapshot::File::kListOrganizationsFeatures, json::object());
  }
}

std::string last_component(const std::string& arn) {
  const size_t colon = arn.rfind(':');
  return colon == std::string::npos ? arn : arn.substr(colon + 1);
}

void collect_region(CallContext& c, const std::string& region) {
  c.say(fmt::format("region {}", region));
  if (const auto folder = snapshot::scope_folder(snapshot::Scope::kRegion, {c.account, region, {}})) {
    c.writer.make_folder(*folder);
  }
  if (const json* trails = c.collect(File::kDescribeTrails, json::object(), region)) {
    for (const auto& trail : trails->value("trailList", json::array())) {
      const std::string name = trail.value("Name", "");
      // A trail is described in every region it covers; its status is asked in its home region only.
      if (trail.value("HomeRegion", region) != region) {
        continue;
      }
      const std::string arn = trail.value("TrailARN", name);
      c.collect(File::kGetTrailStatus, {{"Name", arn}}, region, name);
      c.collect(File::kGetEventSelectors, {{"TrailName", arn}}, region, name);
    }
  }
  c.collect(File::kDescribeMetricFilters, json::object(), region);
  c.collect(File::kDescribeAlarms, json::object(), region);
  if (const json* topics = c.ask("sns", "ListTopics", json::object(), region)) {
    for (const auto& topic : topics->value("Topics", json::array())) {
      const std::string arn = topic.value("TopicArn", "");
      c.collect(File::kListSubscriptionsByTopic, {{"TopicArn", arn}}, region, last_component(arn));
    }
  }
  if (const json* detectors = c.collect(File::kListDetectors, json::object(), region)) {
    json findings = json::array();
    bool findings_ok = true;
    for (const auto& id_json : detectors->value("DetectorIds", json::array())) {
      const std::string id = id_json.is_string() ? id_json.get<std::string>() : "";
      if (!c.path_of(File::kGetDetector, region, id)) {
        continue; // logged as skipped: an id that cannot name a file is used in no call either
      }
      c.collect(File::kGetDetector, {{"DetectorId", id}}, region, id);
      const json criteria = {
          {"Criterion", {{"resource.accessKeyDetails.userType", {{"Eq", json::array({"Root"})}}}}}};
      const json* ids =
          c.ask("guardduty", "ListFindings", {{"DetectorId", id}, {"FindingCriteria", criteria}}, region);
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
        const json* page =
            c.ask("guardduty", "GetFindings", {{"DetectorId", id}, {"FindingIds", batch}}, region);
        if (page == nullptr) {
          findings_ok = false;
          continue;
        }
        for (const auto& finding : page->value("Findings", json::array())) {
          findings.push_back(finding);
        }
      }
    }
    // The pages of every detector in one file, as the layout has it (one GetFindings answer per region).
    if (const auto path = c.path_of(File::kGetFindings, region); findings_ok && path) {
      c.writer.write_json(*path, {{"Findings", findings}});
    }
  }
}

std::vector<std::string> enabled_regions(CallContext& c, const AccountFilesOptions& options) {
  if (!options.regions.empty()) {
    return options.regions;
  }
  const json input = {{"RegionOptStatusContains", json::array({"ENABLED", "ENABLED_BY_DEFAULT"})}};
  if (const json* regions = c.ask("account", "ListRegions", input)) {
    std::vector<std::string> out;
    for (const auto& region : regions->value("Regions", json::array())) {
      out.push_back(region.value("RegionName", ""));
    }
    if (!out.empty()) {
      return out;
    }
  }
  // account:ListRegions not allowed (or not answered, as in GovCloud and China, where the Account API is
  // absent): EC2 DescribeRegions, which without AllRegions lists the regions enabled for the account.
  if (const json* regions = c.ask("ec2", "DescribeRegions", json::object(), c.client.options().region)) {
    std::vector<std::string> out;
    for (const auto& region : regions->value("Regions", json::array())) {
      out.push_back(region.value("RegionName", ""));
    }
    if (!out.empty()) {
      return out;
    }
  }
  // Neither answered: the configured region, as the CLI would use; both failures are in the call log.
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
                write_file
                    ? snapshot::snapshot_path(snapshot::File::kGetCallerIdentity, {out.account, {}, {}})
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
  const auto report_started = start_credential_report(c);
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
  fetch_credential_report(c, options, report_started);
  return regions;
}

} // namespace rg::collect
