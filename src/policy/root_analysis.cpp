#include "policy/root_analysis.hpp"

#include "i18n/japanese_text.hpp"
#include "policy/evaluator.hpp"
#include "policy/request_space.hpp"
#include "policy/root_probes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace rg::policy {
namespace {

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

} // namespace

std::string_view to_string(RootScope scope) {
  switch (scope) {
  case RootScope::kAll:
    return "all";
  case RootScope::kSome:
    return "some";
  case RootScope::kNone:
    return "none";
  }
  return "none";
}

// "*" is every action no policy names, "?" what a partial walk could not decide; long lists are cut
// so a finding stays readable.
LocalizedString describe_actions(const std::vector<std::string>& actions) {
  constexpr size_t kShown = 4;
  std::vector<std::string> en;
  std::vector<std::string> ja;
  for (const auto& action : actions) {
    if (en.size() == kShown) {
      en.push_back(fmt::format("{} more", actions.size() - kShown));
      ja.push_back(fmt::format("ほか {} 件", actions.size() - kShown));
      break;
    }
    if (action == "*") {
      en.emplace_back("every other action");
      ja.emplace_back("その他すべてのアクション");
    } else if (action == "?") {
      en.emplace_back("requests too intricate to decide");
      ja.emplace_back("判定しきれない組み合わせのリクエスト");
    } else if (const auto except = action.find(" except on "); except != std::string::npos) {
      // "<action> except on <resources>" (request_space.cpp); an action name has no spaces.
      const auto name = action.substr(0, except);
      const auto resources = action.substr(except + 11);
      en.push_back(fmt::format("{} except on {}", name == "*" ? "any action" : name, resources));
      ja.push_back(name == "*" ? fmt::format("{} 以外に対する任意のアクション", resources)
                               : fmt::format("{} 以外に対する {}", resources, name));
    } else if (const auto on = action.find(" on "); on != std::string::npos) {
      const auto name = action.substr(0, on);
      const auto resource = action.substr(on + 4);
      en.push_back(fmt::format("{} on {}", name == "*" ? "any action" : name, resource));
      ja.push_back(name == "*" ? fmt::format("{} に対する任意のアクション", resource)
                               : fmt::format("{} に対する {}", resource, name));
    } else {
      en.push_back(action);
      ja.push_back(action);
    }
  }
  return {fmt::format("{}", fmt::join(en, ", ")), fmt::format("{}", fmt::join(ja, "、"))};
}

namespace {

// Root's request context for the analysis, with the organization keys when they were given.
RequestContext analysis_context(const RootAnalysisOptions& options) {
  auto context = root_user_context(options.partition, options.account, {}, {});
  if (!options.org_id.empty()) {
    context.set("aws:PrincipalOrgID", options.org_id);
  }
  if (!options.org_path.empty()) {
    context.set("aws:PrincipalOrgPaths", options.org_path);
  }
  return context;
}

// An RCP is judged as org_scp judges one on a path: root acting on its own account's resources, so the
// resource keys are the account's and its organization's (docs/decisions/0027-rcps.md).
RequestContext rcp_analysis_context(const RootAnalysisOptions& options) {
  auto context = analysis_context(options);
  context.set("aws:ResourceAccount", options.account);
  if (!options.org_id.empty()) {
    context.set("aws:ResourceOrgID", options.org_id);
  }
  if (!options.org_path.empty()) {
    context.set("aws:ResourceOrgPaths", options.org_path);
  }
  return context;
}

// The organization keys a policy alone cannot decide ("AWS global condition context keys"): a
// condition on one of them is unknown because --org-id / --org-path was not given, not because it
// varies by request.
bool names_unset_organization_key(const Statement& statement, const RequestContext& context) {
  constexpr std::array<std::string_view, 4> kOrganizationKeys{"aws:principalorgid", "aws:principalorgpaths",
                                                              "aws:resourceorgid", "aws:resourceorgpaths"};
  return std::any_of(statement.conditions.begin(), statement.conditions.end(), [&](const ConditionTest& test) {
    std::string key = test.key;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kOrganizationKeys.begin(), kOrganizationKeys.end(), key) != kOrganizationKeys.end() &&
           context.find(test.key) == nullptr;
  });
}

} // namespace

RootDenial analyze_root_denial(const Document& document, PolicyType type, bool valid,
                               const RootAnalysisOptions& options) {
  RootDenial result;
  if (!valid) {
    result.note = {
        "The policy has errors, and AWS rejects a policy with errors: it restricts nobody.",
        "ポリシーにエラーがあります。AWS はエラーのあるポリシーを受け付けないため、誰も制限されません。"};
    return result;
  }
  if (type == PolicyType::kIdentity) {
    result.note = {
        "Identity policies never apply to the root user; only an SCP (member accounts) or a resource "
        "policy can deny root.",
        "アイデンティティポリシーはルートユーザーには適用されません。ルートユーザーを拒否できるのは SCP "
        "(メンバー"
        "アカウント) かリソースポリシーだけです。"};
    return result;
  }
  // Every request root could make, in classes no statement tells apart (request_space.hpp).
  const std::vector<PolicyAtLevel> policies{{&document, type, 0, {}}};
  const auto context = type == PolicyType::kRcp ? rcp_analysis_context(options) : analysis_context(options);
  const auto space = analyze_request_space(policies, context, options.partition);
  for (const auto& request_class : space.classes) {
    for (const auto& label : request_class.denying) {
      add_unique(result.statements, label);
    }
    for (const auto& label : request_class.conditional) {
      add_unique(result.conditional_statements, label);
    }
  }
  result.denied_actions = space.describe(/*open=*/false);
  result.open_actions = space.describe(/*open=*/true);
  if (!space.complete) {
    // Too many interacting wildcards to walk: never claim "all" on a partial walk.
    result.open_actions.emplace_back("?");
  }
  const bool has_allow = std::any_of(document.statements.begin(), document.statements.end(),
                                     [](const Statement& s) { return s.effect == Effect::kAllow; });
  if (type == PolicyType::kScp && has_allow) {
    RequestSpaceOptions as_allow_list;
    as_allow_list.require_allow_per_level = true;
    const auto allowed =
        analyze_request_space(policies, context, options.partition, as_allow_list);
    result.allow_list = std::any_of(allowed.classes.begin(), allowed.classes.end(),
                                    [](const RequestClass& c) { return !c.levels_without_allow.empty(); });
    if (result.allow_list) {
      result.allow_list_open = allowed.describe(/*open=*/true);
    }
  }
  // The sts:AssumeRoot task sessions act on a few named actions: probing them is exact.
  bool assumed_root_denied = false;
  for (const auto& probe : assume_root_task_probes()) {
    const auto as_task = evaluate(
        document, type, probe_context(probe, options.partition, options.account, /*assumed_root=*/true));
    assumed_root_denied = assumed_root_denied || as_task.decision == Decision::kExplicitDeny;
  }
  // Only a policy that denies root something can be blamed for blocking AssumeRoot tasks.
  result.blocks_assumed_root = assumed_root_denied && !result.denied_actions.empty();
  if (result.open_actions.empty()) {
    result.scope = RootScope::kAll;
    result.note = {fmt::format("Every action is explicitly denied to the root user (by {}).",
                               fmt::join(result.statements, ", ")),
                   fmt::format("ルートユーザーにはすべてのアクションが明示的に拒否されます ({})。",
                               fmt::join(result.statements, ", "))};
  } else if (result.denied_actions.empty()) {
    result.scope = RootScope::kNone;
    result.note = {"No statement denies anything to the root user's requests.",
                   "ルートユーザーのリクエストを拒否するステートメントはありません。"};
  } else {
    result.scope = RootScope::kSome;
    const auto denied = describe_actions(result.denied_actions);
    const auto open = describe_actions(result.open_actions);
    // "*" (or "* except on ...") denied: the policy denies everything but named exemptions.
    const bool all_but =
        std::any_of(result.denied_actions.begin(), result.denied_actions.end(),
                    [](const std::string& d) { return d == "*" || d.starts_with("* except on "); });
    result.note =
        all_but
            ? LocalizedString{fmt::format("Every action is denied to root except {} ({}).", open.en,
                                          fmt::join(result.statements, ", ")),
                              fmt::format("ルートユーザーには{}を除くすべてのアクションが拒否されます ({})。",
                                          ja_embed(open.ja), fmt::join(result.statements, "、"))}
            : LocalizedString{
                  fmt::format("Only some actions are denied to root ({}); root can still call {}.", denied.en,
                              open.en),
                  fmt::format("ルートユーザーに拒否されるのは一部のアクションだけです "
                              "({})。ルートユーザーは引き続き{}を実行"
                              "できます。",
                              denied.ja, ja_embed(open.ja))};
  }
  if (result.allow_list) {
    const auto left = describe_actions(result.allow_list_open);
    result.note.en +=
        result.allow_list_open.empty()
            ? " Used as an allow-list in place of FullAWSAccess it would leave nothing allowed."
            : fmt::format(" Used as an allow-list in place of FullAWSAccess it leaves root only {}.",
                          left.en);
    ja_append_sentence(
        result.note.ja,
        result.allow_list_open.empty()
            ? "FullAWSAccess の代わりの許可リストとして使うと、何も許可されません。"
            : fmt::format("FullAWSAccess の代わりの許可リストとして使うと、ルートユーザーに残るのは{}"
                          "だけです。",
                          ja_embed(left.ja)));
  }
  // Conditions on the organization keys are told apart: they are decided by --org-id / --org-path.
  std::vector<std::string> on_organization;
  std::vector<std::string> on_request;
  for (const auto& label : result.conditional_statements) {
    const bool organization = std::any_of(document.statements.begin(), document.statements.end(),
                                          [&](const Statement& statement) {
                                            return statement.label() == label &&
                                                   names_unset_organization_key(statement, context);
                                          });
    (organization ? on_organization : on_request).push_back(label);
  }
  if (!on_organization.empty()) {
    const auto labels = fmt::format("{}", fmt::join(on_organization, ", "));
    result.note.en += fmt::format(" {} deny root only depending on the organization (aws:PrincipalOrgID, "
                                  "aws:PrincipalOrgPaths, aws:ResourceOrgID...), which a policy alone does "
                                  "not tell, so they are not counted: give --org-id or --org-path to decide "
                                  "them.",
                                  labels);
    ja_append_sentence(result.note.ja,
                       fmt::format("{} は組織 (aws:PrincipalOrgID、aws:PrincipalOrgPaths、aws:ResourceOrgID "
                                   "など) によってしかルートユーザーを拒否せず、ポリシー単体では決まらないため、"
                                   "数えていません。判定するには --org-id か --org-path を指定してください。",
                                   labels));
  }
  if (!on_request.empty()) {
    const auto labels = fmt::format("{}", fmt::join(on_request, ", "));
    result.note.en += fmt::format(" {} deny root only under conditions on keys that vary by request (region, "
                                  "source IP, MFA, time...), so they are not counted.",
                                  labels);
    ja_append_sentence(result.note.ja,
                       fmt::format("{} はリクエストごとに変わるキー (リージョン、送信元 IP、MFA、時刻など) の"
                                   "条件付きでしかルートユーザーを拒否しないため、数えていません。",
                                   labels));
  }
  return result;
}

} // namespace rg::policy
