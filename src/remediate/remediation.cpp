#include "remediate/remediation.hpp"

#include "util/strings.hpp"

namespace rg::remediate {

RenderedRemediation render_remediation(const Finding& finding, const std::string& partition, Lang lang) {
  const auto& source = finding.rule->remediation;
  const std::vector<std::pair<std::string, std::string>> values{
      {"ACCOUNT_ID", finding.account_id},
      {"PARTITION", partition},
      {"RESOURCE_ARN", finding.resource},
      // Global findings (IAM) get the region where global-service events and IAM alarms live.
      {"REGION", finding.region.empty() || finding.region == "global" ? "us-east-1" : finding.region}};
  return RenderedRemediation{
      std::string(source.console.get(lang)),
      substitute(source.cli, values),
      substitute(source.terraform, values),
      std::string(source.limits.get(lang)),
  };
}

} // namespace rg::remediate
