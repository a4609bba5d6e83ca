#pragma once
// The mutelist in words, for the human formats (table, trail table, HTML, CSV): unescaped text, so each
// caller escapes for its medium (terminal_safe, html_escape). Values come from the user's file.
#include "report/report.hpp"

#include <string>
#include <vector>

namespace rg::report {

// "muted by mutelist.yaml:12 until 2026-12-31: <reason> (owner: ..., ticket: ...)"
std::string describe_mute(const Mute& mute, Lang lang);
// "muted" / "抑制済み": the word for the status column.
std::string_view muted_label(Lang lang);

// The review as lines: a headline ("Mutelist mutelist.yaml (judged on 2026-06-01): 3 findings muted (2
// FAIL), 1 expired entries, 1 stale entries"), then one line per expired or stale entry.
std::vector<std::string> describe_review(const MutelistReview& review, size_t muted, size_t fail_muted,
                                         Lang lang);

} // namespace rg::report
