#include "policy/org_scp.hpp"

#include "i18n/japanese_text.hpp"
#include "policy/evaluator.hpp"
#include "policy/parser.hpp"
#include "policy/rcp_services.hpp"
#include "policy/request_space.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace rg::policy {
namespace {

template <typename T> void add_unique(std::vector<T>& list, const T& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

void add_reason(std::vector<LocalizedString>& reasons, std::string en, std::string ja) {
  for (const auto& reason : reasons) {
    if (reason.en == en) {
      return;
    }
  }
  reasons.push_back({std::move(en), std::move(ja)});
}

std::string join_reasons(const std::vector<LocalizedString>& reasons, Lang lang) {
  std::string text;
  for (const auto& reason : reasons) {
    text += (text.empty() ? "" : (lang == Lang::kJa ? "、" : "; ")) + reason.get(lang);
  }
  return text;
}

// root -> ... -> account; empty with a reason when the chain is broken.
std::vector<ScpLevel> build_path(const model::Organization& org, const model::OrganizationAccount& account,
                                 std::vector<LocalizedString>& unknown_reasons) {
  std::vector<ScpLevel> reversed{{account.id, account.name, {}}};
  std::string parent = account.parent_id;
  std::set<std::string> seen;
  while (true) {
    if (std::find(org.root_ids.begin(), org.root_ids.end(), parent) != org.root_ids.end()) {
      reversed.push_back({parent, "Root", {}});
      break;
    }
    const auto* unit = org.find_unit(parent);
    if (unit == nullptr || !seen.insert(parent).second) {
      add_reason(
          unknown_reasons,
          fmt::format("the path from {} to the organization root is broken at \"{}\"", account.id, parent),
          fmt::format("{} から組織のルートまでの経路が \"{}\" で途切れています", account.id, parent));
      return {};
    }
    reversed.push_back({unit->id, unit->name, {}});
    parent = unit->parent_id;
  }
  return {reversed.rbegin(), reversed.rend()};
}

// "Name (p-id) attached to ou-...": the RCPs that close part of what the SCPs leave.
std::string rcp_names(const AccountScpVerdict& v, Lang lang) {
  std::vector<std::string> names;
  for (const auto& d : v.rcp_denying) {
    const auto& name = d.policy_name.empty() ? d.policy_id : d.policy_name;
    names.push_back(lang == Lang::kJa
                        ? fmt::format("{} ({}、{} にアタッチ)", name, d.policy_id, d.target_id)
                        : fmt::format("{} ({}) attached to {}", name, d.policy_id, d.target_id));
  }
  return fmt::format("{}", fmt::join(names, lang == Lang::kJa ? "、" : "; "));
}

LocalizedString describe(const AccountScpVerdict& v) {
  std::vector<std::string> names;
  std::vector<std::string> names_ja;
  for (const auto& d : v.denying) {
    const auto& name = d.policy_name.empty() ? d.policy_id : d.policy_name;
    names.push_back(fmt::format("{} ({}) attached to {}", name, d.policy_id, d.target_id));
    names_ja.push_back(fmt::format("{} ({}、{} にアタッチ)", name, d.policy_id, d.target_id));
  }
  const auto by = fmt::format("{}", fmt::join(names, "; "));
  const auto by_ja = fmt::format("{}", fmt::join(names_ja, "、"));
  switch (v.status) {
  case AccountScpStatus::kDenied:
    if (names.empty()) {
      return {
          fmt::format("Every probed action is implicitly denied to root: no SCP at {} allows it.",
                      fmt::join(v.levels_without_allow, ", ")),
          fmt::format("ルートユーザーには調べたすべてのアクションが暗黙的に拒否されます: {} で許可する SCP が"
                      "ありません。",
                      fmt::join(v.levels_without_allow, ", "))};
    }
    if (!v.rcp_closed_actions.empty()) {
      const auto closed = describe_actions(v.rcp_closed_actions);
      return {
          fmt::format("SCPs deny the root user every action but {} ({}), and RCPs deny that on this "
                      "account's own resources: {}.",
                      closed.en, by, rcp_names(v, Lang::kEn)),
          fmt::format("SCP はルートユーザーに{}以外のすべてのアクションを拒否し ({})、残りはこのアカウント"
                      "自身のリソースに対して RCP が拒否しています: {}。",
                      ja_embed(closed.ja), by_ja, rcp_names(v, Lang::kJa))};
    }
    return {fmt::format("An SCP denies every action to the root user: {}.", by),
            fmt::format("SCP がルートユーザーのすべてのアクションを拒否しています: {}。", by_ja)};
  case AccountScpStatus::kPartial: {
    const auto denied = describe_actions(v.denied_actions);
    const auto open = describe_actions(v.open_actions);
    return {fmt::format("SCPs deny root only {} ({}); root can still call {}.", denied.en, by, open.en),
            fmt::format("SCP がルートユーザーに拒否しているのは{}だけです "
                        "({})。ルートユーザーは引き続き{}を実行できます。",
                        ja_embed(denied.ja), by_ja, ja_embed(open.ja))};
  }
  case AccountScpStatus::kOpen:
    return {"No SCP on the path from the organization root to this account denies the root user anything.",
            "組織のルートからこのアカウントまでの経路に、ルートユーザーを拒否する SCP がありません。"};
  case AccountScpStatus::kUnknown:
    return {fmt::format("Cannot tell whether SCPs restrict root: {}.",
                        join_reasons(v.unknown_reasons, Lang::kEn)),
            fmt::format("SCP がルートユーザーを制限しているか判定できません: {}。",
                        join_reasons(v.unknown_reasons, Lang::kJa))};
  case AccountScpStatus::kManagement:
    return {"The management account: SCPs never apply to it, root included.",
            "管理アカウントです。SCP はルートユーザーを含め適用されません。"};
  case AccountScpStatus::kNotFound:
    return {"The account is not in the collected organization.",
            "収集した組織にこのアカウントはありません。"};
  }
  return {};
}

// Root's request context inside the organization. The principal's organization keys follow from the
// collected tree ("AWS global condition context keys", IAM User Guide): aws:PrincipalOrgID is the
// organization id and aws:PrincipalOrgPaths the path o-id/r-id/ou-.../ (the account itself not included),
// so a Deny scoped to the organization or an OU is decided, not "conditional". The resource keys
// (aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths) stay unknown: root may act on another
// account's resources.
RequestContext organization_root_context(const model::Organization& organization, const AccountScpVerdict& v,
                                         std::string_view partition) {
  auto context = root_user_context(partition, v.account_id, {}, {});
  if (organization.id.empty()) {
    return context;
  }
  context.set("aws:PrincipalOrgID", organization.id);
  if (v.path.empty() || !v.path.front().target_id.starts_with("r-")) {
    return context; // the path to the root is not known: the paths key stays unknown
  }
  std::string org_path = organization.id + "/";
  for (size_t level = 0; level + 1 < v.path.size(); ++level) {
    org_path += v.path[level].target_id;
    org_path += '/';
  }
  context.set("aws:PrincipalOrgPaths", org_path);
  return context;
}

// Which checks are attached to each target, in the organization's order of policies.
using TargetIndex = std::unordered_map<std::string, std::vector<const ScpCheck*>>;

TargetIndex index_targets(const std::vector<ScpCheck>& checks) {
  TargetIndex index;
  for (const auto& check : checks) {
    if (!check.policy->targets) {
      continue;
    }
    for (const auto& target : *check.policy->targets) {
      auto& list = index[target.target_id];
      if (list.empty() || list.back() != &check) {
        list.push_back(&check);
      }
    }
  }
  return index;
}

// Whether a policy's meaning for root can change with the account's own id: a condition on a key whose
// value holds it (root_user_context: aws:PrincipalArn, aws:PrincipalAccount, aws:userid) with a value
// that has a digit, or a policy variable anywhere (${aws:PrincipalAccount} in a Resource). Such paths
// are analysed per account. A value without any digit ("arn:aws:iam::*:root", the usual root deny)
// cannot tell two accounts apart: every account id is twelve digits, which only its wildcards can match.
bool reads_account_id(const Document& document) {
  const auto has_variable = [](const std::vector<std::string>& values) {
    return std::any_of(values.begin(), values.end(),
                       [](const auto& v) { return v.find("${") != std::string::npos; });
  };
  const auto has_digit = [](const std::vector<std::string>& values) {
    return std::any_of(values.begin(), values.end(), [](const auto& v) {
      return std::any_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
  };
  for (const auto& statement : document.statements) {
    for (const auto& condition : statement.conditions) {
      std::string key = condition.key;
      std::transform(key.begin(), key.end(), key.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const bool holds_account = key == "aws:principalarn" || key == "aws:principalaccount" ||
                                 key == "aws:userid" || key == "aws:resourceaccount";
      if ((holds_account && has_digit(condition.values)) || has_variable(condition.values)) {
        return true;
      }
    }
    if ((statement.action && has_variable(statement.action->values)) ||
        (statement.resource && has_variable(statement.resource->values))) {
      return true;
    }
  }
  return false;
}

} // namespace

struct ScpAnalyzer::Memo {
  TargetIndex targets;
  TargetIndex rcp_targets;
  std::unordered_map<std::string, const model::OrganizationAccount*> accounts;
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const RequestSpaceResult>> spaces;
  size_t analyses = 0;
};

namespace {

// The request an RCP on this path judges: root of the account acting on the account's own resources, so
// the resource keys are the account's (aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths) and a
// "deny unless aws:PrincipalOrgID / aws:PrincipalAccount / aws:ResourceAccount matches" perimeter is
// decided: it never stops the member's own root (docs/decisions/0027-rcps.md).
RequestContext rcp_context_for(const RequestContext& root_context, const model::Organization& organization,
                               const AccountScpVerdict& v) {
  auto context = root_context;
  context.set("aws:ResourceAccount", v.account_id);
  if (!organization.id.empty()) {
    context.set("aws:ResourceOrgID", organization.id);
  }
  if (const auto* paths = root_context.find("aws:PrincipalOrgPaths"); paths != nullptr) {
    context.set("aws:ResourceOrgPaths", *paths);
  }
  return context;
}

// The RCPs in force on the path, appended to `policies` at levels path.size() + level, each level assumed
// to allow (AWS attaches RCPFullAWSAccess to every root, OU and account and it cannot be detached: "RCP
// evaluation"), so RCPs only ever add denies. Missing RCP data goes to rcp_unknown: it matters only where
// what is left open could be closed by an RCP.
void add_rcps(const model::Organization& org, const std::vector<ScpCheck>& rcp_checks,
              const TargetIndex& targets, AccountScpVerdict& v, std::vector<PolicyAtLevel>& policies,
              std::vector<const ScpCheck*>& sources, RequestSpaceOptions& options,
              const RequestContext& rcp_context) {
  if (!org.rcps_collected) {
    add_reason(v.rcp_unknown,
               "resource control policies were not collected (organization/"
               "ListPolicies-RESOURCE_CONTROL_POLICY.json)",
               "リソースコントロールポリシー (RCP) が収集されていません (organization/"
               "ListPolicies-RESOURCE_CONTROL_POLICY.json)");
    return;
  }
  for (const auto& root_id : org.root_ids) {
    const auto found = org.rcp_type_status.find(root_id);
    if (found == org.rcp_type_status.end() || found->second == "ENABLED") {
      continue;
    }
    if (found->second.empty()) {
      // Disabling the type detaches every RCP ("Disabling a policy type"): none is in force.
      v.rcp_notes.push_back(
          {fmt::format("The RESOURCE_CONTROL_POLICY policy type is not enabled on root {} (ListRoots): no "
                       "RCP is in force.",
                       root_id),
           fmt::format("組織のルート {} で RESOURCE_CONTROL_POLICY ポリシータイプが有効ではありません "
                       "(ListRoots)。RCP は適用されていません。",
                       root_id)});
      return;
    }
    add_reason(
        v.rcp_unknown,
        fmt::format("the RESOURCE_CONTROL_POLICY policy type on root {} is {}", root_id, found->second),
        fmt::format("組織のルート {} の RESOURCE_CONTROL_POLICY ポリシータイプは {} です", root_id,
                    found->second));
    return;
  }
  for (const auto& check : rcp_checks) {
    if (!check.policy->targets) {
      add_reason(v.rcp_unknown, fmt::format("the targets of RCP {} were not collected", check.policy->id),
                 fmt::format("RCP {} のアタッチ先が収集されていません", check.policy->id));
    }
  }
  const size_t base = v.path.size();
  options.levels = 2 * base;
  options.level_assumed_allow.resize(2 * base, true);
  for (size_t level = 0; level < base; ++level) {
    const auto attached = targets.find(v.path[level].target_id);
    if (attached == targets.end()) {
      continue;
    }
    for (const auto* check : attached->second) {
      const auto label = fmt::format("{} ({})", check->policy->name, check->policy->id);
      v.rcps_considered = true; // an RCP is attached on the path, read or not
      if (!check->content_known) {
        add_reason(v.rcp_unknown,
                   fmt::format("the content of RCP {} attached to {} was not collected", check->policy->id,
                               v.path[level].target_id),
                   fmt::format("{} にアタッチされた RCP {} の内容が収集されていません",
                               v.path[level].target_id, check->policy->id));
        continue;
      }
      if (!check->check.valid) {
        v.rcp_notes.push_back({fmt::format("Invalid RCP ignored: {}.", label),
                               fmt::format("無効な RCP を無視しました: {}。", label)});
        continue;
      }
      for (const auto& ignored : check->rcp_ignored) {
        add_unique(v.rcp_ignored, fmt::format("{} {}", label, ignored));
      }
      policies.push_back({&check->document, PolicyType::kRcp, base + level, label, &rcp_context});
      sources.push_back(check);
    }
  }
}

// What the RCPs did for a verdict, said after its reason: what they close (where the SCPs did not decide
// it all), what they cannot, and why they were left out.
void append_rcp_sentences(AccountScpVerdict& v, bool open_on_rcp_services) {
  const bool fail = v.status == AccountScpStatus::kPartial || v.status == AccountScpStatus::kOpen;
  if (!v.rcp_closed_actions.empty() && v.status != AccountScpStatus::kDenied) {
    const auto closed = describe_actions(v.rcp_closed_actions);
    v.reason.en += fmt::format(" RCPs deny root {} on this account's own resources: {}.", closed.en,
                               rcp_names(v, Lang::kEn));
    ja_append_sentence(v.reason.ja,
                       fmt::format("このアカウント自身のリソースに対する{}は RCP がルートユーザーに"
                                   "拒否しています: {}。",
                                   ja_embed(closed.ja), rcp_names(v, Lang::kJa)));
  }
  if (fail && v.rcps_considered && open_on_rcp_services) {
    // An RCP could close it, but none on the path denies it to this root (a perimeter on
    // aws:PrincipalOrgID, aws:PrincipalAccount or aws:ResourceAccount lets the member's own root through).
    v.reason.en += " No RCP on the path denies root the rest on this account's own resources.";
    ja_append_sentence(v.reason.ja,
                       "経路上の RCP は、このアカウント自身のリソースに対する残りの操作をルートユーザーに"
                       "拒否していません。");
  } else if (fail && v.rcps_considered) {
    v.reason.en += fmt::format(" RCPs cannot close the rest: they apply only to resources of {}, never to "
                               "IAM, EC2, Organizations or account settings.",
                               rcp_services_text());
    ja_append_sentence(v.reason.ja, fmt::format("残りは RCP では閉じられません。RCP が適用されるのは {} の"
                                                "リソースだけで、IAM・EC2・Organizations・アカウント設定には"
                                                "適用されません。",
                                                rcp_services_text()));
  }
  for (const auto& note : v.rcp_notes) {
    v.reason.en += " " + note.en;
    ja_append_sentence(v.reason.ja, note.ja);
  }
}

// Whether every request of the class is on a service that supports RCPs (it matches an action pattern
// whose service is one of them): only such a class could an RCP close.
bool closable_by_rcp(const RequestSpaceResult& space, const RequestClass& request_class) {
  const auto& matches = space.actions.signatures[request_class.action].matches;
  for (size_t k = 0; k < matches.size() && k < space.action_patterns.size(); ++k) {
    const auto& pattern = space.action_patterns[k];
    const auto colon = pattern.find(':');
    if (!matches[k] || colon == std::string::npos) {
      continue;
    }
    const auto service = std::string_view(pattern).substr(0, colon);
    const auto services = rcp_action_services();
    if (std::find(services.begin(), services.end(), service) != services.end()) {
      return true;
    }
  }
  return false;
}

AccountScpVerdict analyze_account(const model::Organization& org, const std::vector<ScpCheck>& checks,
                                  const std::vector<ScpCheck>& rcp_checks,
                                  const model::OrganizationAccount& account, std::string_view partition,
                                  ScpAnalyzer::Memo& memo) {
  AccountScpVerdict v;
  v.account_id = account.id;
  v.account_name = account.name;
  if (account.id == org.management_account_id) {
    v.status = AccountScpStatus::kManagement;
    v.reason = describe(v);
    return v;
  }
  v.path = build_path(org, account, v.unknown_reasons);
  std::vector<const ScpCheck*> unknown_content;
  for (const auto& check : checks) {
    if (!check.policy->targets) {
      add_reason(v.unknown_reasons, fmt::format("the targets of {} were not collected", check.policy->id),
                 fmt::format("{} のアタッチ先が収集されていません", check.policy->id));
    }
  }
  for (auto& level : v.path) {
    const auto attached = memo.targets.find(level.target_id);
    if (attached == memo.targets.end()) {
      continue;
    }
    for (const auto* check : attached->second) {
      level.attached.push_back(check);
      if (!check->content_known) {
        unknown_content.push_back(check);
        add_reason(v.unknown_reasons,
                   fmt::format("the content of {} attached to {} was not collected", check->policy->id,
                               level.target_id),
                   fmt::format("{} にアタッチされた {} の内容が収集されていません", level.target_id,
                               check->policy->id));
      } else if (!check->check.valid) {
        add_unique(v.invalid_policies, check);
      }
    }
  }
  if (v.path.empty()) {
    v.status = AccountScpStatus::kUnknown;
    v.reason = describe(v);
    return v;
  }

  // Every request root could make, split by what the SCPs on the path tell apart (request_space.hpp):
  // denied when a Deny covers it or a level has no Allow for it (AWS Organizations User Guide, "SCP
  // evaluation").
  std::vector<PolicyAtLevel> policies;
  std::vector<const ScpCheck*> sources; // parallel to policies
  RequestSpaceOptions options;
  options.require_allow_per_level = true;
  options.levels = v.path.size();
  options.level_assumed_allow.assign(v.path.size(), false);
  for (size_t level = 0; level < v.path.size(); ++level) {
    const auto& target = v.path[level];
    if (target.attached.empty()) {
      // While SCPs are enabled AWS keeps at least one SCP on every root, OU and account (it refuses to
      // detach the last one), so a level without any in the collected data means data is missing: it
      // must not read as an implicit deny that passes.
      add_reason(v.unknown_reasons,
                 fmt::format("no SCP attached to {} in the collected data (AWS requires at least one)",
                             target.target_id),
                 fmt::format("収集したデータでは {} に SCP がアタッチされていません (AWS では少なくとも 1 つ"
                             "必要です)",
                             target.target_id));
      options.level_assumed_allow[level] = true;
    }
    for (const auto* check : target.attached) {
      if (!check->content_known || !check->check.valid) {
        // Unreadable or invalid policies there might allow anything: err toward "open".
        options.level_assumed_allow[level] = true;
        continue;
      }
      policies.push_back({&check->document, PolicyType::kScp, level,
                          fmt::format("{} ({})", check->policy->name, check->policy->id)});
      sources.push_back(check);
    }
  }
  const size_t scp_count = policies.size(); // policies[scp_count...] are the path's RCPs
  const auto root_context = organization_root_context(org, v, partition);
  const auto rcp_context = rcp_context_for(root_context, org, v);
  add_rcps(org, rcp_checks, memo.rcp_targets, v, policies, sources, options, rcp_context);
  // The memo's key: the partition, the path's root and OUs (they make aws:PrincipalOrgPaths), and per
  // level the policies and whether it is assumed to allow; the account's id only when a policy reads it.
  std::string key = fmt::format("{}|", partition);
  bool per_account = false;
  for (size_t level = 0; level < v.path.size(); ++level) {
    key += level + 1 < v.path.size() ? v.path[level].target_id : std::string("account");
    key += options.level_assumed_allow[level] ? "+|" : "|";
  }
  for (const auto& policy : policies) {
    key += fmt::format("{}@{},", policy.label, policy.level); // RCP levels are path.size() and up
    per_account = per_account || reads_account_id(*policy.document);
  }
  if (per_account) {
    key += "|" + v.account_id;
  }
  std::shared_ptr<const RequestSpaceResult> remembered;
  {
    const std::lock_guard lock(memo.mutex);
    if (const auto found = memo.spaces.find(key); found != memo.spaces.end()) {
      remembered = found->second;
    }
  }
  if (!remembered) {
    // Analysed outside the lock: two threads may both analyse one path, and both answers are the same.
    remembered = std::make_shared<const RequestSpaceResult>(
        analyze_request_space(policies, root_context, partition, options));
    const std::lock_guard lock(memo.mutex);
    memo.spaces.emplace(key, remembered);
    ++memo.analyses;
  }
  const auto& space = *remembered;
  // Denied by the SCPs (a Deny, or a level without an Allow), or left by them and closed by an RCP.
  const auto by_scp = [&](const RequestClass& c) {
    return !c.levels_without_allow.empty() ||
           std::any_of(c.denying_by_policy.begin(), c.denying_by_policy.end(),
                       [&](const auto& entry) { return entry.first < scp_count; });
  };
  const auto by_rcp = [&](const RequestClass& c) {
    return std::any_of(c.denying_by_policy.begin(), c.denying_by_policy.end(),
                       [&](const auto& entry) { return entry.first >= scp_count; });
  };
  for (const auto& request_class : space.classes) {
    for (const auto& label : request_class.conditional) {
      add_unique(v.conditional_denies, label);
    }
    const bool scp_denied = by_scp(request_class);
    for (const auto& [index, statement] : request_class.denying_by_policy) {
      if (index >= scp_count && scp_denied) {
        continue; // the SCPs deny it already: the RCP adds nothing there
      }
      auto& list = index < scp_count ? v.denying : v.rcp_denying;
      const auto* check = sources[index];
      const auto& target_id = v.path[policies[index].level % v.path.size()].target_id;
      auto it = std::find_if(list.begin(), list.end(), [&](const auto& d) {
        return d.policy_id == check->policy->id && d.target_id == target_id;
      });
      if (it == list.end()) {
        list.push_back({check->policy->id, check->policy->name, target_id, {}});
        it = std::prev(list.end());
      }
      add_unique(it->statements, statement);
    }
    for (const size_t level : request_class.levels_without_allow) {
      add_unique(v.levels_without_allow, v.path[level].target_id);
    }
  }
  v.denied_actions = space.describe_where(by_scp);
  v.open_actions = space.describe_where([&](const RequestClass& c) { return !by_scp(c) && !by_rcp(c); });
  v.rcp_closed_actions = space.describe_where([&](const RequestClass& c) { return !by_scp(c) && by_rcp(c); });
  // Missing RCP data matters only when everything left open is on services RCPs apply to.
  const bool rcps_could_close = std::all_of(space.classes.begin(), space.classes.end(),
                                            [&](const RequestClass& c) {
                                              return by_scp(c) || by_rcp(c) || closable_by_rcp(space, c);
                                            }) &&
                                space.complete;
  if (!space.complete) {
    add_reason(v.unknown_reasons, "the SCPs on the path combine too many wildcards to decide exhaustively",
               "経路上の SCP はワイルドカードの組み合わせが多すぎて網羅的に判定できません");
    v.open_actions.emplace_back("?");
  }

  if (v.open_actions.empty()) {
    v.status = AccountScpStatus::kDenied;
  } else if (!v.unknown_reasons.empty()) {
    v.status = AccountScpStatus::kUnknown;
  } else if (!v.rcp_unknown.empty() && rcps_could_close) {
    v.unknown_reasons = v.rcp_unknown;
    v.status = AccountScpStatus::kUnknown;
  } else if (v.denied_actions.empty()) { // RCPs may still close some: said after the reason
    v.status = AccountScpStatus::kOpen;
  } else {
    v.status = AccountScpStatus::kPartial;
  }
  v.reason = describe(v);
  append_rcp_sentences(v, rcps_could_close);
  if (!v.conditional_denies.empty() && v.status != AccountScpStatus::kDenied) {
    const auto list = fmt::format("{}", fmt::join(v.conditional_denies, "; "));
    v.reason.en += fmt::format(" Conditional denies not counted (they depend on region, source IP, MFA or "
                               "time): {}.",
                               list);
    v.reason.ja += fmt::format(
        " 条件付きの拒否 (リージョン・送信元 IP・MFA・時刻などに依存) は数えていません: {}。", list);
  }
  return v;
}

} // namespace

std::string_view to_string(AccountScpStatus status) {
  switch (status) {
  case AccountScpStatus::kDenied:
    return "denied";
  case AccountScpStatus::kPartial:
    return "partial";
  case AccountScpStatus::kOpen:
    return "open";
  case AccountScpStatus::kUnknown:
    return "unknown";
  case AccountScpStatus::kManagement:
    return "management";
  case AccountScpStatus::kNotFound:
    return "not-found";
  }
  return "unknown";
}

namespace {

// Each policy checked against its type's grammar and parsed once. An RCP's document keeps only its
// statements on services that support RCPs (the rest go to rcp_ignored with the reason).
std::vector<ScpCheck> check_policies(const std::vector<model::OrganizationPolicy>& policies,
                                     PolicyType type) {
  std::vector<ScpCheck> checks;
  checks.reserve(policies.size());
  for (const auto& policy : policies) {
    ScpCheck check;
    check.policy = &policy;
    check.content_known = policy.content.has_value();
    if (check.content_known) {
      check.check = check_policy(*policy.content, type);
      if (auto parsed = parse_policy(*policy.content); parsed.document) {
        check.document = type == PolicyType::kRcp
                             ? rcp_effective_document(*parsed.document, check.rcp_ignored)
                             : std::move(*parsed.document);
      }
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

} // namespace

std::vector<ScpCheck> check_organization_scps(const model::Organization& organization) {
  return check_policies(organization.service_control_policies, PolicyType::kScp);
}

std::vector<ScpCheck> check_organization_rcps(const model::Organization& organization) {
  return check_policies(organization.resource_control_policies, PolicyType::kRcp);
}

ScpAnalyzer::ScpAnalyzer(const model::Organization& organization)
    : organization_(organization), checks_(check_organization_scps(organization)),
      rcp_checks_(check_organization_rcps(organization)), memo_(std::make_unique<Memo>()) {
  memo_->targets = index_targets(checks_);
  memo_->rcp_targets = index_targets(rcp_checks_);
  for (const auto& account : organization.accounts) {
    memo_->accounts.emplace(account.id,
                            &account); // the first of a duplicated id, as a scan of the list finds
  }
}

ScpAnalyzer::~ScpAnalyzer() = default;

AccountScpVerdict ScpAnalyzer::verdict(std::string_view account_id, std::string_view partition) const {
  if (const auto found = memo_->accounts.find(std::string(account_id)); found != memo_->accounts.end()) {
    return analyze_account(organization_, checks_, rcp_checks_, *found->second, partition, *memo_);
  }
  AccountScpVerdict verdict;
  verdict.account_id = std::string(account_id);
  verdict.status = AccountScpStatus::kNotFound;
  verdict.reason = describe(verdict);
  return verdict;
}

size_t ScpAnalyzer::analyses() const {
  const std::lock_guard lock(memo_->mutex);
  return memo_->analyses;
}

AccountScpVerdict analyze_account_scps(const model::Organization& organization,
                                       const std::vector<ScpCheck>& checks, std::string_view account_id,
                                       std::string_view partition) {
  for (const auto& account : organization.accounts) {
    if (account.id == account_id) {
      ScpAnalyzer::Memo memo;
      memo.targets = index_targets(checks);
      const auto rcps = check_organization_rcps(organization); // the verdict keeps no pointer into them
      memo.rcp_targets = index_targets(rcps);
      return analyze_account(organization, checks, rcps, account, partition, memo);
    }
  }
  AccountScpVerdict verdict;
  verdict.account_id = std::string(account_id);
  verdict.status = AccountScpStatus::kNotFound;
  verdict.reason = describe(verdict);
  return verdict;
}

OrganizationScpAnalysis analyze_organization_scps(const model::Organization& organization,
                                                  std::string_view partition) {
  OrganizationScpAnalysis analysis;
  analysis.policies = check_organization_scps(organization); // verdicts point into it: filled before them
  ScpAnalyzer::Memo memo;
  memo.targets = index_targets(analysis.policies);
  const auto rcps = check_organization_rcps(organization);
  memo.rcp_targets = index_targets(rcps);
  for (const auto& account : organization.accounts) {
    analysis.accounts.push_back(
        analyze_account(organization, analysis.policies, rcps, account, partition, memo));
  }
  return analysis;
}

const AccountScpVerdict* find_verdict(const OrganizationScpAnalysis& analysis, std::string_view account_id) {
  for (const auto& verdict : analysis.accounts) {
    if (verdict.account_id == account_id) {
      return &verdict;
    }
  }
  return nullptr;
}

} // namespace rg::policy
