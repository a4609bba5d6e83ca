// org-root-scp: in every member account, an SCP on the path root -> OUs -> account denies the root user,
// decided by evaluating the SCPs for root's request context (not by searching their text).
#include "controls/catalog_entries.hpp"
#include "policy/org_scp.hpp"
#include "policy/remediation.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <array>
#include <fmt/format.h>
#include <optional>

namespace rg::controls {
namespace {

using policy::AccountScpStatus;

std::string path_text(const policy::AccountScpVerdict& verdict) {
  std::vector<std::string> ids;
  for (const auto& level : verdict.path) {
    ids.push_back(level.target_id);
  }
  return fmt::format("{}", fmt::join(ids, " > "));
}

// Problems of valid policies on the path that explain why a Deny that looks right does not apply.
constexpr std::array<std::string_view, 3> kNearMissCodes{"string-equals-wildcard", "principal-type-root",
                                                         "arn-pattern-malformed"};

LocalizedString near_misses(const policy::AccountScpVerdict& verdict) {
  LocalizedString text;
  for (const auto& level : verdict.path) {
    for (const auto* check : level.attached) {
      if (!check->content_known) {
        continue;
      }
      for (const auto& problem : check->check.problems) {
        for (const auto code : kNearMissCodes) {
          if (problem.code == code) {
            text.en += fmt::format(" {} ({}) {}: {}", check->policy->name, check->policy->id, problem.path,
                                   problem.message.en);
            ja_append_sentence(text.ja, fmt::format("{} ({}) {}: {}", check->policy->name, check->policy->id,
                                                    problem.path, problem.message.ja));
          }
        }
      }
    }
  }
  return text;
}

LocalizedString invalid_note(const policy::AccountScpVerdict& verdict) {
  LocalizedString text;
  for (const auto* check : verdict.invalid_policies) {
    text.en += fmt::format(" Invalid SCP ignored: {} ({}).", check->policy->name, check->policy->id);
    ja_append_sentence(
        text.ja, fmt::format("無効な SCP を無視しました: {} ({})。", check->policy->name, check->policy->id));
  }
  return text;
}

std::string policy_resource(const model::Organization& organization, const model::OrganizationPolicy& scp,
                            const std::string& partition) {
  if (!scp.arn.empty()) {
    return scp.arn;
  }
  return fmt::format("arn:{}:organizations::{}:policy/{}/service_control_policy/{}", partition,
                     organization.management_account_id, organization.id, scp.id);
}

// Invalid SCPs are reported once, on the management account where they live.
std::vector<Finding> invalid_policy_findings(const Control& control, const EvaluationInput& input,
                                             const model::Organization& organization,
                                             const std::vector<policy::ScpCheck>& checks) {
  std::vector<Finding> findings;
  for (const auto& check : checks) {
    if (!check.content_known || check.check.valid) {
      continue;
    }
    std::vector<std::string> en;
    std::vector<std::string> ja;
    std::vector<Evidence> evidence{{"policy_id", check.policy->id},
                                   {"content_file", check.policy->content_file}};
    for (const auto& problem : check.check.problems) {
      if (problem.severity != policy::ProblemSeverity::kError) {
        continue;
      }
      en.push_back(fmt::format("{} at {}: {}", problem.code, problem.path, problem.message.en));
      ja.push_back(fmt::format("{} ({}): {}", problem.code, problem.path, problem.message.ja));
      evidence.push_back({problem.code, problem.path});
    }
    auto finding = root_finding(control, input, Status::kFail,
                                {fmt::format("SCP {} ({}) is not a valid SCP, so it restricts nobody: {}",
                                             check.policy->name, check.policy->id, fmt::join(en, " ")),
                                 fmt::format("SCP {} ({}) は SCP として無効なため、誰も制限しません: {}",
                                             check.policy->name, check.policy->id, fmt::join(ja, " "))},
                                std::move(evidence));
    finding.resource = policy_resource(organization, *check.policy, partition_of(input));
    findings.push_back(std::move(finding));
  }
  return findings;
}

// With the SCP policy type disabled on the root AWS detaches every SCP, so whatever the attachment files
// say, nothing applies (FAIL); while it is being enabled or disabled the answer is not yet knowable.
std::optional<Finding> scp_type_not_in_force(const Control& control, const EvaluationInput& input,
                                             const model::Organization& organization) {
  if (input.account.id == organization.management_account_id) {
    return std::nullopt;
  }
  for (const auto& root_id : organization.root_ids) {
    const auto found = organization.scp_type_status.find(root_id);
    if (found == organization.scp_type_status.end() || found->second == "ENABLED") {
      continue;
    }
    const std::vector<Evidence> evidence{
        {"root", root_id}, {"scp_policy_type", found->second.empty() ? "not enabled" : found->second}};
    if (found->second.empty()) {
      return root_finding(
          control, input, Status::kFail,
          {fmt::format("The SERVICE_CONTROL_POLICY policy type is not enabled on root {} (ListRoots): every "
                       "SCP is detached, so nothing limits this member's root user. Enable the policy type, "
                       "then attach a root-deny SCP.",
                       root_id),
           fmt::format(
               "組織のルート {} で SERVICE_CONTROL_POLICY ポリシータイプが有効ではありません (ListRoots)。"
               "すべての SCP がデタッチされているため、このメンバーのルートユーザーを制限するものは"
               "ありません。ポリシータイプを有効にしてから、ルートユーザーを拒否する SCP "
               "をアタッチしてください。",
               root_id)},
          evidence);
    }
    return root_finding(
        control, input, Status::kUnknown,
        {fmt::format("The SERVICE_CONTROL_POLICY policy type on root {} is {}: whether SCPs "
                     "apply is not settled yet; collect again when it is ENABLED.",
                     root_id, found->second),
         fmt::format("組織のルート {} の SERVICE_CONTROL_POLICY ポリシータイプは {} です。SCP が"
                     "適用されるかはまだ確定していません。ENABLED になってから再収集してください。",
                     root_id, found->second)},
        evidence);
  }
  return std::nullopt;
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  const auto& snapshot = input.snapshot;
  if (!snapshot.organization) {
    if (snapshot.organization.error().kind == ProblemKind::kAbsent) {
      return {}; // no organization collected: membership unknown, SCPs may not exist at all
    }
    return {unknown_finding(control, input, snapshot.organization.error())};
  }
  const auto& organization = *snapshot.organization;
  if (organization.find_account(input.account.id) == nullptr) {
    return {}; // not in the organization: SCPs do not apply
  }
  if (organization.consolidated_billing_only()) {
    if (input.account.id == organization.management_account_id) {
      return {}; // SCPs never apply to it, and none can exist to be invalid
    }
    return {root_finding(
        control, input, Status::kFail,
        {fmt::format(
             "Organization {} uses only consolidated billing (FeatureSet CONSOLIDATED_BILLING): service "
             "control policies cannot exist, so nothing limits this member's root user. Enable all "
             "features, then attach a root-deny SCP.",
             organization.id),
         fmt::format("組織 {} は一括請求のみ (FeatureSet CONSOLIDATED_BILLING) です。サービスコントロール"
                     "ポリシーが存在できないため、このメンバーのルートユーザーを制限するものはありません。"
                     "すべての機能を有効にしてから、ルートユーザーを拒否する SCP をアタッチしてください。",
                     organization.id)},
        {{"feature_set", organization.feature_set}})};
  }
  if (auto finding = scp_type_not_in_force(control, input, organization)) {
    return {std::move(*finding)};
  }
  if (!organization.scps_collected) {
    return {unknown_finding(control, input,
                            Problem{ProblemKind::kAbsent,
                                    *snapshot::snapshot_path(snapshot::File::kListPolicies, {}), "",
                                    "service control policies were not collected"})};
  }
  std::optional<policy::ScpAnalyzer> own; // only when the scan did not analyse the organization already
  const policy::ScpAnalyzer* analyzer = input.options.scps;
  if (analyzer == nullptr) {
    analyzer = &own.emplace(organization);
  }
  const auto& checks = analyzer->checks();
  if (input.account.id == organization.management_account_id) {
    return invalid_policy_findings(control, input, organization, checks); // SCPs never apply to it
  }
  const auto verdict = analyzer->verdict(input.account.id, partition_of(input));
  std::vector<Evidence> evidence{{"scp_path", path_text(verdict)}};
  for (const auto& deny : verdict.denying) {
    evidence.push_back(
        {"denying_scp", fmt::format("{} ({}) attached to {}: {}", deny.policy_name, deny.policy_id,
                                    deny.target_id, fmt::join(deny.statements, ", "))});
  }
  for (const auto& rcp : verdict.rcp_denying) {
    // What an RCP closes of what the SCPs leave (decision 0027): root's requests to this account's resources.
    evidence.push_back(
        {"closing_rcp", fmt::format("{} ({}) attached to {}: {}", rcp.policy_name, rcp.policy_id,
                                    rcp.target_id, fmt::join(rcp.statements, ", "))});
  }
  if (!verdict.rcp_closed_actions.empty()) {
    evidence.push_back(
        {"rcp_closed_actions", fmt::format("{}", fmt::join(verdict.rcp_closed_actions, ", "))});
  }
  for (const auto& ignored : verdict.rcp_ignored) {
    evidence.push_back({"rcp_no_effect", ignored}); // a service without RCP support
  }
  if (!verdict.open_actions.empty() && verdict.status != AccountScpStatus::kUnknown) {
    evidence.push_back({"open_actions", fmt::format("{}", fmt::join(verdict.open_actions, ", "))});
  }
  auto reason = verdict.reason;
  const auto invalid = invalid_note(verdict);
  reason.en += invalid.en;
  ja_append_sentence(reason.ja, invalid.ja);
  switch (verdict.status) {
  case AccountScpStatus::kDenied:
    return {root_finding(control, input, Status::kPass, std::move(reason), std::move(evidence))};
  case AccountScpStatus::kPartial:
  case AccountScpStatus::kOpen: {
    const auto misses = near_misses(verdict);
    reason.en +=
        fmt::format(" Path: {}.{} Attach a root-deny SCP (see remediation).", path_text(verdict), misses.en);
    ja_append_sentence(reason.ja, fmt::format("経路: {}。", path_text(verdict)));
    ja_append_sentence(reason.ja, misses.ja);
    ja_append_sentence(reason.ja, "ルートユーザーを拒否する SCP をアタッチしてください (修復手順を参照)。");
    if (verdict.path.size() >= 2) {
      // Where `rootguard fix` attaches the SCP: the account's own parent (OU or root), the narrowest
      // level that covers this account and the accounts grouped with it.
      evidence.push_back({"attach_target", verdict.path[verdict.path.size() - 2].target_id});
    }
    for (const auto& check : checks) {
      // rootguard's own DenyRootUser, created before but not attached here: the fix reuses it.
      if (check.policy->name == "DenyRootUser" && check.content_known && check.check.valid) {
        evidence.push_back({"existing_root_deny_policy", check.policy->id});
        break;
      }
    }
    return {root_finding(control, input, Status::kFail, std::move(reason), std::move(evidence))};
  }
  case AccountScpStatus::kUnknown:
    return {root_finding(control, input, Status::kUnknown, std::move(reason), std::move(evidence))};
  case AccountScpStatus::kManagement:
  case AccountScpStatus::kNotFound:
    break;
  }
  return {};
}

} // namespace

constinit const Control kOrgRootScp{
    .rule =
        {
            .id = "org-root-scp",
            .kind = RuleKind::kPosture,
            .severity = Severity::kHigh,
            .title = {"An SCP denies the root user of each member account",
                      "各メンバーアカウントのルートユーザーを SCP で拒否する必要があります"},
            .risk =
                {"A member account's root user is not limited by any IAM policy. Without a service control "
                 "policy that denies it, anyone holding its password or keys can do anything in the account, "
                 "including disabling logging and deleting data.",
                 "メンバーアカウントのルートユーザーは IAM "
                 "ポリシーで制限できません。ルートユーザーを拒否するサービス"
                 "コントロールポリシーがなければ、パスワードやキーを持つ者はログの無効化やデータ削除を含め、"
                 "アカウント内で何でもできます。"},
            .explanation =
                {"rootguard evaluates every SCP on the path root -> OUs -> account the way AWS does (a Deny "
                 "anywhere applies; an Allow is needed at every level; the management account is never "
                 "affected) for root's request context: aws:PrincipalArn "
                 "arn:<partition>:iam::<account>:root, "
                 "aws:PrincipalType \"Account\". So advice that only looks right is caught: a Principal "
                 "element "
                 "(invalid in SCPs), aws:PrincipalType = \"Root\" (never true), StringEquals with a wildcard "
                 "(compared literally). Invalid SCPs are reported on the management account. SCPs must be in "
                 "force at all: an organization with only consolidated billing cannot have them, and with "
                 "the "
                 "SERVICE_CONTROL_POLICY type disabled on the root (ListRoots PolicyTypes) every SCP is "
                 "detached; both FAIL whatever the attachment files say. Resource control policies on the "
                 "same path are read too: where the SCPs leave root an action of a service that supports "
                 "RCPs (S3, STS, KMS, SQS, Secrets Manager, Cognito user pools, CloudWatch Logs, DynamoDB, "
                 "ECR, OpenSearch Serverless) and an RCP denies it to root outright, that part is closed for "
                 "the account's own resources; a perimeter such as \"deny unless aws:PrincipalOrgID is the "
                 "organization\" never stops the member's own root, and no RCP reaches IAM, EC2, "
                 "Organizations or account settings.",
                 "rootguard は組織のルート -> OU -> アカウントの経路上のすべての SCP を、AWS と同じ規則 "
                 "(どこかの "
                 "Deny が適用される、各階層で Allow が必要、管理アカウントには適用されない) "
                 "でルートユーザーのリクエスト"
                 "コンテキスト (aws:PrincipalArn arn:<partition>:iam::<account>:root、aws:PrincipalType "
                 "\"Account\") に対して評価します。そのため、正しく見えるだけの助言を見抜きます: Principal "
                 "要素 "
                 "(SCP では無効)、aws:PrincipalType = \"Root\" (常に偽)、ワイルドカード付きの StringEquals "
                 "(文字どおり比較)。無効な SCP は管理アカウントの検出結果として報告します。SCP がそもそも有効"
                 "である必要があります。一括請求のみの組織には SCP が存在できず、ルートユーザーで "
                 "SERVICE_CONTROL_POLICY "
                 "タイプが無効 (ListRoots の PolicyTypes) ならすべての SCP がデタッチされています。どちらも"
                 "アタッチのファイルの内容にかかわらず FAIL です。同じ経路のリソースコントロールポリシー "
                 "(RCP) "
                 "も読みます。SCP がルートユーザーに残したアクションのうち RCP 対応サービス (S3、STS、KMS、"
                 "SQS、Secrets Manager、Cognito ユーザープール、CloudWatch Logs、DynamoDB、ECR、OpenSearch "
                 "Serverless) のもので、RCP "
                 "がルートユーザーを無条件に拒否するものは、アカウント自身のリソース"
                 "について閉じたものとします。\"aws:PrincipalOrgID が組織でなければ拒否\" のような境界は"
                 "メンバー自身のルートユーザーを止めず、IAM・EC2・Organizations・アカウント設定にはどの RCP "
                 "も届きません。"},
            .mappings = {},
            .remediation = {.console = policy::kRootDenyConsole,
                            .cli = policy::kRootDenyCli,
                            .terraform = policy::kRootDenyTerraform,
                            .limits = policy::kRootOnlyTasks},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
