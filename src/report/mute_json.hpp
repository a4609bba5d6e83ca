#pragma once
// The mutelist in the JSON documents (scan and trail --format json): one shape for both.
#include "report/report.hpp"

#include <nlohmann/json.hpp>

namespace rg::report {

nlohmann::ordered_json mute_json(const Mute& mute);
// null without --mutelist; else {file, judged_on, entries: [{entry, state, matched, reason, ...}]}.
nlohmann::ordered_json review_json(const std::optional<MutelistReview>& review);

} // namespace rg::report
