#include "remediate/remediation.hpp"

#include "i18n/code_comments.hpp"
#include "model/aws_ids.hpp"
#include "util/strings.hpp"

namespace rg::remediate {

RenderedRemediation render_remediation(const Finding& finding, const std::string& partition, Lang lang) {
  if (finding.status == Status::kNotApplicable) {
    return {};
  }
  const auto& source = finding.rule->remediation;
  // The finding's own partition (its resource ARN's) wins over the snapshot's: one report may hold
  // accounts of several partitions, and a command for arn:aws: fails in China and GovCloud.
  const auto own = model::arn_partition(finding.resource);
  const std::string finding_partition = own.empty() ? partition : std::string(own);
  const std::vector<std::pair<std::string, std::string>> values{
      {"ACCOUNT_ID", finding.account_id},
      {"PARTITION", finding_partition},
      {"RESOURCE_ARN", finding.resource},
      // Global findings (IAM) get the region where the partition's global-service events and IAM alarms
      // live: us-east-1, cn-north-1, us-gov-west-1.
      {"REGION", finding.region.empty() || finding.region == "global"
                     ? std::string(model::global_service_region(finding_partition))
                     : finding.region}};
  return RenderedRemediation{
      std::string(source.console.get(lang)),
      localize_code_comments(substitute(source.cli, values), lang),
      localize_code_comments(substitute(source.terraform, values), lang),
      std::string(source.limits.get(lang)),
  };
}

} // namespace rg::remediate
