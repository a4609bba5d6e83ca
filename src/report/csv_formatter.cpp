// --format csv: one row per finding for spreadsheets. RFC 4180 quoting and CRLF, a UTF-8 BOM so Excel in
// Japan does not read it as Shift_JIS, and formula-looking cells defused (CSV injection).
#include "remediate/remediation.hpp"
#include "report/report.hpp"

#include <array>
#include <string>

namespace rg::report {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Excel evaluates a cell starting with = + - @ (or tab/CR, which it strips first) as a formula: a
// leading apostrophe makes it text. Reasons and resource names can carry attacker-chosen text.
std::string neutralise(std::string_view cell) {
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    std::string out(1, '\'');
    out.append(cell);
    return out;
  }
  return std::string(cell);
}

void append_cell(std::string& out, std::string_view raw) {
  const auto cell = neutralise(raw);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (const char c : cell) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
}

template <size_t N> void append_row(std::string& out, const std::array<std::string, N>& cells) {
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) {
      out += ',';
    }
    append_cell(out, cells[i]);
  }
  out += "\r\n";
}

std::string cis_cell(const RuleMetadata& rule) {
  std::string out;
  const auto rows = expand_cis(rule.mappings.cis);
  for (const auto& row : rows.view()) {
    if (!out.empty()) {
      out += "; ";
    }
    // Appended piece by piece: GCC 12 raises a false -Wrestrict on chained operator+ at -O3.
    out += 'v';
    out.append(row.version);
    out += ' ';
    out.append(row.item);
  }
  return out;
}

} // namespace

std::string render_csv(const Report& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  std::string out(kBom);
  append_row(out, std::array<std::string, 20>{"finding_id",  "account_id",  "account_name", "control_id",
                                              "kind",        "status",      "severity",     "region",
                                              "resource",    "title",       "reason",       "risk",
                                              "remediation", "limits",      "security_hub", "cis",
                                              "muted",       "mute_reason", "mute_expires", "mute_entry"});
  for (const auto& finding : report.findings) {
    const auto& rule = *finding.rule;
    std::string account_name;
    for (const auto& account : report.accounts) {
      if (account.id == finding.account_id) {
        account_name = account.name;
      }
    }
    const auto remediation = remediate::render_remediation(finding, report.run.partition, lang);
    // Appended after the existing columns, so spreadsheets that read columns by position keep working.
    const Mute none;
    const Mute& mute = finding.muted() ? *finding.muted_by : none;
    append_row(out, std::array<std::string, 20>{finding.finding_id(),
                                                finding.account_id,
                                                account_name,
                                                std::string(rule.id),
                                                rule.kind == RuleKind::kPosture ? "posture" : "activity",
                                                std::string(to_string(finding.status)),
                                                std::string(to_string(rule.severity)),
                                                finding.region,
                                                finding.resource,
                                                std::string(rule.title.get(lang)),
                                                finding.reason.get(lang),
                                                std::string(rule.risk.get(lang)),
                                                remediation.console,
                                                remediation.limits,
                                                std::string(rule.mappings.security_hub),
                                                cis_cell(rule),
                                                finding.muted() ? "true" : "false",
                                                mute.reason,
                                                mute.expires,
                                                mute.entry});
  }
  return out;
}

} // namespace rg::report
