// The integrity section of the `rootguard trail --verify-digests` table: counts, then every digest, log
// and chain break that is not valid (valid ones are only counted: a year of logs is a million lines).
#include "i18n/messages.hpp"
#include "report/trail_integrity.hpp"
#include "util/terminal_text.hpp"

#include <fmt/format.h>

namespace rg::report {
namespace {

using namespace trail::digest;

constexpr const char* kReset = "\033[0m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kGreen = "\033[32m";

std::string_view digest_word(DigestStatus status, bool ja) {
  if (!ja) {
    return to_string(status);
  }
  switch (status) {
  case DigestStatus::kValid:
    return "正常";
  case DigestStatus::kUnsigned:
    return "署名未確認";
  case DigestStatus::kBadSignature:
    return "署名不一致";
  case DigestStatus::kModified:
    return "改ざん";
  case DigestStatus::kDeleted:
    return "削除";
  case DigestStatus::kMoved:
    return "移動";
  case DigestStatus::kMalformed:
    return "形式不正";
  case DigestStatus::kUnknownKey:
    return "不明な鍵";
  case DigestStatus::kOtherBucket:
    return "別バケット";
  case DigestStatus::kNotInChain:
    return "チェーン外";
  case DigestStatus::kUnreadable:
    return "取得不可";
  }
  return "?";
}

std::string_view log_word(LogStatus status, bool ja) {
  if (!ja) {
    return to_string(status);
  }
  switch (status) {
  case LogStatus::kValid:
    return "正常";
  case LogStatus::kModified:
    return "改ざん";
  case LogStatus::kDeleted:
    return "削除";
  case LogStatus::kMoved:
    return "移動";
  case LogStatus::kNotCovered:
    return "対象外";
  case LogStatus::kUnchecked:
    return "未確認";
  }
  return "?";
}

} // namespace

std::string render_integrity_table(const IntegrityResult& integrity, const RenderOptions& options) {
  const bool ja = options.lang == Lang::kJa;
  const auto paint = [&](const std::string& text, const char* code) {
    return options.color ? fmt::format("{}{}{}", code, text, kReset) : text;
  };
  const auto& s = integrity.summary;
  std::string out =
      ja ? "ログファイルの整合性 (--verify-digests)\n" : "Log file integrity (--verify-digests)\n";
  out += ja ? fmt::format("  ダイジェスト {} 件: 正常 {} 件、署名未確認 {} 件、失敗 {} 件、未確認 "
                          "(別バケット・取得不可) {} 件 "
                          "(バックフィル {} 件)\n",
                          s.digests, s.digests_valid, s.digests_unsigned, s.digests_failed,
                          s.digests_unchecked + s.digests_unreadable, s.backfill_digests)
            : fmt::format("  {} digests: {} valid, {} signature not checked, {} failed, {} not checked "
                          "(another bucket, unreadable) ({} backfill)\n",
                          s.digests, s.digests_valid, s.digests_unsigned, s.digests_failed,
                          s.digests_unchecked + s.digests_unreadable, s.backfill_digests);
  out += ja ? fmt::format("  ログファイル {} 件: 正常 {} 件、改ざん {} 件、削除 {} 件、移動 {} 件、"
                          "ダイジェスト対象外 {} 件、未確認 {} 件\n",
                          s.logs, s.logs_valid, s.logs_modified, s.logs_deleted, s.logs_moved,
                          s.logs_not_covered, s.logs_unchecked)
            : fmt::format("  {} log files: {} valid, {} modified, {} deleted, {} moved, {} not covered by a "
                          "digest, {} unchecked\n",
                          s.logs, s.logs_valid, s.logs_modified, s.logs_deleted, s.logs_moved,
                          s.logs_not_covered, s.logs_unchecked);
  out += ja ? fmt::format("  チェーンの切れ目 {} 件、ルートユーザーの活動の時間帯の失敗 {} 件\n", s.gaps,
                          s.failures_in_root_periods)
            : fmt::format("  {} chain gaps, {} failures in periods with root activity\n", s.gaps,
                          s.failures_in_root_periods);
  const auto root_note = [&](std::size_t events) {
    return events == 0 ? std::string()
                       : paint(ja ? fmt::format(" [前後にルートユーザーのイベント {} 件]", events)
                                  : fmt::format(" [{} root events nearby]", events),
                               kRed);
  };
  for (const auto& d : integrity.digests) {
    if (d.status != DigestStatus::kValid) {
      out += fmt::format("  {} {} {}: {}{}\n", ja ? "ダイジェスト" : "digest",
                         paint(std::string(digest_word(d.status, ja)), is_failure(d.status) ? kRed : kYellow),
                         terminal_safe(d.file.empty() ? d.key : d.file), terminal_safe(d.reason),
                         root_note(d.root_events));
    }
  }
  for (const auto& l : integrity.logs) {
    if (l.status != LogStatus::kValid) {
      out += fmt::format("  {} {} {}: {}{}\n", ja ? "ログ" : "log",
                         paint(std::string(log_word(l.status, ja)), is_failure(l.status) ? kRed : kYellow),
                         terminal_safe(l.file), terminal_safe(l.reason), root_note(l.root_events));
    }
  }
  for (const auto& g : integrity.gaps) {
    out += fmt::format("  {} {} {} .. {}: {}{}\n", ja ? "切れ目" : "gap", to_string(g.kind),
                       g.from ? format_iso8601(*g.from) : "?", g.to ? format_iso8601(*g.to) : "?",
                       terminal_safe(g.message), root_note(g.root_events));
  }
  for (const auto& p : integrity.problems) {
    out += fmt::format("  {} {}\n", ja ? "問題" : "problem",
                       terminal_safe(describe(p, ja ? Lang::kJa : Lang::kEn)));
  }
  if (integrity.clean()) {
    out += paint(ja ? "  すべてのダイジェストとログファイルを検証しました。改ざんはありません。\n"
                    : "  Every digest and log file verified: nothing was changed.\n",
                 kGreen);
  } else if (!integrity.complete()) {
    out += paint(ja ? "  検証は完了していません: 上の未確認の項目は問題がないとは言えません。\n"
                    : "  Validation incomplete: what is listed above as not checked is not proven intact.\n",
                 kYellow);
  }
  out += '\n';
  return out;
}

} // namespace rg::report
