#include "trail/digest/digest_name.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::trail::digest {
namespace {

constexpr std::string_view kMarker = "_CloudTrail-Digest_";
constexpr std::string_view kGz = ".json.gz";
constexpr std::string_view kBackfill = "_backfill";

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_stamp(std::string_view text) {
  return text.size() == 16 && all_digits(text.substr(0, 8)) && text[8] == 'T' &&
         all_digits(text.substr(9, 6)) && text[15] == 'Z';
}

} // namespace

std::optional<DigestName> parse_digest_name(std::string_view name) {
  DigestName out;
  if (!name.ends_with(kGz)) {
    return std::nullopt;
  }
  name.remove_suffix(kGz.size());
  if (name.ends_with(kBackfill)) {
    out.backfill = true;
    name.remove_suffix(kBackfill.size());
  }
  const auto marker = name.find(kMarker);
  if (marker == std::string_view::npos || !all_digits(name.substr(0, marker)) || marker != 12) {
    return std::nullopt;
  }
  out.account_id = std::string(name.substr(0, marker));
  std::string_view rest = name.substr(marker + kMarker.size()); // region_trail_home_stamp
  const auto first = rest.find('_');
  const auto last = rest.rfind('_');
  if (first == std::string_view::npos || last == first) {
    return std::nullopt;
  }
  out.region = std::string(rest.substr(0, first));
  const std::string_view stamp = rest.substr(last + 1);
  if (!is_stamp(stamp)) {
    return std::nullopt;
  }
  out.end_stamp = std::string(stamp);
  const std::string_view middle = rest.substr(first + 1, last - first - 1); // trail_home
  const auto home = middle.rfind('_');
  if (home == std::string_view::npos || home == 0 || home + 1 == middle.size() || out.region.empty()) {
    return std::nullopt;
  }
  out.trail_name = std::string(middle.substr(0, home));
  out.home_region = std::string(middle.substr(home + 1));
  return out;
}

std::optional<std::string_view> layout_suffix(std::string_view key) {
  constexpr std::string_view kFolder = "AWSLogs/";
  std::size_t at = std::string_view::npos;
  for (std::size_t from = 0;;) {
    const auto found = key.find(kFolder, from);
    if (found == std::string_view::npos) {
      break;
    }
    if (found == 0 || key[found - 1] == '/') {
      at = found;
    }
    from = found + 1;
  }
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  return key.substr(at);
}

std::string file_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::optional<TimePoint> stamp_time(std::string_view stamp) {
  if (stamp.size() != 16) {
    return std::nullopt;
  }
  return parse_iso8601(fmt::format("{}-{}-{}T{}:{}:{}Z", stamp.substr(0, 4), stamp.substr(4, 2),
                                   stamp.substr(6, 2), stamp.substr(9, 2), stamp.substr(11, 2),
                                   stamp.substr(13, 2)));
}

} // namespace rg::trail::digest
