#include "controls/root_credentials.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace rg::controls {
namespace {

constexpr auto kReportMaxAge = std::chrono::hours(4); // IAM regenerates the report at most every 4 hours

void add_evidence(std::vector<Evidence>& evidence, std::string name, std::string value) {
  evidence.push_back({std::move(name), std::move(value)});
}

// A summary count as a fact, when the summary has it.
std::optional<CredentialFact> from_summary(const model::Account& account, const char* key,
                                           std::vector<Evidence>& evidence) {
  if (!account.account_summary) {
    return std::nullopt;
  }
  const auto value = account.account_summary->get(key);
  if (!value) {
    return std::nullopt;
  }
  add_evidence(evidence, key, std::to_string(*value));
  return CredentialFact{*value > 0 ? Presence::kPresent : Presence::kAbsent,
                        fmt::format("{} = {}", key, *value)};
}

// Reads `<column>` from the root row as a boolean fact; nullopt when the cell is absent or not a boolean.
std::optional<bool> report_bool(const model::CredentialReportRow* row, const std::string& column,
                                std::vector<Evidence>& evidence) {
  if (row == nullptr) {
    return std::nullopt;
  }
  const auto cell = row->cell(column);
  if (!cell) {
    return std::nullopt;
  }
  add_evidence(evidence, column, std::string(*cell));
  return parse_report_bool(*cell);
}

bool report_has_date(const model::CredentialReportRow* row, const std::string& column) {
  if (row == nullptr) {
    return false;
  }
  const auto cell = row->cell(column);
  return cell && !is_report_sentinel(*cell);
}

// Keys or certificates from the report: slot N is present when active, or inactive with a rotation date.
struct SlotFacts {
  CredentialFact any;
  CredentialFact active;
};

SlotFacts from_report_slots(const model::CredentialReportRow* row, const char* prefix,
                            std::vector<Evidence>& evidence) {
  SlotFacts facts;
  bool all_known = row != nullptr;
  bool any_active = false;
  bool any_present = false;
  std::string seen;
  for (int slot = 1; slot <= 2 && row != nullptr; ++slot) {
    const std::string active_column = fmt::format("{}_{}_active", prefix, slot);
    const auto active = report_bool(row, active_column, evidence);
    if (!active) {
      all_known = false;
      continue;
    }
    seen += fmt::format("{}{} = {}", seen.empty() ? "" : ", ", active_column, *active ? "true" : "false");
    any_active = any_active || *active;
    any_present =
        any_present || *active || report_has_date(row, fmt::format("{}_{}_last_rotated", prefix, slot));
  }
  if (any_active) {
    facts.active = {Presence::kPresent, seen};
  } else if (all_known) {
    facts.active = {Presence::kAbsent, seen};
  }
  if (any_present) {
    facts.any = {Presence::kPresent, seen};
  } else if (all_known) {
    facts.any = {Presence::kAbsent, seen};
  }
  return facts;
}

// GetAccountSummary is read at collection time; the report was generated up to 4 hours earlier. Where they
// disagree on whether a credential exists, the newer one is used (the summary, unless the report was
// generated after the snapshot's clock) and the finding says both, so a key deleted or created since the
// report neither hides nor invents a finding silently.
void combine_summary_and_report(const std::optional<CredentialFact>& summary, const SlotFacts& report,
                                bool report_newer, const LocalizedString& what, CredentialFact& any,
                                CredentialFact& active, std::optional<LocalizedString>& disagreement) {
  if (!summary) {
    any = report.any;
    active = report.active;
    return;
  }
  any = *summary;
  active = summary->presence == Presence::kAbsent ? *summary : report.active;
  const bool summary_none_report_some =
      summary->presence == Presence::kAbsent && report.any.presence == Presence::kPresent;
  const bool summary_some_report_none =
      summary->presence == Presence::kPresent && report.any.presence == Presence::kAbsent;
  if (!summary_none_report_some && !summary_some_report_none) {
    return;
  }
  if (report_newer) {
    any = report.any;
    active = report.active;
  } else if (summary_some_report_none) {
    active = {Presence::kUnknown, summary->seen}; // created after the report: whether it is active is unknown
  }
  const auto& used = report_newer ? report.any.seen : summary->seen;
  LocalizedString note{
      fmt::format(
          "GetAccountSummary ({}) and the credential report ({}) disagree on root's {}; the newer one "
          "is used ({}).",
          summary->seen, report.any.seen, what.en, used),
      fmt::format("ルートユーザーの{}について GetAccountSummary ({}) と認証情報レポート ({}) が一致しません。"
                  "新しいほうを使います ({})。",
                  what.ja, summary->seen, report.any.seen, used)};
  if (disagreement) {
    disagreement->en += " " + note.en;
    disagreement->ja += note.ja;
  } else {
    disagreement = std::move(note);
  }
}

} // namespace

std::optional<bool> parse_report_bool(std::string_view cell) {
  const auto value = to_lower(trim(cell));
  if (value == "true") {
    return true;
  }
  if (value == "false") {
    return false;
  }
  return std::nullopt;
}

bool is_report_sentinel(std::string_view cell) {
  const auto value = to_lower(trim(cell));
  return value.empty() || value == "n/a" || value == "no_information" || value == "not_supported";
}

Result<const model::CredentialReportRow*> root_report_row(const model::Account& account) {
  if (!account.credential_report) {
    return account.credential_report.error();
  }
  const auto* row = account.credential_report->root();
  if (row == nullptr) {
    return Problem{
        ProblemKind::kInvalid, account.credential_report->source, "",
        "the credential report has no <root_account> row (reports in the China partitions may lack it)"};
  }
  return row;
}

bool RootCredentials::has_no_credentials() const {
  return password.presence == Presence::kAbsent && access_keys.presence == Presence::kAbsent &&
         certificates.presence == Presence::kAbsent;
}

LocalizedString RootCredentials::present_list() const {
  LocalizedString list;
  const auto add = [&](const CredentialFact& fact, const char* en, const char* ja) {
    if (fact.presence == Presence::kPresent) {
      list.en += list.en.empty() ? en : fmt::format(", {}", en);
      list.ja += list.ja.empty() ? ja : fmt::format("、{}", ja);
    }
  };
  add(password, "password", "パスワード");
  add(access_keys, "access keys", "アクセスキー");
  add(certificates, "signing certificates", "署名証明書");
  return list;
}

RootCredentials read_root_credentials(const EvaluationInput& input) {
  RootCredentials result;
  const auto& account = input.account;
  const auto row_result = root_report_row(account);
  const model::CredentialReportRow* row = row_result ? *row_result : nullptr;

  if (account.credential_report && row == nullptr) {
    result.report_note = LocalizedString{
        "The credential report has no <root_account> row (China partition reports may lack it).",
        "認証情報レポートに <root_account> 行がありません "
        "(中国リージョンのレポートでは欠けることがあります)。"};
  }
  if (account.credential_report && account.credential_report->generated_time && input.snapshot.collected_at &&
      *input.snapshot.collected_at - *account.credential_report->generated_time > kReportMaxAge) {
    const auto generated = format_iso8601(*account.credential_report->generated_time);
    result.report_note = LocalizedString{
        fmt::format("The credential report was generated at {}, more than 4 hours before the snapshot; "
                    "newer changes are not in it.",
                    generated),
        fmt::format("認証情報レポートの生成時刻 {} はスナップショット取得の 4 時間以上前です。"
                    "それ以降の変更は反映されていません。",
                    generated)};
  }

  // Password: GetAccountSummary is authoritative; the report's password_enabled may read not_supported.
  if (auto fact = from_summary(account, "AccountPasswordPresent", result.evidence)) {
    result.password = *fact;
  } else if (const auto enabled = report_bool(row, "password_enabled", result.evidence)) {
    result.password = {*enabled ? Presence::kPresent : Presence::kAbsent,
                       fmt::format("password_enabled = {}", *enabled ? "true" : "false")};
  }

  const bool report_newer = account.credential_report && account.credential_report->generated_time &&
                            input.snapshot.collected_at &&
                            *account.credential_report->generated_time > *input.snapshot.collected_at;
  const auto keys = from_report_slots(row, "access_key", result.evidence);
  combine_summary_and_report(from_summary(account, "AccountAccessKeysPresent", result.evidence), keys,
                             report_newer, {"access keys", "アクセスキー"}, result.access_keys,
                             result.active_access_keys, result.disagreement);
  const auto certs = from_report_slots(row, "cert", result.evidence);
  combine_summary_and_report(from_summary(account, "AccountSigningCertificatesPresent", result.evidence),
                             certs, report_newer, {"signing certificates", "署名証明書"}, result.certificates,
                             result.active_certificates, result.disagreement);

  if (auto fact = from_summary(account, "AccountMFAEnabled", result.evidence)) {
    result.mfa = *fact;
  } else if (const auto active = report_bool(row, "mfa_active", result.evidence)) {
    result.mfa = {*active ? Presence::kPresent : Presence::kAbsent,
                  fmt::format("mfa_active = {}", *active ? "true" : "false")};
  }
  return result;
}

std::vector<Finding> with_report_note(const RootCredentials& creds, std::vector<Finding> findings) {
  for (const auto* note : {creds.disagreement ? &*creds.disagreement : nullptr,
                           creds.report_note ? &*creds.report_note : nullptr}) {
    if (note == nullptr) {
      continue;
    }
    for (auto& finding : findings) {
      finding.reason.en += " " + note->en;
      ja_append_sentence(finding.reason.ja, note->ja);
    }
  }
  return findings;
}

LocalizedString no_credentials_reason(const RootCredentials& creds, std::string_view consequence_en,
                                      std::string_view consequence_ja) {
  return {fmt::format("Root has no password, access keys or signing certificates ({}; {}; {}), so {}.",
                      creds.password.seen, creds.access_keys.seen, creds.certificates.seen, consequence_en),
          fmt::format("ルートユーザーにはパスワード、アクセスキー、署名証明書がありません ({}、{}、{})。{}。",
                      creds.password.seen, creds.access_keys.seen, creds.certificates.seen, consequence_ja)};
}

Finding mfa_unknown_finding(const Control& control, const EvaluationInput& input,
                            const RootCredentials& creds) {
  const auto row = root_report_row(input.account);
  if (!input.account.account_summary && !row) {
    return unknown_finding(control, input, {input.account.account_summary.error(), row.error()});
  }
  return root_finding(
      control, input, Status::kUnknown,
      {"Cannot tell whether root has MFA: neither AccountMFAEnabled nor mfa_active was readable.",
       "ルートユーザーの MFA を判定できません: AccountMFAEnabled も mfa_active も読み取れませんでした。"},
      creds.evidence);
}

} // namespace rg::controls
