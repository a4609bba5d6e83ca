#include "i18n/messages.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace rg {
namespace {

constexpr std::string_view kHole = "{}";
// A value may itself be a message ("--mutelist: {}" carries a Problem's text); four levels is more than
// any message nests, and bounds the work on hostile text.
constexpr int kMaxDepth = 4;

// The values of `text` when it has the shape of `pattern`, else nullopt. Each `{}` takes the shortest
// text up to the next literal part; the last one takes what is left before the pattern's tail.
std::optional<std::vector<std::string_view>> match(std::string_view pattern, std::string_view text) {
  std::vector<std::string_view> literals;
  for (size_t start = 0;;) {
    const size_t hole = pattern.find(kHole, start);
    literals.push_back(pattern.substr(start, hole == std::string_view::npos ? hole : hole - start));
    if (hole == std::string_view::npos) {
      break;
    }
    start = hole + kHole.size();
  }
  const std::string_view head = literals.front();
  const std::string_view tail = literals.back();
  if (literals.size() == 1) {
    return text == head ? std::optional<std::vector<std::string_view>>(std::vector<std::string_view>{})
                        : std::nullopt;
  }
  if (text.size() < head.size() + tail.size() || !text.starts_with(head) || !text.ends_with(tail)) {
    return std::nullopt;
  }
  const std::string_view body = text.substr(head.size(), text.size() - head.size() - tail.size());
  std::vector<std::string_view> values;
  size_t at = 0;
  for (size_t i = 1; i + 1 < literals.size(); ++i) {
    // A value is never empty: an empty one would let "{}: {}" match almost anything.
    const size_t found = literals[i].empty() ? std::string_view::npos : body.find(literals[i], at + 1);
    if (found == std::string_view::npos) {
      return std::nullopt;
    }
    values.push_back(body.substr(at, found - at));
    at = found + literals[i].size();
  }
  if (at >= body.size()) {
    return std::nullopt;
  }
  values.push_back(body.substr(at));
  return values;
}

// `ja` with {0}, {1}, ... replaced by the values.
std::string fill(std::string_view ja, const std::vector<std::string>& values) {
  std::string out;
  out.reserve(ja.size() + 32);
  for (size_t i = 0; i < ja.size(); ++i) {
    if (ja[i] == '{' && i + 2 < ja.size() && ja[i + 1] >= '0' && ja[i + 1] <= '9' && ja[i + 2] == '}') {
      const auto index = static_cast<size_t>(ja[i + 1] - '0');
      if (index < values.size()) {
        out += values[index];
      }
      i += 2;
      continue;
    }
    out += ja[i];
  }
  return out;
}

std::optional<std::string> from_catalog(std::span<const MessagePattern> catalog, std::string_view text,
                                        int depth);

// `complete` turns false when the text, or one of its clauses, is not in the catalog (its values, paths
// and ids that no entry names, do not count).
std::string localize_at(std::span<const MessagePattern> catalog, std::string_view text, int depth,
                        bool& complete) {
  if (depth >= kMaxDepth || text.empty()) {
    return std::string(text);
  }
  if (auto whole = from_catalog(catalog, text, depth)) {
    return *std::move(whole);
  }
  const bool places = catalog.data() == place_catalog().data();
  // "what: message" where `what` names an option, a file or a field ("--accounts: 12345 is not ...", "PATH:
  // is a directory, ...; not read"): the name kept, the message after it localised. A name has no space;
  // anything else is a clause of prose, split below.
  if (const size_t colon = text.find(": "); !places && colon != std::string_view::npos && colon > 0 &&
                                            text.substr(0, colon).find(' ') == std::string_view::npos) {
    return std::string(text.substr(0, colon + 2)) +
           localize_at(catalog, text.substr(colon + 2), depth + 1, complete);
  }
  // Clauses joined by "; " ("truncated gzip data (...); the records inflated before it are kept"), or a
  // place's parts joined by ", ": each on its own, joined as Japanese joins them.
  const std::string_view separator = places ? ", " : "; ";
  if (text.find(separator) != std::string_view::npos) {
    std::string out;
    for (size_t start = 0; start <= text.size();) {
      const size_t end = std::min(text.find(separator, start), text.size());
      if (!out.empty()) {
        out += places ? "、" : "。";
      }
      out += localize_at(catalog, text.substr(start, end - start), depth + 1, complete);
      start = end + separator.size();
    }
    return out;
  }
  complete = false;
  return std::string(text);
}

std::string localize_value(std::string_view value, int depth) {
  bool ignored = true; // a value that no entry names is a path or an id: kept as it is
  return localize_at(message_catalog(), value, depth, ignored);
}

std::optional<std::string> from_catalog(std::span<const MessagePattern> catalog, std::string_view text,
                                        int depth) {
  const bool places = catalog.data() == place_catalog().data();
  for (const auto& entry : catalog) {
    auto values = match(entry.en, text);
    // A place's value is one number or name: "inflated byte {}" must not swallow the ", gzip member ..."
    // part that follows it.
    if (values && places && std::any_of(values->begin(), values->end(), [](std::string_view v) {
          return v.find(", ") != std::string_view::npos;
        })) {
      values.reset();
    }
    if (values) {
      std::vector<std::string> localized;
      localized.reserve(values->size());
      for (const auto value : *values) {
        // Values are localised with the message catalog whatever the catalog of their parent: a place
        // never nests a message, but a message's value may be a place's text or another message.
        localized.push_back(localize_value(value, depth + 1));
      }
      return fill(entry.ja, localized);
    }
  }
  return std::nullopt;
}

} // namespace

std::string localize_message(std::string_view english, Lang lang) {
  bool complete = true;
  return lang == Lang::kJa ? localize_at(message_catalog(), english, 0, complete) : std::string(english);
}

std::string localize_place(std::string_view english, Lang lang) {
  bool complete = true;
  return lang == Lang::kJa ? localize_at(place_catalog(), english, 0, complete) : std::string(english);
}

std::string describe(const Problem& problem, Lang lang) {
  if (lang == Lang::kEn) {
    return problem.describe();
  }
  std::string text;
  if (!problem.file.empty()) {
    text += problem.file;
    text += ": ";
  }
  if (!problem.where.empty()) {
    text += localize_place(problem.where, lang);
    text += ": ";
  }
  text += localize_message(problem.message, lang);
  return text;
}

bool is_localized(std::string_view english) {
  bool complete = true;
  localize_at(message_catalog(), english, 0, complete);
  return complete;
}

bool is_localized_place(std::string_view english) {
  bool complete = true;
  localize_at(place_catalog(), english, 0, complete);
  return complete;
}

} // namespace rg
