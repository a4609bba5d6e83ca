// libFuzzer entry for every file the snapshot loader reads, straight from the layout table
// (src/snapshot/snapshot_layout.cpp): the first byte picks the row (its File number, as the seeds under
// tests/corpus/snapshot-readers name theirs), the rest is written at the row's path in a scratch
// snapshot, and at the paths of the rows it is read after, so one document drives a chain such as the
// organization walk. A new row is fuzzed as soon as it exists. Invariants: loading never throws; every
// problem names a file of the snapshot and says why; counts read from SummaryMap are in their domain
// (the 18446744073709551615-reads-as--1 bug of issue 10); a credential report holds one root row at most;
// only policy ids that cannot leave the folder get their files read.
#include "fuzz_support.hpp"
#include "model/aws_ids.hpp"
#include "model/snapshot.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "snapshot/snapshot_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using rg::snapshot::LayoutRow;

constexpr std::string_view kAccount = "111111111111";
constexpr std::string_view kRegion = "us-east-1";

std::string sample_path(const LayoutRow& row) {
  return rg::snapshot::snapshot_path(row.file, {kAccount, kRegion, row.example}).value_or("");
}

void check(const rg::model::Snapshot& snapshot) {
  for (const auto& problem : snapshot.problems) {
    RG_FUZZ_CHECK(!problem.file.empty() && !problem.message.empty());
    RG_FUZZ_CHECK(problem.file.starts_with("snapshot.json") || problem.file.starts_with("accounts/") ||
                  problem.file.starts_with("organization"));
  }
  for (const auto& account : snapshot.accounts) {
    if (account.account_summary) {
      for (const auto& [key, value] : account.account_summary->values) {
        RG_FUZZ_CHECK(value >= 0 && value <= 1'000'000'000'000L);
      }
    }
    if (account.credential_report) {
      RG_FUZZ_CHECK(account.credential_report->rows.size() <= 1);
    }
  }
  if (snapshot.organization) {
    for (const auto& policy : snapshot.organization->service_control_policies) {
      RG_FUZZ_CHECK(!policy.content || rg::model::is_policy_id(policy.id));
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  const auto rows = rg::snapshot::layout_rows();
  const LayoutRow& row = rows[input.selector % rows.size()];
  if (row.path.ends_with('/')) {
    return 0; // a folder tree, read by other harnesses (trail_records, inflate)
  }
  rg::fuzz::clear_scratch();
  rg::fuzz::write_scratch(sample_path(row), input.rest);
  for (auto before = row.read_after; before; before = rg::snapshot::layout_row(*before).read_after) {
    rg::fuzz::write_scratch(sample_path(rg::snapshot::layout_row(*before)), input.rest);
  }
  check(rg::snapshot::load_snapshot(rg::fuzz::scratch_dir()));
  return 0;
}
