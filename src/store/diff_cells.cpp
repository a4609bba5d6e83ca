#include "store/diff_cells.hpp"

#include "store/render.hpp"

#include <fmt/format.h>

namespace rg::store {
namespace {

std::string changed(const std::string& before, const std::string& after) {
  return before == after || before.empty() || after.empty() ? (after.empty() ? before : after)
                                                            : fmt::format("{} → {}", before, after);
}

std::string mute_detail(const FindingRecord& finding, Lang lang) {
  if (lang == Lang::kJa) {
    return fmt::format("{}（{} まで、{}）", finding.mute_reason, finding.mute_expires, finding.mute_entry);
  }
  return fmt::format("{} (until {}, {})", finding.mute_reason, finding.mute_expires, finding.mute_entry);
}

} // namespace

DiffRow diff_header(Lang lang) {
  if (lang == Lang::kJa) {
    return {"変化", "結果", "重要度", "コントロール", "アカウント", "リージョン", "リソース", "詳細"};
  }
  return {"CHANGE", "STATUS", "SEVERITY", "CONTROL", "ACCOUNT", "REGION", "RESOURCE", "DETAIL"};
}

DiffRow diff_cells(const Change& change, Lang lang) {
  const auto& current = change.current();
  std::string detail;
  switch (change.kind) {
  case ChangeKind::kNewlyMuted:
    detail = mute_detail(change.after, lang);
    break;
  case ChangeKind::kMuteExpired:
  case ChangeKind::kMuteLifted:
    detail = mute_detail(change.before, lang);
    break;
  default:
    detail = current.muted ? mute_detail(current, lang) : std::string();
  }
  return {std::string(change_label(change.kind).get(lang)),
          changed(change.before.status, change.after.status),
          changed(change.before.severity, change.after.severity),
          current.rule_id,
          current.account,
          current.region,
          current.resource,
          detail};
}

std::string diff_counts(const Diff& diff, Lang lang) {
  std::string out;
  for (std::size_t index = 0; index < kChangeKinds; ++index) {
    const auto kind = static_cast<ChangeKind>(index);
    const auto* const separator = out.empty() ? "" : (lang == Lang::kJa ? "、" : ", ");
    out += lang == Lang::kJa ? fmt::format("{}{} {} 件", separator, change_label(kind).ja, diff.count(kind))
                             : fmt::format("{}{} {}", separator, diff.count(kind), change_label(kind).en);
  }
  return out;
}

std::string new_fails_line(const Diff& diff, Lang lang) {
  if (lang == Lang::kJa) {
    return diff.new_fails == 0 ? std::string("新たな FAIL はありません。")
                               : fmt::format("新たな FAIL（抑制なし）: {} 件", diff.new_fails);
  }
  return diff.new_fails == 0 ? std::string("No new FAILs.")
                             : fmt::format("New FAILs (not muted): {}", diff.new_fails);
}

} // namespace rg::store
