#include "policy/check.hpp"

#include "policy/parser.hpp"
#include "policy/rcp_services.hpp"
#include "policy/validator.hpp"

#include <algorithm>

namespace rg::policy {

CheckResult check_policy(std::string_view text, PolicyType type, const RootAnalysisOptions& options) {
  CheckResult result;
  result.type = type;
  auto parsed = parse_policy(text);
  result.problems = std::move(parsed.problems);
  if (parsed.document) {
    auto more = validate_policy(*parsed.document, type);
    result.problems.insert(result.problems.end(), std::make_move_iterator(more.begin()),
                           std::make_move_iterator(more.end()));
  }
  result.valid = parsed.document.has_value() && !has_errors(result.problems);
  if (parsed.document) {
    // An RCP acts only on the services that support RCPs: what it denies root is judged on that part
    // (its other actions have no effect; validate_policy warns rcp-service-not-supported for each).
    std::vector<std::string> rcp_ignored;
    const Document analysed =
        type == PolicyType::kRcp ? rcp_effective_document(*parsed.document, rcp_ignored) : *parsed.document;
    result.denies_root = analyze_root_denial(analysed, type, result.valid, options);
    if (result.denies_root.blocks_assumed_root) {
      result.problems.push_back(
          {"root-deny-blocks-assumeroot",
           ProblemSeverity::kInfo,
           "$",
           {"The root deny also blocks sts:AssumeRoot task sessions from the management account. Add "
            "\"Null\": {\"aws:AssumedRoot\": \"true\"} to the Deny's Condition so centralized root access "
            "keeps "
            "working.",
            "このルートユーザーの拒否は管理アカウントからの sts:AssumeRoot "
            "タスクセッションも拒否します。ルートアクセスの一元管理 ("
            "sts:AssumeRoot) を使えるよう、Deny の Condition に \"Null\": {\"aws:AssumedRoot\": \"true\"} "
            "を追加してくだ"
            "さい。"},
           0,
           0});
    }
    if (type == PolicyType::kRcp) {
      // AWS Organizations User Guide, "Resource control policies (RCPs)": RCPs don't affect resources in
      // the management account, apply only to the services that support them, and grant nothing.
      result.problems.push_back(
          {"rcp-scope",
           ProblemSeverity::kInfo,
           "$",
           {"An RCP limits requests to resources in member accounts, whoever makes them (the member's root "
            "user included), for the services that support RCPs (S3, STS, KMS, SQS, Secrets Manager and a "
            "few more). It never restricts the management account's resources, nor root's actions on other "
            "services (IAM, account settings, billing): to deny the root user itself, use an SCP.",
            "RCP はメンバーアカウントのリソースへのリクエストを、誰が行うかにかかわらず (メンバーの"
            "ルートユーザーも含めて) 制限します。対象は RCP に対応するサービス (S3、STS、KMS、SQS、"
            "Secrets Manager など) だけです。管理アカウントのリソースや、その他のサービス (IAM、アカウント"
            "設定、請求) でのルートユーザーの操作は制限しません。ルートユーザー自体を拒否するには SCP を"
            "使ってください。"},
           0,
           0});
    }
  } else {
    result.denies_root.note = {"The policy could not be read, so it restricts nobody.",
                               "ポリシーを読み取れないため、誰も制限されません。"};
  }
  // Errors first, then by path: stable output for golden files.
  std::stable_sort(result.problems.begin(), result.problems.end(), [](const auto& a, const auto& b) {
    return static_cast<int>(a.severity) < static_cast<int>(b.severity);
  });
  return result;
}

int check_exit_code(const CheckResult& result) {
  return !result.valid || result.denies_root.scope == RootScope::kNone ? 3 : 0;
}

} // namespace rg::policy
