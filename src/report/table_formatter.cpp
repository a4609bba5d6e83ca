// The terminal view: findings grouped by account, FAIL first, one reason line under each row.
#include "i18n/display_width.hpp"
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
  }
  return 3;
}

std::string role_label(const std::string& role, Lang lang) {
  if (lang == Lang::kJa) {
    if (role == "management") {
      return "管理アカウント";
    }
    if (role == "member") {
      return "メンバー";
    }
    return "スタンドアロン";
  }
  return role;
}

class TableWriter {
public:
  explicit TableWriter(RenderOptions options) : options_(std::move(options)) {}

  std::string paint(std::string_view text, const char* code) const {
    return options_.color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  }

  std::string render(const Report& report) {
    const bool ja = options_.lang == Lang::kJa;
    std::string out;
    size_t control_width = ja ? display_width("コントロール") : display_width("CONTROL");
    size_t severity_width = ja ? display_width("重要度") : display_width("SEVERITY");
    for (const auto& finding : report.findings) {
      control_width = std::max(control_width, display_width(finding.rule->id));
      severity_width = std::max(severity_width, display_width(to_string(finding.rule->severity)));
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
      std::stable_sort(rows.begin(), rows.end(), [](const Finding* a, const Finding* b) {
        return status_rank(a->status) < status_rank(b->status);
      });
      const std::string name = account.name.empty() ? "" : fmt::format(" {}", terminal_safe(account.name));
      out += paint(fmt::format("{} {}{} ({})", ja ? "アカウント" : "Account", account.id, name,
                               role_label(account.role, options_.lang)),
                   kBold);
      out += '\n';
      // The muted column only with --mutelist: the table without one stays as it was.
      const bool mutes = report.mutelist.has_value();
      const size_t muted_width =
          std::max(display_width(ja ? "抑制" : "MUTED"), display_width(muted_label(options_.lang)));
      const auto muted_cell = [&](std::string_view text) {
        return mutes ? fmt::format("{}  ", pad_to_width(text, muted_width)) : std::string();
      };
      out += fmt::format(
          "  {}  {}{}  {}  {}\n", pad_to_width(ja ? "結果" : "STATUS", 7), muted_cell(ja ? "抑制" : "MUTED"),
          pad_to_width(ja ? "重要度" : "SEVERITY", severity_width),
          pad_to_width(ja ? "コントロール" : "CONTROL", control_width), ja ? "タイトル" : "TITLE");
      for (const Finding* finding : rows) {
        const auto status = to_string(finding->status);
        out += fmt::format(
            "  {}  {}{}  {}  {}\n", paint(pad_to_width(status, 7), status_color(finding->status)),
            muted_cell(finding->muted() ? muted_label(options_.lang) : "-"),
            pad_to_width(to_string(finding->rule->severity), severity_width),
            pad_to_width(finding->rule->id, control_width), finding->rule->title.get(options_.lang));
        out +=
            fmt::format("  {}  {}\n", std::string(7, ' '),
                        paint(fmt::format("└ {}", terminal_safe(finding->reason.get(options_.lang))), kDim));
        if (finding->muted()) {
          out += fmt::format(
              "  {}  {}\n", std::string(7, ' '),
              paint(fmt::format("└ {}", terminal_safe(describe_mute(*finding->muted_by, options_.lang))),
                    kDim));
        }
      }
      out += '\n';
    }
    render_summary(report, out);
    return out;
  }

private:
  void render_summary(const Report& report, std::string& out) const {
    const bool ja = options_.lang == Lang::kJa;
    const auto summary = summarize(report);
    if (ja) {
      out += fmt::format("{} アカウント、{} 件: {} {} 件、{} {} 件、{} {} 件", report.accounts.size(),
                         summary.total, paint("FAIL", status_color(Status::kFail)), summary.fail,
                         paint("PASS", status_color(Status::kPass)), summary.pass,
                         paint("UNKNOWN", status_color(Status::kUnknown)), summary.unknown);
    } else {
      out += fmt::format("{} accounts, {} findings: {} {}, {} {}, {} {}", report.accounts.size(),
                         summary.total, summary.fail, paint("FAIL", status_color(Status::kFail)),
                         summary.pass, paint("PASS", status_color(Status::kPass)), summary.unknown,
                         paint("UNKNOWN", status_color(Status::kUnknown)));
    }
    if (summary.fail > 0) {
      std::string parts;
      for (const auto severity : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow}) {
        const auto count = summary.fail_by_severity[static_cast<int>(severity)];
        if (count > 0) {
          parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", count, to_string(severity));
        }
      }
      out += ja ? fmt::format(" (FAIL の内訳: {})", parts) : fmt::format(" (failed: {})", parts);
    }
    out += '\n';
    if (report.mutelist) {
      const auto lines = describe_review(*report.mutelist, summary.muted, summary.fail_muted, options_.lang);
      out += terminal_safe(lines.front());
      out += '\n';
      for (size_t i = 1; i < lines.size(); ++i) {
        out += paint(fmt::format("  - {}\n", terminal_safe(lines[i])), status_color(Status::kUnknown));
      }
    }
    if (!report.problems.empty()) {
      out += paint(ja ? fmt::format("読み取れなかった入力: {} 件\n", report.problems.size())
                      : fmt::format("Inputs that could not be read: {}\n", report.problems.size()),
                   status_color(Status::kUnknown));
      for (const auto& problem : report.problems) {
        out += fmt::format("  - {}\n", terminal_safe(problem.describe()));
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
