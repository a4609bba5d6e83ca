#include "report/mute_text.hpp"

#include <fmt/format.h>

namespace rg::report {

std::string describe_mute(const Mute& mute, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string extra;
  if (!mute.owner.empty()) {
    extra = ja ? fmt::format("担当者: {}", mute.owner) : fmt::format("owner: {}", mute.owner);
  }
  if (!mute.ticket.empty()) {
    extra +=
        fmt::format("{}{}", extra.empty() ? "" : (ja ? "、" : ", "),
                    ja ? fmt::format("チケット: {}", mute.ticket) : fmt::format("ticket: {}", mute.ticket));
  }
  if (ja) {
    return fmt::format("ミュートリスト {} により {} まで抑制済み: {}{}", mute.entry, mute.expires,
                       mute.reason, extra.empty() ? "" : fmt::format("（{}）", extra));
  }
  return fmt::format("muted by {} until {}: {}{}", mute.entry, mute.expires, mute.reason,
                     extra.empty() ? "" : fmt::format(" ({})", extra));
}

std::string_view muted_label(Lang lang) {
  return lang == Lang::kJa ? "抑制済み" : "muted";
}

std::vector<std::string> describe_review(const MutelistReview& review, size_t muted, size_t fail_muted,
                                         Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::vector<std::string> lines;
  lines.push_back(
      ja ? fmt::format("ミュートリスト {}（{} 時点で判定）: 抑制済みの検出結果 {} 件（うち FAIL {} "
                       "件）、期限切れのエントリ {} 件、どの検出結果にも一致しないエントリ {} 件",
                       review.file, review.today, muted, fail_muted, review.expired(), review.stale())
         : fmt::format("Mutelist {} (judged on {}): {} findings muted ({} FAIL), {} expired entries, {} "
                       "stale entries",
                       review.file, review.today, muted, fail_muted, review.expired(), review.stale()));
  for (const auto& item : review.entries) {
    const auto& entry = *item.entry;
    if (item.state == MuteEntryState::kExpired) {
      lines.push_back(ja ? fmt::format("期限切れ（{} に終了、抑制していない検出結果 {} 件）: {}: {}",
                                       entry.expires, item.matched, entry.entry, entry.reason)
                         : fmt::format("expired on {} (no longer mutes {} findings): {}: {}", entry.expires,
                                       item.matched, entry.entry, entry.reason));
    } else if (item.state == MuteEntryState::kStale) {
      lines.push_back(
          ja ? fmt::format("一致なし（削除を検討してください）: {}: {}", entry.entry, entry.reason)
             : fmt::format("stale, matches nothing (remove it?): {}: {}", entry.entry, entry.reason));
    }
  }
  return lines;
}

} // namespace rg::report
