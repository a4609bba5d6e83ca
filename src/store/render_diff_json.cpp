#include "store/render.hpp"

#include <nlohmann/json.hpp>

namespace rg::store {
namespace {

nlohmann::ordered_json run_json(const RunRecord& run) {
  return {{"id", run.id},       {"command", run.command},           {"started_at", run.started_at},
          {"as_of", run.as_of}, {"tool_version", run.tool_version}, {"mutelist_date", run.mutelist_date}};
}

nlohmann::ordered_json finding_json(const FindingRecord& finding) {
  if (finding.finding_id.empty()) {
    return nullptr;
  }
  nlohmann::ordered_json out{
      {"status", finding.status}, {"severity", finding.severity}, {"muted", finding.muted}};
  if (finding.muted) {
    out["mute"] = {
        {"entry", finding.mute_entry}, {"reason", finding.mute_reason}, {"expires", finding.mute_expires}};
  }
  return out;
}

} // namespace

std::string render_diff_json(const Diff& diff) {
  auto changes = nlohmann::ordered_json::array();
  for (const auto& change : diff.changes) {
    const auto& current = change.current();
    changes.push_back({{"change", to_string(change.kind)},
                       {"finding_id", current.finding_id},
                       {"rule_id", current.rule_id},
                       {"account", current.account},
                       {"region", current.region},
                       {"resource", current.resource},
                       {"before", finding_json(change.before)},
                       {"after", finding_json(change.after)}});
  }
  auto counts = nlohmann::ordered_json::object();
  for (std::size_t index = 0; index < kChangeKinds; ++index) {
    const auto kind = static_cast<ChangeKind>(index);
    counts[std::string(to_string(kind))] = diff.count(kind);
  }
  const nlohmann::ordered_json document{{"from", run_json(diff.a)},
                                        {"to", run_json(diff.b)},
                                        {"new_fails", diff.new_fails},
                                        {"counts", counts},
                                        {"changes", changes}};
  return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace rg::store
