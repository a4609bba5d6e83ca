// The terminal view: findings grouped by account; within one, FAIL first, then the most severe, then by
// control; the reason under each row, wrapped to the terminal with a hanging indent.
#include "i18n/display_width.hpp"
#include "i18n/messages.hpp"
#include "i18n/wrap.hpp"
#include "report/mute_text.hpp"
#include "report/report.hpp"
#include "util/terminal_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace rg::report {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";

const char* status_color(Status status) {
  switch (status) {
  case Status::kFail:
    return "\033[31m";
  case Status::kPass:
    return "\033[32m";
  case Status::kUnknown:
    return "\033[33m";
  case Status::kNotApplicable:
    return kDim; // nothing to do: shown, but quieter than a verdict
  }
  return "";
}

int status_rank(Status status) {
  switch (status) {
  case Status::kFail:
    return 0;
  case Status::kUnknown:
    return 1;
  case Status::kPass:
    return 2;
  case Status::kNotApplicable:
    return 3; // after PASS: nothing to look at there
  }
  return 4;
}

class TableWriter {
public:
  explicit TableWriter(RenderOptions options) : options_(std::move(options)) {}

  std::string paint(std::string_view text, const char* code) const {
    return options_.color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  }

  std::string render(const Report& report) {
    const bool ja = options_.lang == Lang::kJa;
    const Lang lang = options_.lang;
    std::string out;
    size_t control_width = display_width(ja ? "コントロール" : "CONTROL");
    size_t severity_width = display_width(ja ? "重要度" : "SEVERITY");
    size_t status_width = display_width(ja ? "結果" : "STATUS");
    for (const auto status : {Status::kFail, Status::kUnknown, Status::kPass}) {
      status_width = std::max(status_width, display_width(display_name(status, lang)));
    }
    // 該当なし is wider than the other words: the column widens only in a report that has one.
    for (const auto& finding : report.findings) {
      status_width = std::max(status_width, display_width(display_name(finding.status, lang)));
    }
    for (const auto& finding : report.findings) {
      control_width = std::max(control_width, display_width(finding.rule->id));
      severity_width = std::max(severity_width, display_width(display_name(finding.rule->severity, lang)));
    }
    for (const auto& account : report.accounts) {
      std::vector<const Finding*> rows;
      for (const auto& finding : report.findings) {
        if (finding.account_id == account.id) {
          rows.push_back(&finding);
        }
      }
      if (rows.empty()) {
        continue;
      }
      // Findings arrive sorted by control; what needs attention first comes first.
      std::stable_sort(rows.begin(), rows.end(), [](const Finding* a, const Finding* b) {
        if (status_rank(a->status) != status_rank(b->status)) {
          return status_rank(a->status) < status_rank(b->status);
        }
        return a->rule->severity > b->rule->severity;
      });
      const std::string name = account.name.empty() ? "" : fmt::format(" {}", terminal_safe(account.name));
      out += paint(fmt::format("{} {}{} ({})", ja ? "アカウント" : "Account", account.id, name,
                               account_role_label(account.role, lang)),
                   kBold);
      out += '\n';
      // The muted column only with --mutelist: the table without one stays as it was.
      const bool mutes = report.mutelist.has_value();
      const size_t muted_width =
          std::max(display_width(ja ? "抑制" : "MUTED"), display_width(muted_label(lang)));
      const auto muted_cell = [&](std::string_view text) {
        return mutes ? fmt::format("{}  ", pad_to_width(text, muted_width)) : std::string();
      };
      out += fmt::format(
          "  {}  {}{}  {}  {}\n", pad_to_width(ja ? "結果" : "STATUS", status_width),
          muted_cell(ja ? "抑制" : "MUTED"), pad_to_width(ja ? "重要度" : "SEVERITY", severity_width),
          pad_to_width(ja ? "コントロール" : "CONTROL", control_width), ja ? "タイトル" : "TITLE");
      const size_t title_column =
          2 + status_width + 2 + (mutes ? muted_width + 2 : 0) + severity_width + 2 + control_width + 2;
      // Reasons hang under the title column's start of the row, after "└ ".
      const size_t reason_column = 2 + status_width + 2;
      for (const Finding* finding : rows) {
        out += fmt::format("  {}  {}{}  {}  ",
                           paint(pad_to_width(display_name(finding->status, lang), status_width),
                                 status_color(finding->status)),
                           muted_cell(finding->muted() ? muted_label(lang) : "-"),
                           pad_to_width(display_name(finding->rule->severity, lang), severity_width),
                           pad_to_width(finding->rule->id, control_width));
        append_wrapped(out, finding->rule->title.get(lang), title_column, title_column, nullptr);
        const auto reason = fmt::format("└ {}", terminal_safe(finding->reason.get(lang)));
        out += std::string(reason_column, ' ');
        append_wrapped(out, reason, reason_column, reason_column + 2, kDim);
        if (finding->muted()) {
          const auto mute = fmt::format("└ {}", terminal_safe(describe_mute(*finding->muted_by, lang)));
          out += std::string(reason_column, ' ');
          append_wrapped(out, mute, reason_column, reason_column + 2, kDim);
        }
      }
      out += '\n';
    }
    render_summary(report, out);
    return out;
  }

private:
  // `text` from column `used` to the terminal's edge, later lines indented to `indent`; each line painted
  // on its own, so a colour never runs into the indent of the next.
  void append_wrapped(std::string& out, std::string_view text, size_t used, size_t indent,
                      const char* code) const {
    const auto lines = wrap_to_width(text, options_.width, used, indent);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) {
        out += std::string(indent, ' ');
      }
      out += code == nullptr ? lines[i] : paint(lines[i], code);
      out += '\n';
    }
  }

  void render_summary(const Report& report, std::string& out) const {
    const bool ja = options_.lang == Lang::kJa;
    const auto summary = summarize(report);
    std::string line;
    if (ja) {
      line += fmt::format(
          "{} アカウント、{} 件: {} {} 件、{} {} 件、{} {} 件", report.accounts.size(), summary.total,
          paint(display_name(Status::kFail, Lang::kJa), status_color(Status::kFail)), summary.fail,
          paint(display_name(Status::kPass, Lang::kJa), status_color(Status::kPass)), summary.pass,
          paint(display_name(Status::kUnknown, Lang::kJa), status_color(Status::kUnknown)), summary.unknown);
    } else {
      line += fmt::format("{} accounts, {} findings: {} {}, {} {}, {} {}", report.accounts.size(),
                          summary.total, summary.fail, paint("FAIL", status_color(Status::kFail)),
                          summary.pass, paint("PASS", status_color(Status::kPass)), summary.unknown,
                          paint("UNKNOWN", status_color(Status::kUnknown)));
    }
    // Only when there are any, as the failures' breakdown: a report without them reads as it did.
    if (summary.not_applicable > 0) {
      const auto label =
          paint(display_name(Status::kNotApplicable, options_.lang), status_color(Status::kNotApplicable));
      line += ja ? fmt::format("、{} {} 件", label, summary.not_applicable)
                 : fmt::format(", {} {}", summary.not_applicable, label);
    }
    if (summary.fail > 0) {
      std::string parts;
      for (const auto severity : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow}) {
        const auto count = summary.fail_by_severity[static_cast<int>(severity)];
        if (count > 0) {
          const auto name = display_name(severity, options_.lang);
          parts += ja ? fmt::format("{}{} {} 件", parts.empty() ? "" : "、", name, count)
                      : fmt::format("{}{} {}", parts.empty() ? "" : ", ", count, name);
        }
      }
      line += ja ? fmt::format("（失敗の内訳: {}）", parts) : fmt::format(" (failed: {})", parts);
    }
    append_wrapped(out, line, 0, 2, nullptr);
    if (report.mutelist) {
      const auto lines = describe_review(*report.mutelist, summary.muted, summary.fail_muted, options_.lang);
      append_wrapped(out, terminal_safe(lines.front()), 0, 2, nullptr);
      for (size_t i = 1; i < lines.size(); ++i) {
        out += paint("  - ", status_color(Status::kUnknown));
        append_wrapped(out, terminal_safe(lines[i]), 4, 4, status_color(Status::kUnknown));
      }
    }
    if (!report.problems.empty()) {
      out += paint(ja ? fmt::format("読み取れなかった入力: {} 件\n", report.problems.size())
                      : fmt::format("Inputs that could not be read: {}\n", report.problems.size()),
                   status_color(Status::kUnknown));
      for (const auto& problem : report.problems) {
        out += "  - ";
        append_wrapped(out, terminal_safe(describe(problem, options_.lang)), 4, 4, nullptr);
      }
    }
  }

  RenderOptions options_;
};

} // namespace

std::string render_table(const Report& report, const RenderOptions& options) {
  return TableWriter(options).render(report);
}

} // namespace rg::report
