#pragma once
// history and diff as text (a terminal table, English or Japanese), JSON and Markdown (a pull-request
// comment or a ticket). Pure functions of what the store returned, like the report formatters.
#include "i18n/text.hpp"
#include "store/diff.hpp"
#include "store/records.hpp"

#include <string>
#include <vector>

namespace rg::store {

std::string render_history_table(const std::vector<RunSummary>& runs, Lang lang);
std::string render_history_json(const std::vector<RunSummary>& runs);

std::string render_diff_table(const Diff& diff, Lang lang);
std::string render_diff_json(const Diff& diff);
std::string render_diff_markdown(const Diff& diff, Lang lang);

// The words of a change kind ("new" / "新規") and the run line ("run 3 (scan, 2026-12-01T09:00:00Z)").
Text change_label(ChangeKind kind);
std::string run_label(const RunRecord& run, Lang lang);

} // namespace rg::store
