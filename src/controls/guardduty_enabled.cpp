// guardduty-enabled (Security Hub GuardDuty.1): an enabled GuardDuty detector in every collected region.
#include "controls/catalog_entries.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

Finding region_finding(const Control& control, const EvaluationInput& input, const std::string& region,
                       const std::string& detector, Status status, LocalizedString reason) {
  auto finding = root_finding(control, input, status, std::move(reason));
  finding.region = region;
  finding.resource = fmt::format("arn:{}:guardduty:{}:{}:detector{}{}", partition_of(input), region,
                                 input.account.id, detector.empty() ? "" : "/", detector);
  return finding;
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  if (input.account.regions_problem) {
    return {unknown_finding(control, input, *input.account.regions_problem)}; // regions/ unlistable
  }
  std::vector<Finding> findings;
  for (const auto& region : input.account.regions) {
    if (!region.detector_ids) {
      const auto& problem = region.detector_ids.error();
      findings.push_back(region_finding(
          control, input, region.name, "", Status::kUnknown,
          {fmt::format("Cannot evaluate {}: {}", region.name, problem.describe()),
           fmt::format("{} を評価できません: {}", region.name, describe(problem, Lang::kJa))}));
      continue;
    }
    if (region.detector_ids->empty()) {
      findings.push_back(region_finding(
          control, input, region.name, "", Status::kFail,
          {fmt::format("GuardDuty has no detector in {} (ListDetectors returned none).", region.name),
           fmt::format("{} に GuardDuty のディテクターがありません (ListDetectors の結果が空)。",
                       region.name)}));
      continue;
    }
    for (const auto& id : *region.detector_ids) {
      const auto found = region.detectors.find(id);
      if (found == region.detectors.end() || !found->second) {
        const auto detail = found == region.detectors.end()
                                ? fmt::format("guardduty/GetDetector/{}.json not collected", id)
                                : found->second.error().describe();
        const auto detail_ja = found == region.detectors.end()
                                   ? fmt::format("guardduty/GetDetector/{}.json は未収集", id)
                                   : describe(found->second.error(), Lang::kJa);
        findings.push_back(
            region_finding(control, input, region.name, id, Status::kUnknown,
                           {fmt::format("Detector {} is listed in {} but its status is unknown: {}.", id,
                                        region.name, detail),
                            fmt::format("ディテクター {} は {} に存在しますが状態を確認できません: {}。", id,
                                        region.name, detail_ja)}));
        continue;
      }
      const bool enabled = found->second->status == "ENABLED";
      findings.push_back(region_finding(
          control, input, region.name, id, enabled ? Status::kPass : Status::kFail,
          {fmt::format("Detector {} in {} has Status = {}.", id, region.name, found->second->status),
           fmt::format("{} のディテクター {} の Status は {} です。", region.name, id,
                       found->second->status)}));
    }
  }
  return findings;
}

} // namespace

constinit const Control kGuardDutyEnabled{
    .rule =
        {
            .id = "guardduty-enabled",
            .kind = RuleKind::kPosture,
            .severity = Severity::kHigh,
            .title = {"GuardDuty is enabled in every region",
                      "すべてのリージョンで GuardDuty を有効にする必要があります"},
            .risk = {"GuardDuty is what reports root credential use (Policy:IAMUser/RootCredentialUsage) and "
                     "credential abuse without any rule of your own; a region without a detector is a region "
                     "where an attacker can work unseen.",
                     "GuardDuty は独自ルールなしでルートユーザーの認証情報の使用 "
                     "(Policy:IAMUser/RootCredentialUsage) "
                     "や認証"
                     "情報の悪用を報告します。ディテクターのないリージョンでは攻撃者が気付かれずに活動できま"
                     "す。"},
            .explanation =
                {"Security Hub GuardDuty.1. Evaluated for every regions/<region>/ folder in the snapshot "
                 "(the regions the collector found enabled): one finding per region, PASS only when "
                 "a detector there has Status = ENABLED.",
                 "Security Hub GuardDuty.1 に対応します。スナップショットの regions/<region>/ フォルダー"
                 "ごと (収集時に有効だったリージョン) に 1 件の結果を出し、Status = ENABLED のディテクターが"
                 "ある場合のみ PASS とします。"},
            .mappings = {.security_hub = "GuardDuty.1"},
            .remediation =
                {.console =
                     {"1. Open GuardDuty in the region (or, in an organization, in the delegated "
                      "administrator account).\n"
                      "2. Choose Get started > Enable GuardDuty, or Settings > Enable for a suspended "
                      "detector.\n"
                      "3. In an organization, set auto-enable for all member accounts.",
                      "1. 対象リージョンで GuardDuty を開きます (組織では委任管理者アカウントで)。\n"
                      "2. [今すぐ始める] > [GuardDuty を有効にする]、停止中のディテクターは [設定] から有効化"
                      "します。\n"
                      "3. 組織ではすべてのメンバーアカウントの自動有効化を設定します。"},
                 .cli = "detector=$(aws guardduty list-detectors --region ${REGION} --query 'DetectorIds[0]' "
                        "--output text)\n"
                        "if [ \"$detector\" = None ]; then\n"
                        "  aws guardduty create-detector --enable --region ${REGION}\n"
                        "else # it exists but is disabled: enable it rather than create a second one\n"
                        "  aws guardduty update-detector --detector-id \"$detector\" --enable --region "
                        "${REGION}\n"
                        "fi",
                 .terraform = "resource \"aws_guardduty_detector\" \"this\" {\n"
                              "  enable = true\n"
                              "}\n",
                 .limits = {}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
