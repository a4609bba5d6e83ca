// The terminal view of `rootguard trail`: per account, when root was used and from where, counts by
// detection, the most recent events; then what was read and what could not be.
#include "detections/account_activity.hpp"
#include "detections/catalog.hpp"
#include "i18n/display_width.hpp"
#include "i18n/messages.hpp"
#include "report/mute_text.hpp"
#include "report/trail_integrity.hpp"
#include "report/trail_report.hpp"
#include "util/terminal_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace rg::report {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kYellow = "\033[33m";
constexpr std::size_t kListed = 5; // source IPs, user agents: the most frequent few

std::string top(const std::map<std::string_view, std::size_t>& counts, std::size_t max_width = 60) {
  std::vector<std::pair<std::string_view, std::size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (std::size_t i = 0; i < sorted.size() && i < kListed; ++i) {
    // User agents run to hundreds of characters; the JSON output keeps them whole.
    out += fmt::format("{}{} ({})", i > 0 ? ", " : "",
                       truncate_to_width(terminal_safe(sorted[i].first), max_width), sorted[i].second);
  }
  if (sorted.size() > kListed) {
    out += fmt::format(", … +{}", sorted.size() - kListed);
  }
  return out;
}

class TrailTableWriter {
public:
  explicit TrailTableWriter(const RenderOptions& options)
      : options_(options), ja_(options.lang == Lang::kJa) {}

  std::string render(const TrailReport& report) {
    std::string out;
    const auto accounts = detections::summarize_accounts(report.result);
    for (const auto& activity : accounts) {
      render_account(activity, out);
    }
    if (accounts.empty()) {
      out += ja_ ? "ルートユーザーに関するイベントは見つかりませんでした。\n\n"
                 : "No root-user activity found.\n\n";
    }
    if (report.integrity) {
      out += render_integrity_table(*report.integrity, options_);
    }
    render_summary(report.result.summary, out);
    if (report.mutelist) {
      // Every trail finding is a FAIL: the muted count is also the muted-FAIL count.
      const auto lines =
          describe_review(*report.mutelist, report.mutes.size(), report.mutes.size(), options_.lang);
      out += terminal_safe(lines.front());
      out += '\n';
      for (size_t i = 1; i < lines.size(); ++i) {
        out += paint(fmt::format("  - {}\n", terminal_safe(lines[i])), kRed);
      }
    }
    return out;
  }

private:
  std::string paint(std::string_view text, const char* code) const {
    return options_.color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  }

  std::string when(const std::optional<TimePoint>& time) const {
    return time ? format_iso8601(*time) : (ja_ ? "なし" : "none");
  }

  void render_account(const detections::AccountActivity& activity, std::string& out) const {
    out += paint(fmt::format("{} {}", ja_ ? "アカウント" : "Account", terminal_safe(activity.account_id)),
                 kBold) +
           '\n';
    out += fmt::format("  {}: {}   {}: {}\n", ja_ ? "ルートユーザーの使用 (最初)" : "Root use, first",
                       when(activity.first_use), ja_ ? "最後" : "last", when(activity.last_use));
    std::size_t width = 0;
    for (const auto& [id, count] : activity.by_detection) {
      width = std::max(width, display_width(id));
    }
    out += fmt::format("  {}:\n", ja_ ? "検知" : "Detections");
    // The most severe first, then by id, as the scan table orders its controls.
    std::vector<const detections::Detection*> seen;
    std::size_t severity_width = 0;
    for (const auto* detection : detections::catalog()) {
      if (activity.by_detection.contains(detection->metadata.id)) {
        seen.push_back(detection);
        severity_width = std::max(severity_width,
                                  display_width(display_name(detection->metadata.severity, options_.lang)));
      }
    }
    std::sort(seen.begin(), seen.end(), [](const auto* a, const auto* b) {
      if (a->metadata.severity != b->metadata.severity) {
        return a->metadata.severity > b->metadata.severity;
      }
      return a->metadata.id < b->metadata.id;
    });
    for (const auto* detection : seen) {
      out += fmt::format("    {:>5}  {}  {}  {}\n", activity.by_detection.at(detection->metadata.id),
                         pad_to_width(display_name(detection->metadata.severity, options_.lang),
                                      std::max<std::size_t>(severity_width, 8)),
                         pad_to_width(detection->metadata.id, width),
                         detection->metadata.title.get(options_.lang));
    }
    out += fmt::format("  {}: {}\n", ja_ ? "送信元 IP" : "Source IPs", top(activity.source_ips));
    out += fmt::format("  {}: {}\n", ja_ ? "ユーザーエージェント" : "User agents", top(activity.user_agents));
    out += fmt::format("  {}: {}\n", ja_ ? "リージョン" : "Regions", top(activity.regions));
    out += fmt::format("  {}:\n", ja_ ? "最近のイベント" : "Most recent events");
    for (const auto& event : activity.recent) {
      out += fmt::format(
          "    {}{}  {}  {}  {}\n", terminal_safe(event.event_time),
          event.time_known ? "" : (ja_ ? " (時刻不明)" : " (time unknown)"), terminal_safe(event.event_name),
          event.source_ip.empty() ? "-" : terminal_safe(event.source_ip), fmt::join(event.detections, ", "));
      if (!cis_alarm_would_fire(event) && event.user_type == "Root") {
        out +=
            "      " +
            paint(ja_ ? "└ CIS のルートユーザー使用アラームはこのイベントでは発報しません (invokedBy: " +
                            (event.invoked_by.empty() ? std::string("-") : terminal_safe(event.invoked_by)) +
                            ")"
                      : "└ the CIS root-usage alarm would not fire for this event (invokedBy: " +
                            (event.invoked_by.empty() ? std::string("-") : terminal_safe(event.invoked_by)) +
                            ")",
                  kYellow) +
            '\n';
      }
      if (!event.task_policy_arn.empty()) {
        out += "      " +
               paint(fmt::format("└ {} {} → {}", ja_ ? "タスクポリシー" : "task policy",
                                 terminal_safe(event.task_policy_arn), terminal_safe(event.target_principal)),
                     kDim) +
               '\n';
      }
    }
    out += '\n';
  }

  void render_summary(const trail::TrailSummary& s, std::string& out) const {
    if (ja_) {
      out += fmt::format(
          "ファイル {} 件 (失敗 {} 件)、イベント {} 件、該当 {} 件、スキップ {} 件 (ダイジェスト {} 件)、"
          "期間・アカウント・リージョン外 {} 件\n",
          s.files, s.files_failed, s.events, s.matched, s.skipped, s.skipped_digest, s.pruned);
    } else {
      out +=
          fmt::format("{} files read ({} failed), {} events, {} matched, {} skipped ({} digest), {} outside "
                      "--since/--until/--accounts/--regions\n",
                      s.files, s.files_failed, s.events, s.matched, s.skipped, s.skipped_digest, s.pruned);
    }
    if (s.s3) {
      out +=
          ja_ ? fmt::format(
                    "S3 {} ({}): 一覧 {} 回、オブジェクト {} 件を一覧、{} 件を取得 ({} バイト)、失敗 {} 件\n",
                    terminal_safe(s.s3->bucket), terminal_safe(s.s3->region), s.s3->list_requests,
                    s.s3->objects_listed, s.s3->objects_fetched, s.s3->bytes_fetched, s.s3->objects_failed)
              : fmt::format(
                    "S3 bucket {} ({}): {} list requests, {} objects listed, {} fetched ({} bytes), {} "
                    "failed\n",
                    terminal_safe(s.s3->bucket), terminal_safe(s.s3->region), s.s3->list_requests,
                    s.s3->objects_listed, s.s3->objects_fetched, s.s3->bytes_fetched, s.s3->objects_failed);
    }
    if (s.damaged > 0) {
      out += paint(
          ja_ ? fmt::format("ファイル内の破損箇所 {} 件 (前後の無傷のレコードは読み取り済み)\n", s.damaged)
              : fmt::format("{} damaged places inside files (the intact records around them were read)\n",
                            s.damaged),
          kRed);
    }
    if (!s.errors.empty()) {
      out += paint(ja_ ? fmt::format("読み取れなかった入力: {} 件\n", s.errors.size())
                       : fmt::format("Inputs that could not be read: {}\n", s.errors.size()),
                   kRed);
      for (const auto& problem : s.errors) {
        out += fmt::format("  - {}\n", terminal_safe(describe(problem, ja_ ? Lang::kJa : Lang::kEn)));
      }
    }
  }

  RenderOptions options_;
  bool ja_;
};

} // namespace

std::string render_trail_table(const TrailReport& report, const RenderOptions& options) {
  return TrailTableWriter(options).render(report);
}

} // namespace rg::report
