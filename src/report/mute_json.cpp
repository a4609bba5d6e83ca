#include "report/mute_json.hpp"

namespace rg::report {

using Json = nlohmann::ordered_json;

Json mute_json(const Mute& mute) {
  const auto optional = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); };
  return {{"entry", mute.entry},
          {"reason", mute.reason},
          {"expires", mute.expires},
          {"owner", optional(mute.owner)},
          {"ticket", optional(mute.ticket)}};
}

Json review_json(const std::optional<MutelistReview>& review) {
  if (!review) {
    return nullptr;
  }
  Json entries = Json::array();
  for (const auto& item : review->entries) {
    auto entry = mute_json(*item.entry);
    entry["state"] = to_string(item.state);
    entry["matched"] = item.matched;
    entries.push_back(std::move(entry));
  }
  return {{"file", review->file},
          {"judged_on", review->today},
          {"expired", review->expired()},
          {"stale", review->stale()},
          {"entries", std::move(entries)}};
}

} // namespace rg::report
