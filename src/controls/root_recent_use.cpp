// root-recent-use (CIS "eliminate use of the root user"): root's password and keys were not used within
// --root-usage-days of the snapshot. Every date counts; sentinels never hide a real date.
#include "controls/catalog_entries.hpp"
#include "controls/root_credentials.hpp"

#include <array>
#include <fmt/format.h>
#include <optional>

namespace rg::controls {
namespace {

constexpr std::array<const char*, 3> kUsageColumns = {"password_last_used", "access_key_1_last_used_date",
                                                      "access_key_2_last_used_date"};

struct UsageDates {
  std::optional<TimePoint> most_recent;
  std::string most_recent_column;
  std::vector<std::string>
      unreadable; // columns absent or holding something that is neither date nor sentinel
  std::vector<Evidence> seen;
};

UsageDates read_usage_dates(const model::CredentialReportRow& row) {
  UsageDates dates;
  for (const char* column : kUsageColumns) {
    const auto cell = row.cell(column);
    if (!cell) {
      dates.unreadable.push_back(fmt::format("{} (column absent)", column));
      continue;
    }
    dates.seen.push_back({column, std::string(*cell)});
    if (is_report_sentinel(*cell)) {
      continue;
    }
    const auto time = parse_iso8601(*cell);
    if (!time) {
      dates.unreadable.push_back(fmt::format("{} = \"{}\" (not a date)", column, *cell));
      continue;
    }
    if (!dates.most_recent || *time > *dates.most_recent) {
      dates.most_recent = *time;
      dates.most_recent_column = column;
    }
  }
  return dates;
}

std::string quote_seen(const std::vector<Evidence>& seen) {
  std::string text;
  for (const auto& item : seen) {
    text += fmt::format("{}{} = {}", text.empty() ? "" : ", ", item.name, item.value);
  }
  return text;
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

std::vector<Finding> decide(const Control& control, const EvaluationInput& input,
                            const RootCredentials& /*creds*/) {
  const auto row = root_report_row(input.account);
  if (!row) {
    return {unknown_finding(control, input, row.error())};
  }
  if (!input.options.as_of) {
    return {unknown_finding(
        control, input,
        Problem{ProblemKind::kAbsent, "snapshot.json", "$.collected_at",
                "no clock to measure recent use against: collected_at unreadable and no --as-of"})};
  }
  const auto as_of = *input.options.as_of;
  const auto dates = read_usage_dates(**row);
  const int window = input.options.root_usage_days;
  const auto window_start = as_of - std::chrono::days(window);
  const auto seen = quote_seen(dates.seen);

  if (dates.most_recent && *dates.most_recent >= window_start) {
    const auto when = format_iso8601(*dates.most_recent);
    const long age = days_between(*dates.most_recent, as_of);
    return {root_finding(
        control, input, Status::kFail,
        {fmt::format("Root was used {} days before {} ({} = {}), within the {}-day window. Seen: {}.", age,
                     format_iso8601(as_of), dates.most_recent_column, when, window, seen),
         fmt::format("ルートユーザーが {} の {} 日前に使用されました ({} = {})。{} 日の判定期間内です。"
                     "確認した値: {}。",
                     format_iso8601(as_of), age, dates.most_recent_column, when, window, seen)},
        dates.seen)};
  }
  if (!dates.unreadable.empty()) {
    const auto which = join(dates.unreadable);
    return {root_finding(
        control, input, Status::kUnknown,
        {fmt::format("Cannot rule out recent root use: {} unreadable. Seen: {}.", which, seen),
         fmt::format("最近のルートユーザーの使用を否定できません: {} が読み取れません。確認した値: {}。",
                     which, seen)},
        dates.seen)};
  }
  if (!dates.most_recent) {
    return {root_finding(
        control, input, Status::kPass,
        {fmt::format("Root's password and access keys have no recorded use ({}).", seen),
         fmt::format("ルートユーザーのパスワードとアクセスキーに使用記録はありません ({})。", seen)},
        dates.seen)};
  }
  const auto when = format_iso8601(*dates.most_recent);
  const long age = days_between(*dates.most_recent, as_of);
  return {root_finding(
      control, input, Status::kPass,
      {fmt::format("Root was last used {} days before {} ({} = {}), outside the {}-day window. "
                   "Seen: {}.",
                   age, format_iso8601(as_of), dates.most_recent_column, when, window, seen),
       fmt::format("ルートユーザーの最終使用は {} の {} 日前です ({} = {})。{} 日の判定期間外です。"
                   "確認した値: {}。",
                   format_iso8601(as_of), age, dates.most_recent_column, when, window, seen)},
      dates.seen)};
}

// CloudTrail says when and from where root was last used; a recent use there fails the control even when
// the credential report (password and keys only, up to 4 hours old) saw nothing.
std::vector<Finding> add_trail_evidence(std::vector<Finding> findings, const EvaluationInput& input) {
  const auto* trail = input.options.trail;
  if (trail == nullptr || findings.empty() || !input.options.as_of) {
    return findings;
  }
  auto& finding = findings.front();
  const auto as_of = *input.options.as_of;
  const auto found = trail->last_use.find(input.account.id);
  if (found == trail->last_use.end()) {
    finding.reason.en +=
        fmt::format(" CloudTrail ({} files read) shows no root use in this account.", trail->files);
    ja_append_sentence(
        finding.reason.ja,
        fmt::format("CloudTrail ({} ファイル) にこのアカウントのルートユーザーの使用はありません。",
                    trail->files));
    return findings;
  }
  const auto& use = found->second;
  const auto when = format_iso8601(use.time);
  const long age = days_between(use.time, as_of);
  const std::string session_en = use.assumed_root ? " in an sts:AssumeRoot session" : "";
  const std::string session_ja = use.assumed_root ? " (sts:AssumeRoot セッション)" : "";
  const auto ip = use.source_ip.empty() ? std::string("an unknown address") : use.source_ip;
  LocalizedString trail_text{
      fmt::format("CloudTrail: root last used {} days before {}: {} at {} from {}{} (event {}).", age,
                  format_iso8601(as_of), use.event_name, when, ip, session_en, use.event_id),
      fmt::format("CloudTrail: ルートユーザーの最終使用は {} の {} 日前、{} に {} から {}{} (イベント {})。",
                  format_iso8601(as_of), age, when, ip, use.event_name, session_ja, use.event_id)};
  finding.evidence.push_back(
      {"cloudtrail_last_root_use", fmt::format("{} {} {} {}", when, use.event_name, ip, use.event_id)});
  const bool recent = use.time >= as_of - std::chrono::days(input.options.root_usage_days);
  if (recent && finding.status != Status::kFail) {
    finding.status = Status::kFail;
    finding.reason = {fmt::format("{} That is within the {}-day window. Credential report: {}", trail_text.en,
                                  input.options.root_usage_days, finding.reason.en),
                      fmt::format("{}{} 日の判定期間内です。認証情報レポート: {}", trail_text.ja,
                                  input.options.root_usage_days, finding.reason.ja)};
  } else {
    finding.reason.en += " " + trail_text.en;
    ja_append_sentence(finding.reason.ja, trail_text.ja);
  }
  return findings;
}

std::vector<Finding> evaluate(const Control& control, const EvaluationInput& input) {
  const auto creds = read_root_credentials(input);
  return add_trail_evidence(with_report_note(creds, decide(control, input, creds)), input);
}

} // namespace

constinit const Control kRootRecentUse{
    .rule =
        {
            .id = "root-recent-use",
            .kind = RuleKind::kPosture,
            .severity = Severity::kHigh,
            .title = {"Root user was not used recently",
                      "ルートユーザーの日常的な使用を避ける必要があります"},
            .risk =
                {"Every root sign-in or root API call exercises credentials that no policy can limit. "
                 "Regular use means the password and MFA are handled often, and an attacker's use blends in.",
                 "ルートユーザーのサインインや API "
                 "呼び出しは、どのポリシーでも制限できない認証情報を使います。日常的に"
                 "使うほどパスワードと MFA を扱う機会が増え、攻撃者による使用も紛れ込みやすくなります。"},
            .explanation =
                {"CIS \"eliminate use of the root user for administrative and daily tasks\". The most "
                 "recent of password_last_used, access_key_1_last_used_date and "
                 "access_key_2_last_used_date is compared with the snapshot's collected_at (or "
                 "--as-of); N/A and no_information mean \"never\" and never hide a real date. Peers "
                 "read only the first date, compare strings, or invert the comparison. Security Hub "
                 "IAM.20, which articles still cite for this, was retired in April 2024 and really "
                 "checked the CloudWatch metric filter and alarm chain (rootguard's root-usage-alarm), "
                 "not actual use.",
                 "CIS「管理および日常業務でのルートユーザーの使用を排除する」に対応します。"
                 "password_last_used、access_key_1_last_used_date、access_key_2_last_used_date の最新の"
                 "日時をスナップショットの collected_at (または --as-of) と比較します。N/A と "
                 "no_information は「未使用」を意味し、実際の日時を隠すことはありません。他のスキャナーは"
                 "最初の日時しか見ない、文字列で比較する、比較が逆になっている、といった誤りがあります。"
                 "多くの記事が引用する Security Hub IAM.20 は 2024 年 4 月に廃止されており、実際の使用では"
                 "なく CloudWatch のメトリクスフィルターとアラームの連鎖 (rootguard の root-usage-alarm) "
                 "を確認するものでした。"},
            .mappings =
                {.security_hub_retired = "IAM.20",
                 .cis = {.v1_2 = "1.1", .v1_4_to_v4_0 = "1.7", .v5_0 = "1.6", .v6_0 = "2.6", .v7_0 = "2.7"}},
            .remediation =
                {.console =
                     {"1. Find out who used root and why: run rootguard trail on the account's CloudTrail "
                      "logs, or CloudTrail > Event history filtered by User name = root.\n"
                      "2. Give that task to an IAM role or IAM Identity Center permission set; only the "
                      "documented root-only tasks need root.\n"
                      "3. If the use was not expected, rotate the root password, check root's MFA devices "
                      "and access keys, and investigate as an incident.\n"
                      "4. Member accounts: use centralized root access (sts:AssumeRoot) for root-only "
                      "tasks instead of root sign-in.",
                      "1. 誰がなぜルートユーザーを使ったかを確認します: rootguard trail でアカウントの "
                      "CloudTrail "
                      "ログを調べるか、CloudTrail > イベント履歴 で ユーザー名 = root で絞り込みます。\n"
                      "2. その作業を IAM ロールまたは IAM Identity Center "
                      "の権限セットに移します。ルートユーザーが"
                      "必要なのは文書化されたルートユーザー専用のタスクだけです。\n"
                      "3. 想定外の使用であれば、ルートユーザーのパスワードを変更し、MFA "
                      "デバイスとアクセスキーを確認"
                      "して、インシデントとして調査します。\n"
                      "4. "
                      "メンバーアカウントでは、ルートユーザーでのサインインではなくルートアクセスの一元管理 "
                      "(sts:AssumeRoot) でルートユーザー専用のタスクを実行します。"},
                 .cli = "# Who used root, from where (CloudTrail event history, last 90 days, per region):\n"
                        "aws cloudtrail lookup-events \\\n"
                        "  --lookup-attributes AttributeKey=Username,AttributeValue=root \\\n"
                        "  --max-results 50 --query 'Events[].[EventTime,EventName,EventSource]'\n"
                        "# Refresh the credential report that this control reads: IAM builds it\n"
                        "# asynchronously, so ask until it is COMPLETE (a bounded number of times):\n"
                        "for _ in 1 2 3 4 5 6 7 8 9 10; do\n"
                        "  state=$(aws iam generate-credential-report --query State --output text)\n"
                        "  [ \"$state\" = COMPLETE ] && break\n"
                        "  sleep 3\n"
                        "done\n"
                        "aws iam get-credential-report --query Content --output text | base64 -d",
                 .terraform = "",
                 .limits =
                     {"This is a practice, not a setting: no API or Terraform resource stops people from "
                      "using root. Monitor it with root-usage-alarm and restrict it with org-root-scp.",
                      "これは設定ではなく運用の問題で、ルートユーザーの使用を止める API や Terraform "
                      "リソースは"
                      "ありません。root-usage-alarm で監視し、org-root-scp で制限してください。"}},
        },
    .evaluate = evaluate,
};

} // namespace rg::controls
