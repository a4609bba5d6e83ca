// libFuzzer entry for the SCP snapshot readers (src/snapshot/scp_readers.hpp). The first byte picks one:
// 0 ListPolicies, 1 DescribePolicy, 2 ListTargetsForPolicy, 3 the whole folder (the input written as the
// list and as both per-policy files of the ids the seeds use). Invariants: nothing throws; failures name
// their file and say why; only policy ids that cannot leave the folder get files read.
#include "fuzz_support.hpp"
#include "model/aws_ids.hpp"
#include "snapshot/scp_readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

template <typename T> void check(const rg::Result<T>& result, const std::string& file) {
  if (!result) {
    RG_FUZZ_CHECK(result.error().file == file);
    RG_FUZZ_CHECK(!result.error().message.empty());
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = rg::fuzz::split_selector(data, size);
  rg::fuzz::clear_scratch();
  const auto& dir = rg::fuzz::scratch_dir();
  switch (input.selector % 4) {
  case 0:
    check(rg::snapshot::read_list_policies(rg::fuzz::write_scratch("list.json", input.rest), "list.json"),
          "list.json");
    break;
  case 1:
    check(rg::snapshot::read_describe_policy(rg::fuzz::write_scratch("d.json", input.rest), "d.json"),
          "d.json");
    break;
  case 2:
    check(rg::snapshot::read_list_targets_for_policy(rg::fuzz::write_scratch("t.json", input.rest), "t.json"),
          "t.json");
    break;
  default: {
    using rg::snapshot::File;
    using rg::snapshot::path_below_scope;
    const std::string list_file = path_below_scope(File::kListPolicies);
    for (const auto& file : {list_file, path_below_scope(File::kDescribePolicy, "p-abcd1234"),
                             path_below_scope(File::kListTargetsForPolicy, "p-abcd1234"),
                             path_below_scope(File::kDescribePolicy, "p-FullAWSAccess"),
                             path_below_scope(File::kListTargetsForPolicy, "p-FullAWSAccess")}) {
      rg::fuzz::write_scratch(file, input.rest);
    }
    std::vector<rg::Problem> problems;
    const auto policies = rg::snapshot::read_service_control_policies(dir, "organization", problems);
    check(policies, "organization/" + list_file);
    if (policies) {
      for (const auto& policy : *policies) {
        RG_FUZZ_CHECK(!policy.content || rg::model::is_policy_id(policy.id));
      }
    }
    for (const auto& problem : problems) {
      RG_FUZZ_CHECK(problem.file.starts_with("organization/") && !problem.message.empty());
    }
    break;
  }
  }
  return 0;
}
