#include "store/render.hpp"

#include <array>
#include <fmt/format.h>

namespace rg::store {

Text change_label(ChangeKind kind) {
  static constexpr std::array<Text, kChangeKinds> kLabels{{
      {"new", "新規"},
      {"resolved", "解消"},
      {"status changed", "結果の変化"},
      {"now not applicable", "該当なしに変化"},
      {"severity changed", "重要度の変化"},
      {"newly muted", "新たに抑制"},
      {"mute expired", "抑制の期限切れ"},
      {"mute lifted", "抑制の解除"},
  }};
  return kLabels.at(static_cast<std::size_t>(kind));
}

std::string run_label(const RunRecord& run, Lang lang) {
  if (lang == Lang::kJa) {
    return fmt::format("実行 {}（{}、{}）", run.id, run.command, run.started_at);
  }
  return fmt::format("run {} ({}, {})", run.id, run.command, run.started_at);
}

} // namespace rg::store
