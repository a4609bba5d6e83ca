#include "controls/control.hpp"

#include <fmt/format.h>

namespace rg::controls {

const std::string& partition_of(const EvaluationInput& input) {
  return input.account.partition.empty() ? input.snapshot.partition : input.account.partition;
}

std::string root_arn(const EvaluationInput& input) {
  return fmt::format("arn:{}:iam::{}:root", partition_of(input), input.account.id);
}

Finding root_finding(const Control& control, const EvaluationInput& input, Status status,
                     LocalizedString reason, std::vector<Evidence> evidence) {
  Finding finding;
  finding.rule = &control.rule;
  finding.account_id = input.account.id;
  finding.region = "global";
  finding.resource = root_arn(input);
  finding.status = status;
  finding.reason = std::move(reason);
  finding.evidence = std::move(evidence);
  return finding;
}

Finding unknown_finding(const Control& control, const EvaluationInput& input, const Problem& problem) {
  const std::string detail = problem.describe();
  const std::string detail_ja = describe(problem, Lang::kJa);
  LocalizedString reason;
  if (problem.kind == ProblemKind::kAbsent) {
    reason = {fmt::format("Cannot evaluate: {}", detail),
              fmt::format("評価できません (データ未収集): {}", detail_ja)};
  } else {
    reason = {fmt::format("Cannot evaluate: {}", detail),
              fmt::format("評価できません (読み取り不可): {}", detail_ja)};
  }
  return root_finding(control, input, Status::kUnknown, std::move(reason));
}

Finding unknown_finding(const Control& control, const EvaluationInput& input,
                        const std::vector<Problem>& problems) {
  std::string detail;
  std::string detail_ja;
  for (const auto& problem : problems) {
    detail += (detail.empty() ? "" : "; ") + problem.describe();
    detail_ja += (detail_ja.empty() ? "" : "、") + describe(problem, Lang::kJa);
  }
  return root_finding(
      control, input, Status::kUnknown,
      {fmt::format("Cannot evaluate: {}", detail), fmt::format("評価できません: {}", detail_ja)});
}

} // namespace rg::controls
