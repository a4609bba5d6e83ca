// libFuzzer entry for every snapshot JSON reader. The first byte picks the reader (the seeds name theirs:
// see tests/corpus/snapshot-readers/README.md); the rest is written where that reader looks. Invariants:
// nothing throws, a failure names the file it read and says why, and counts read from SummaryMap are in
// their domain (the 18446744073709551615-reads-as--1 bug of issue 10).
#include "fuzz_support.hpp"
#include "snapshot/readers.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using rg::snapshot::Location;

template <typename T> void check(const rg::Result<T>& result, const std::string& file) {
  if (!result) {
    RG_FUZZ_CHECK(result.error().file.starts_with(file));
    RG_FUZZ_CHECK(!result.error().message.empty());
  }
}

void summary(const Location& at) {
  const auto read = rg::snapshot::read_get_account_summary(at);
  check(read, "iam/GetAccountSummary.json");
  if (read) {
    for (const auto& [key, value] : read->values) {
      RG_FUZZ_CHECK(value >= 0 && value <= 1'000'000'000'000L);
    }
  }
}

void credential_report(const Location& at) {
  const auto read = rg::snapshot::read_get_credential_report(at);
  check(read, "iam/");
  if (read) {
    RG_FUZZ_CHECK(read->rows.size() <= 1);
  }
}

void organization(const Location& at) {
  std::vector<rg::Problem> problems;
  const auto read = rg::snapshot::read_organization(at, problems);
  check(read, "DescribeOrganization.json");
  for (const auto& problem : problems) {
    RG_FUZZ_CHECK(!problem.file.empty() && !problem.message.empty());
  }
}

struct Reader {
  std::vector<const char*> files; // where the input is written, relative to the scratch folder
  void (*read)(const Location&);
};

// The organization reader walks from the roots it finds; the seeds use these ids, so writing the input
// under each of them lets one document drive the whole walk (cycles included).
const std::array<Reader, 17> kReaders{{
    {{"snapshot.json"}, [](const Location& at) { check(rg::snapshot::read_snapshot_info(at), "snapshot"); }},
    {{"sts/GetCallerIdentity.json"},
     [](const Location& at) { check(rg::snapshot::read_get_caller_identity(at), "sts/"); }},
    {{"iam/GetCredentialReport.json"}, credential_report},
    {{"iam/credential-report.csv"}, credential_report},
    {{"iam/GetAccountSummary.json"}, summary},
    {{"iam/ListVirtualMFADevices.json"},
     [](const Location& at) { check(rg::snapshot::read_list_virtual_mfa_devices(at), "iam/"); }},
    {{"iam/ListOrganizationsFeatures.json"},
     [](const Location& at) { check(rg::snapshot::read_list_organizations_features(at), "iam/"); }},
    {{"cloudtrail/DescribeTrails.json"},
     [](const Location& at) { check(rg::snapshot::read_describe_trails(at), "cloudtrail/"); }},
    {{"cloudtrail/GetTrailStatus/t.json"},
     [](const Location& at) { check(rg::snapshot::read_get_trail_status(at, "t"), "cloudtrail/"); }},
    {{"cloudtrail/GetEventSelectors/t.json"},
     [](const Location& at) { check(rg::snapshot::read_get_event_selectors(at, "t"), "cloudtrail/"); }},
    {{"logs/DescribeMetricFilters.json"},
     [](const Location& at) { check(rg::snapshot::read_describe_metric_filters(at), "logs/"); }},
    {{"cloudwatch/DescribeAlarms.json"},
     [](const Location& at) { check(rg::snapshot::read_describe_alarms(at), "cloudwatch/"); }},
    {{"sns/ListSubscriptionsByTopic/t.json"},
     [](const Location& at) { check(rg::snapshot::read_list_subscriptions_by_topic(at, "t"), "sns/"); }},
    {{"guardduty/ListDetectors.json"},
     [](const Location& at) { check(rg::snapshot::read_list_detectors(at), "guardduty/"); }},
    {{"guardduty/GetDetector/d.json"},
     [](const Location& at) { check(rg::snapshot::read_get_detector(at, "d"), "guardduty/"); }},
    {{"guardduty/GetFindings.json"},
     [](const Location& at) { check(rg::snapshot::read_get_findings(at), "guardduty/"); }},
    {{"DescribeOrganization.json", "ListRoots.json", "ListOrganizationalUnitsForParent/r-ab12.json",
      "ListOrganizationalUnitsForParent/ou-ab12-abcd1234.json", "ListAccountsForParent/r-ab12.json",
      "ListAccountsForParent/ou-ab12-abcd1234.json"},
     organization},
}};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  const Reader& reader = kReaders[input.selector % kReaders.size()];
  rg::fuzz::clear_scratch();
  for (const char* file : reader.files) {
    rg::fuzz::write_scratch(file, input.rest);
  }
  reader.read(Location{rg::fuzz::scratch_dir(), ""});
  return 0;
}
