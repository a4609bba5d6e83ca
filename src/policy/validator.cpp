#include "policy/validator.hpp"

#include "policy/condition_operator.hpp"
#include "policy/ip_address.hpp"
#include "policy/rcp_services.hpp"
#include "policy/variables.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace rg::policy {
namespace {

bool is_action_pattern(std::string_view value) {
  if (value == "*") {
    return true;
  }
  const auto colon = value.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == value.size()) {
    return false;
  }
  for (const char c : value.substr(0, colon)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '*' || c == '?';
    if (!ok) {
      return false;
    }
  }
  return value.find(':', colon + 1) == std::string_view::npos;
}

size_t colon_count(std::string_view value) {
  size_t n = 0;
  for (const char c : value) {
    n += c == ':' ? 1 : 0;
  }
  return n;
}

bool is_resource_pattern(std::string_view value) {
  return value == "*" || (value.starts_with("arn:") && colon_count(value) >= 5);
}

bool sid_chars_ok(std::string_view sid) {
  return std::ranges::all_of(
      sid, [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

bool mentions_root(const ConditionTest& test) {
  const auto key = to_lower(test.key);
  return std::ranges::any_of(test.values, [&key](const std::string& value) {
    return ((key == "aws:principalarn" || key == "aws:sourcearn") && value.ends_with(":root")) ||
           (key == "aws:principaltype" && (iequals(value, "Root") || iequals(value, "Account")));
  });
}

class Validator {
public:
  Validator(const Document& document, PolicyType type) : doc_(document), type_(type) {}

  std::vector<PolicyProblem> run() {
    check_size();
    if (type_ == PolicyType::kRcp) {
      check_rcp_version();
    }
    std::map<std::string, std::string> sids;
    for (const auto& st : doc_.statements) {
      check_statement(st, sids);
    }
    return problems_.take();
  }

private:
  void check_size() {
    if (type_ == PolicyType::kRcp && doc_.size_all_characters > kScpMaxCharacters) {
      problems_.error(
          "size-exceeded", "$",
          fmt::format("The RCP has {} characters; AWS Organizations allows {} and counts every "
                      "character, whitespace included.",
                      doc_.size_all_characters, kScpMaxCharacters),
          fmt::format("RCP が {} 文字あります。AWS Organizations の上限は {} 文字で、空白も数えます。",
                      doc_.size_all_characters, kScpMaxCharacters));
    }
    if (type_ == PolicyType::kScp && doc_.size_all_characters > kScpMaxCharacters) {
      problems_.error(
          "size-exceeded", "$",
          fmt::format("The SCP has {} characters; AWS Organizations allows {} and counts every "
                      "character, whitespace included. Remove whitespace or split the policy.",
                      doc_.size_all_characters, kScpMaxCharacters),
          fmt::format("SCP が {} 文字あります。AWS Organizations の上限は {} 文字で、空白も数えます。"
                      "空白を削るかポリシーを分割してください。",
                      doc_.size_all_characters, kScpMaxCharacters));
    }
    // The quota page says "5,120 characters"; AWS support has answered that the limit is in bytes. With
    // only ASCII both agree; with multi-byte text (Japanese in a Sid or value) only bytes can exceed it.
    if (type_ == PolicyType::kScp && doc_.size_all_characters <= kScpMaxCharacters &&
        doc_.size_bytes > kScpMaxCharacters) {
      problems_.warning(
          "size-bytes-exceeded", "$",
          fmt::format(
              "The SCP has {} characters but {} bytes in UTF-8; AWS documents a limit of {} characters "
              "and has been reported to count bytes, so it may be rejected. Keep SCPs ASCII.",
              doc_.size_all_characters, doc_.size_bytes, kScpMaxCharacters),
          fmt::format("SCP は {} 文字ですが UTF-8 で {} バイトあります。AWS の上限は {} 文字と記載されて"
                      "いますが、バイト数で数えるとの回答もあり、拒否される可能性があります。SCP は ASCII "
                      "だけで書いてください。",
                      doc_.size_all_characters, doc_.size_bytes, kScpMaxCharacters));
    }
    if (type_ == PolicyType::kIdentity && doc_.size_non_whitespace > kManagedPolicyMaxCharacters) {
      problems_.error(
          "size-exceeded", "$",
          fmt::format("The policy has {} characters excluding whitespace; a managed policy allows {}.",
                      doc_.size_non_whitespace, kManagedPolicyMaxCharacters),
          fmt::format("空白を除いて {} 文字あります。管理ポリシーの上限は {} 文字です。",
                      doc_.size_non_whitespace, kManagedPolicyMaxCharacters));
    }
  }

  void check_statement(const Statement& st, std::map<std::string, std::string>& sids) {
    if (st.sid) {
      const auto sid_path = st.path + ".Sid";
      if (!st.sid->empty()) {
        auto [it, inserted] = sids.emplace(*st.sid, st.path);
        if (!inserted) {
          problems_.error(
              "sid-duplicate", sid_path,
              fmt::format("Sid \"{}\" is already used by {}; Sids must be unique within a policy.", *st.sid,
                          it->second),
              fmt::format("Sid \"{}\" は {} で既に使われています。Sid はポリシー内で一意にします。", *st.sid,
                          it->second));
        }
      }
      if (type_ != PolicyType::kResource && !sid_chars_ok(*st.sid)) {
        problems_.warning(
            "sid-format", sid_path,
            fmt::format("Sid \"{}\" has characters other than A-Z, a-z and 0-9, which IAM and "
                        "Organizations reject in this policy type.",
                        *st.sid),
            fmt::format("Sid \"{}\" に A-Z・a-z・0-9 以外の文字があります。このポリシー種別では "
                        "IAM と Organizations が受け付けません。",
                        *st.sid));
      }
    }
    check_principal(st);
    if (type_ == PolicyType::kRcp) {
      check_rcp_statement(st);
    }
    if (st.action) {
      for (size_t i = 0; i < st.action->values.size(); ++i) {
        const auto& value = st.action->values[i];
        if (!is_action_pattern(value)) {
          problems_.error(
              "action-format", st.action->value_paths[i],
              fmt::format("\"{}\" is not an action: write \"service:Action\" (wildcards allowed) or "
                          "\"*\".",
                          value),
              fmt::format("\"{}\" はアクションではありません。\"service:Action\" (ワイルドカード可) "
                          "または \"*\" と書きます。",
                          value));
        }
      }
    }
    if (st.resource) {
      for (size_t i = 0; i < st.resource->values.size(); ++i) {
        const auto& value = st.resource->values[i];
        if (!is_resource_pattern(value)) {
          problems_.error(
              "resource-format", st.resource->value_paths[i],
              fmt::format("\"{}\" is not a resource: write an ARN (arn:partition:service:region:"
                          "account:resource) or \"*\".",
                          value),
              fmt::format("\"{}\" はリソースではありません。ARN (arn:partition:service:region:account:"
                          "resource) か \"*\" を書きます。",
                          value));
        }
        warn_variables(value, st.resource->value_paths[i]);
      }
    }
    bool targets_root = false;
    for (const auto& test : st.conditions) {
      check_condition(test);
      targets_root = targets_root || mentions_root(test);
    }
    if (type_ == PolicyType::kIdentity && targets_root) {
      problems_.warning(
          "identity-cannot-restrict-root", st.path,
          "This statement tries to single out the root user, but identity policies attach to IAM "
          "users, groups and roles and never apply to root. Use an SCP in AWS Organizations.",
          "このステートメントはルートユーザーを対象にしようとしていますが、アイデンティティポリシーは "
          "IAM ユーザー・グループ・ロールにアタッチされるもので、ルートユーザーには適用されません。AWS "
          "Organizations の SCP を使ってください。");
    }
  }

  // AWS Organizations User Guide, "RCP syntax": every RCP has Version "2012-10-17"; its elements are
  // Version, Statement, Sid, Effect, Principal, Action, Resource, NotResource and Condition (no NotAction,
  // no NotPrincipal); the effect Allow is supported only for the RCPFullAWSAccess policy AWS attaches.
  void check_rcp_version() {
    if (!doc_.version || *doc_.version != "2012-10-17") {
      problems_.error("rcp-version-required", "$.Version",
                      R"(An RCP must have "Version": "2012-10-17"; AWS Organizations rejects it otherwise.)",
                      "RCP には \"Version\": \"2012-10-17\" が必要です。ないと AWS Organizations が受け付け"
                      "ません。");
    }
  }

  static bool is_full_access_statement(const Statement& st) {
    const auto only_star = [](const std::optional<MatchList>& list) {
      return list && !list->negated && list->values.size() == 1 && list->values[0] == "*";
    };
    return only_star(st.action) && only_star(st.resource) && st.principal && st.principal->wildcard &&
           !st.principal->negated && st.conditions.empty();
  }

  // AWS Organizations User Guide, "Resource control policies (RCPs)": RCPs apply only to the services
  // listed there, so an action or an exempted resource of any other service changes nothing.
  void check_rcp_services(const Statement& st) {
    if (st.action && !st.action->negated) {
      for (size_t i = 0; i < st.action->values.size() && i < st.action->value_paths.size(); ++i) {
        const auto& value = st.action->values[i];
        if (!action_reaches_rcp_service(value)) {
          problems_.warning(
              "rcp-service-not-supported", st.action->value_paths[i],
              fmt::format("\"{}\" has no effect: its service does not support RCPs (they apply to {} "
                          "only). To restrict it, use an SCP.",
                          value, rcp_services_text()),
              fmt::format("\"{}\" は効果がありません。このサービスは RCP に対応していません (対応するのは "
                          "{} だけです)。制限するには SCP を使ってください。",
                          value, rcp_services_text()));
        }
      }
    }
    if (st.resource && st.resource->negated) {
      for (size_t i = 0; i < st.resource->values.size() && i < st.resource->value_paths.size(); ++i) {
        const auto& value = st.resource->values[i];
        if (!resource_reaches_rcp_service(value)) {
          problems_.warning(
              "rcp-service-not-supported", st.resource->value_paths[i],
              fmt::format("NotResource \"{}\" has no effect: its service does not support RCPs, so "
                          "the RCP never restricted it (RCPs apply to {} only).",
                          value, rcp_services_text()),
              fmt::format("NotResource \"{}\" は効果がありません。このサービスは RCP に対応しておらず、"
                          "もともと RCP の制限対象ではありません (対応するのは {} だけです)。",
                          value, rcp_services_text()));
        }
      }
    }
  }

  void check_rcp_statement(const Statement& st) {
    if (st.effect == Effect::kAllow && !is_full_access_statement(st)) {
      problems_.error(
          "rcp-allow-not-supported", st.path + ".Effect",
          "RCPs support the effect Allow only in RCPFullAWSAccess, which AWS attaches itself: an "
          "RCP you write can only Deny. AWS rejects this policy.",
          "RCP で Allow が使えるのは AWS が自動でアタッチする RCPFullAWSAccess だけです。作成する "
          "RCP は Deny のみで、このポリシーは受け付けられません。");
    }
    check_rcp_services(st);
    if (st.action && st.action->negated) {
      problems_.error("rcp-not-action-not-supported", st.action->path,
                      "RCPs do not support NotAction: list the actions to deny in Action.",
                      "RCP は NotAction をサポートしません。拒否するアクションを Action に列挙します。");
    }
    if (!st.principal) {
      problems_.error("rcp-principal-required", st.path,
                      "An RCP statement needs \"Principal\": \"*\"; narrow who it applies to with a "
                      "Condition (aws:PrincipalOrgID, aws:PrincipalArn, ...).",
                      "RCP のステートメントには \"Principal\": \"*\" が必要です。対象は Condition "
                      "(aws:PrincipalOrgID、aws:PrincipalArn など) で絞ります。");
    } else if (st.principal->negated) {
      problems_.error("rcp-not-principal-not-supported", st.principal->path,
                      "RCPs do not support NotPrincipal: use \"Principal\": \"*\" with a Condition on "
                      "aws:PrincipalArn (ArnNotLike).",
                      "RCP は NotPrincipal をサポートしません。\"Principal\": \"*\" と aws:PrincipalArn の "
                      "Condition (ArnNotLike) を使います。");
    } else if (!st.principal->wildcard) {
      problems_.error("rcp-principal-must-be-star", st.principal->path,
                      "In an RCP, Principal can only be \"*\": name principals in a Condition "
                      "(aws:PrincipalArn, aws:PrincipalAccount) instead.",
                      "RCP の Principal には \"*\" しか書けません。プリンシパルは Condition "
                      "(aws:PrincipalArn、aws:PrincipalAccount) で指定します。");
    }
  }

  void check_principal(const Statement& st) {
    if (type_ == PolicyType::kScp && st.principal) {
      problems_.error(
          "scp-principal-not-supported", st.principal->path,
          "SCPs do not support Principal or NotPrincipal: AWS rejects this policy, so it restricts "
          "nobody. An SCP already applies to every principal of the member accounts; to target the root "
          "user add a Condition such as \"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:root\"}.",
          "SCP は Principal と NotPrincipal をサポートしません。AWS はこのポリシーを受け付けず、誰も制限"
          "されません。SCP はメンバーアカウントのすべてのプリンシパルに適用されるため、ルートユーザーを"
          "対象にするには \"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:root\"} のような "
          "Condition を追加します。");
    }
    if (type_ == PolicyType::kIdentity && st.principal) {
      problems_.error(
          "identity-principal-not-supported", st.principal->path,
          "Identity policies have no Principal or NotPrincipal: the principal is whoever the policy is "
          "attached to.",
          "アイデンティティポリシーに Principal や NotPrincipal は書けません。プリンシパルはポリシーの"
          "アタッチ先です。");
    }
    if (type_ == PolicyType::kResource && st.principal) {
      check_resource_principal(st);
    }
    if (type_ == PolicyType::kResource && !st.principal) {
      problems_.error(
          "resource-principal-missing", st.path,
          "A resource policy statement needs Principal (or NotPrincipal): it says who the statement is "
          "about.",
          "リソースポリシーのステートメントには Principal (または NotPrincipal) が必要です。");
    }
  }

  // IAM User Guide, "AWS JSON policy elements: NotPrincipal": "NotPrincipal must be used with
  // "Effect":"Deny". Using it with "Effect":"Allow" is not supported." And "...: Principal": a wildcard
  // cannot match part of a principal name or ARN; only "*" (every principal) is allowed.
  void check_resource_principal(const Statement& st) {
    const auto& principal = *st.principal;
    if (principal.negated && st.effect == Effect::kAllow) {
      problems_.error(
          "not-principal-with-allow", principal.path,
          "NotPrincipal is supported only with \"Effect\": \"Deny\"; with Allow AWS does not "
          "support it. Use Principal \"*\" with a Condition on aws:PrincipalArn (ArnNotLike) "
          "instead.",
          "NotPrincipal は \"Effect\": \"Deny\" でのみ使えます。Allow では AWS がサポートしません。"
          "代わりに Principal \"*\" と aws:PrincipalArn の条件 (ArnNotLike) を使ってください。");
    }
    for (const auto& [type, identifiers] : principal.entries) {
      for (const auto& identifier : identifiers) {
        if (identifier == "*" || identifier.find_first_of("*?") == std::string::npos) {
          continue;
        }
        problems_.error(
            "principal-partial-wildcard", principal.path,
            fmt::format("\"{}\" uses a wildcard inside a principal: AWS accepts only \"*\" as a whole "
                        "principal, so this policy is rejected. Use \"*\" with a Condition such as "
                        "\"ArnLike\": {{\"aws:PrincipalArn\": \"{}\"}}.",
                        identifier, identifier),
            fmt::format("\"{}\" はプリンシパルの一部にワイルドカードを使っています。AWS が受け付けるのは"
                        "プリンシパル全体としての \"*\" だけなので、このポリシーは拒否されます。\"*\" と "
                        "\"ArnLike\": {{\"aws:PrincipalArn\": \"{}\"}} のような Condition を使ってください。",
                        identifier, identifier));
      }
    }
  }

  void check_condition(const ConditionTest& test) {
    const auto op = parse_condition_operator(test.operator_name);
    if (!op) {
      problems_.error(
          "condition-operator-unknown", test.path,
          fmt::format("\"{}\" is not an IAM condition operator (names are case-sensitive; Null takes no "
                      "IfExists or set qualifier). The test never matches.",
                      test.operator_name),
          fmt::format("\"{}\" は IAM の条件演算子ではありません (大文字小文字を区別し、Null には "
                      "IfExists や集合修飾子を付けられません)。この条件は一致しません。",
                      test.operator_name));
      return;
    }
    if (test.key.empty()) {
      problems_.error("condition-key-empty", test.path, "Empty condition key.", "条件キーが空です。");
    }
    const auto key = to_lower(test.key);
    for (const auto& value : test.values) {
      check_condition_value(*op, test, key, value);
    }
  }

  void check_condition_value(const ConditionOperator& op, const ConditionTest& test, const std::string& key,
                             const std::string& value) {
    const bool wildcard = value.find_first_of("*?") != std::string::npos;
    if (key == "aws:principaltype" && iequals(value, "Root")) {
      problems_.warning(
          "principal-type-root", test.path,
          "aws:PrincipalType is never \"Root\": for the root user it is \"Account\", so this test "
          "does not match root. To single out root, test aws:PrincipalArn with ArnLike "
          "arn:aws:iam::*:root.",
          "aws:PrincipalType が \"Root\" になることはありません。ルートユーザーでは \"Account\" "
          "のため、この条件はルートユーザーに一致しません。ルートユーザーを対象にするには aws:PrincipalArn "
          "を ArnLike "
          "arn:aws:iam::*:root で判定します。");
    }
    if (is_string_family(op.base) && !supports_wildcards(op.base) && wildcard && !has_variables(value)) {
      problems_.warning(
          "string-equals-wildcard", test.path,
          fmt::format("{} compares \"{}\" literally: * and ? are wildcards only in StringLike and "
                      "ArnLike. This test matches only a value containing those characters.",
                      test.operator_name, value),
          fmt::format("{} は \"{}\" を文字どおり比較します。* と ? がワイルドカードになるのは "
                      "StringLike と ArnLike だけです。この条件はその文字を含む値にしか一致しません。",
                      test.operator_name, value));
    }
    if (is_arn_family(op.base) && value != "*" && colon_count(value) < 5 && !has_variables(value)) {
      problems_.warning(
          "arn-pattern-malformed", test.path,
          fmt::format("\"{}\" has fewer than six colon-separated parts: {} compares ARNs part by "
                      "part, so it matches nothing (StringLike would let * span colons).",
                      value, test.operator_name),
          fmt::format("\"{}\" はコロン区切りの 6 要素に足りません。{} は ARN を要素ごとに比較するため、"
                      "何にも一致しません (StringLike なら * がコロンをまたぎます)。",
                      value, test.operator_name));
    }
    bool bad = false;
    switch (op.base) {
    case BaseOperator::kBool:
    case BaseOperator::kNull:
      bad = !iequals(value, "true") && !iequals(value, "false");
      break;
    case BaseOperator::kIpAddress:
    case BaseOperator::kNotIpAddress:
      bad = !is_valid_cidr(value);
      break;
    case BaseOperator::kDateEquals:
    case BaseOperator::kDateNotEquals:
    case BaseOperator::kDateLessThan:
    case BaseOperator::kDateLessThanEquals:
    case BaseOperator::kDateGreaterThan:
    case BaseOperator::kDateGreaterThanEquals:
      bad = !parse_iso8601(value) && value.find_first_not_of("0123456789") != std::string::npos;
      break;
    case BaseOperator::kNumericEquals:
    case BaseOperator::kNumericNotEquals:
    case BaseOperator::kNumericLessThan:
    case BaseOperator::kNumericLessThanEquals:
    case BaseOperator::kNumericGreaterThan:
    case BaseOperator::kNumericGreaterThanEquals:
      bad = value.empty() || value.find_first_not_of("0123456789.-+eE") != std::string::npos;
      break;
    default:
      break;
    }
    if (bad) {
      problems_.warning("condition-value-invalid", test.path,
                        fmt::format("\"{}\" is not a valid value for {}; the test never matches it.", value,
                                    test.operator_name),
                        fmt::format("\"{}\" は {} の値として不正です。この値には一致しません。", value,
                                    test.operator_name));
    }
    warn_variables(value, test.path);
  }

  void warn_variables(const std::string& value, const std::string& path) {
    const bool modern = doc_.version && *doc_.version == "2012-10-17";
    if (!modern && has_variables(value)) {
      problems_.warning(
          "variable-needs-version", path,
          fmt::format("\"{}\" uses a policy variable, but without \"Version\": \"2012-10-17\" it is "
                      "matched as literal text.",
                      value),
          fmt::format("\"{}\" はポリシー変数を使っていますが、\"Version\": \"2012-10-17\" がないため文字"
                      "どおりに比較されます。",
                      value));
    }
  }

  const Document& doc_;
  PolicyType type_;
  ProblemList problems_;
};

} // namespace

std::vector<PolicyProblem> validate_policy(const Document& document, PolicyType type) {
  return Validator(document, type).run();
}

} // namespace rg::policy
