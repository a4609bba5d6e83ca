#include "policy/json_source.hpp"

#include "i18n/messages.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <vector>

namespace rg::policy {
namespace {

bool is_identifier(std::string_view key) {
  if (key.empty()) {
    return false;
  }
  return std::ranges::all_of(key, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Tracks where the parser is so duplicate keys can be reported with a path (nlohmann keeps the last).
struct Frame {
  bool is_array = false;
  size_t next_index = 0;
  std::string path;
  std::set<std::string> keys;
  std::string last_key;
};

class PathTracker {
public:
  explicit PathTracker(ProblemList& problems) : problems_(problems) {}

  bool on_event(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (too_deep_ || depth > kMaxJsonDepth) {
      too_deep_ = true; // from here on paths are meaningless; the whole value is rejected
      return false;
    }
    switch (event) {
    case Event::object_start:
    case Event::array_start:
      frames_.push_back({event == Event::array_start, 0, child_path(), {}, {}});
      break;
    case Event::key: {
      if (frames_.empty()) {
        break;
      }
      auto& frame = frames_.back();
      const std::string key = parsed.is_string() ? parsed.get<std::string>() : std::string();
      frame.last_key = key;
      if (!frame.keys.insert(key).second) {
        const auto path = json_member_path(frame.path, key);
        problems_.warning(
            "json-duplicate-key", path,
            fmt::format("Key \"{}\" appears twice in the same object; parsers disagree on which one "
                        "wins (rootguard reads the last). Keep one.",
                        key),
            fmt::format("同じオブジェクトにキー \"{}\" が 2 回現れます。どちらが有効になるかはパーサー"
                        "によって異なります (rootguard は最後の値を読みます)。1 つにしてください。",
                        key));
      }
      break;
    }
    case Event::object_end:
    case Event::array_end:
      if (!frames_.empty()) {
        frames_.pop_back();
      }
      finish_value();
      break;
    case Event::value:
      finish_value();
      break;
    }
    return true;
  }

  bool too_deep() const { return too_deep_; }

private:
  std::string child_path() const {
    if (frames_.empty()) {
      return "$";
    }
    const auto& parent = frames_.back();
    return parent.is_array ? json_index_path(parent.path, parent.next_index)
                           : json_member_path(parent.path, parent.last_key);
  }
  void finish_value() {
    if (!frames_.empty() && frames_.back().is_array) {
      ++frames_.back().next_index;
    }
  }

  ProblemList& problems_;
  std::vector<Frame> frames_;
  bool too_deep_ = false;
};

} // namespace

std::string json_member_path(std::string_view base, std::string_view key) {
  if (is_identifier(key)) {
    return fmt::format("{}.{}", base, key);
  }
  std::string escaped;
  for (const char c : key) {
    if (c == '"' || c == '\\') {
      escaped += '\\';
    }
    escaped += c;
  }
  return fmt::format("{}[\"{}\"]", base, escaped);
}

std::string json_index_path(std::string_view base, size_t index) {
  return fmt::format("{}[{}]", base, index);
}

void line_column(std::string_view text, size_t offset, int& line, int& column) {
  line = 1;
  column = 1;
  const size_t end = std::min(offset, text.size());
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

std::optional<nlohmann::json> parse_policy_json(std::string_view text, ProblemList& problems) {
  PathTracker tracker(problems);
  try {
    auto callback = [&tracker](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
      return tracker.on_event(depth, event, parsed);
    };
    auto value = nlohmann::json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                                       /*ignore_comments=*/false);
    if (tracker.too_deep()) {
      problems.error(
          "json-too-deep", "$",
          fmt::format("The JSON nests deeper than {} levels; no IAM policy does. Not read further.",
                      kMaxJsonDepth),
          fmt::format("JSON の入れ子が {} 段を超えています。IAM ポリシーではあり得ないため、これ以上"
                      "読みません。",
                      kMaxJsonDepth));
      return std::nullopt;
    }
    return value;
  } catch (const nlohmann::json::parse_error& error) {
    // `byte` is 1-based: the position of the character the lexer stopped on.
    int line = 0;
    int column = 0;
    line_column(text, error.byte == 0 ? 0 : error.byte - 1, line, column);
    std::string detail = error.what();
    const auto colon = detail.rfind(": ");
    if (colon != std::string::npos) {
      detail = detail.substr(colon + 2); // drop nlohmann's "[json.exception.parse_error.101] ..." prefix
    }
    PolicyProblem problem{"json-syntax",
                          ProblemSeverity::kError,
                          "$",
                          {fmt::format("Not valid JSON at line {}, column {}: {}", line, column, detail),
                           fmt::format("{} 行 {} 列目で JSON として不正です: {}", line, column,
                                       localize_message(detail, Lang::kJa))},
                          line,
                          column};
    problems.push(std::move(problem));
  } catch (const nlohmann::json::exception& error) {
    problems.error("json-syntax", "$", fmt::format("Not valid JSON: {}", error.what()),
                   fmt::format("JSON として不正です: {}", localize_message(error.what(), Lang::kJa)));
  }
  return std::nullopt;
}

} // namespace rg::policy
