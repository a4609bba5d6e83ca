// Remediation commands for global (IAM) findings run in the partition's own global-service region and
// name the finding's own partition: a us-east-1 command or an arn:aws: ARN cannot be carried out in
// China or GovCloud (botocore endpoints.json: IAM's partition endpoint signs for cn-north-1 and
// us-gov-west-1 there).
#include "controls/control.hpp"
#include "model/aws_ids.hpp"
#include "remediate/remediation.hpp"

#include <gtest/gtest.h>

namespace {

TEST(RemediationPartition, GlobalFindingsUseThePartitionsGlobalRegionAndOwnPartition) {
  EXPECT_EQ(rg::model::global_service_region("aws"), "us-east-1");
  EXPECT_EQ(rg::model::global_service_region("aws-cn"), "cn-north-1");
  EXPECT_EQ(rg::model::global_service_region("aws-us-gov"), "us-gov-west-1");
  EXPECT_EQ(rg::model::global_service_region("aws-iso-b"), "us-isob-east-1");
  EXPECT_EQ(rg::model::global_service_region("not-a-partition"), "us-east-1");

  for (const auto* control : rg::controls::all_controls()) {
    rg::Finding finding;
    finding.rule = &control->rule;
    finding.account_id = "111122223333";
    finding.region = "global";
    finding.resource = "arn:aws-cn:iam::111122223333:root";
    // The snapshot says "aws", the account's own ARN says China: the account's wins.
    const auto rendered = rg::remediate::render_remediation(finding, "aws", rg::Lang::kEn);
    EXPECT_EQ(rendered.cli.find("us-east-1"), std::string::npos) << control->rule.id << ": " << rendered.cli;
    EXPECT_EQ(rendered.cli.find("arn:aws:"), std::string::npos) << control->rule.id << ": " << rendered.cli;
    EXPECT_EQ(rendered.terraform.find("arn:aws:"), std::string::npos) << control->rule.id;
  }
}

} // namespace
