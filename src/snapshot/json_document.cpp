#include "snapshot/json_document.hpp"

#include "util/files.hpp"

#include <cmath>
#include <fmt/format.h>

namespace rg::snapshot {
namespace {

std::string line_and_column(const std::string& text, size_t byte) {
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("line {}, column {}", line, column);
}

const char* type_name(nlohmann::json::value_t type) {
  switch (type) {
  case nlohmann::json::value_t::object:
    return "an object";
  case nlohmann::json::value_t::array:
    return "an array";
  case nlohmann::json::value_t::string:
    return "a string";
  case nlohmann::json::value_t::boolean:
    return "a boolean";
  case nlohmann::json::value_t::number_integer:
  case nlohmann::json::value_t::number_unsigned:
  case nlohmann::json::value_t::number_float:
    return "a number";
  case nlohmann::json::value_t::null:
    return "null";
  default:
    return "a value";
  }
}

bool same_kind(nlohmann::json::value_t expected, const nlohmann::json& value) {
  if (expected == nlohmann::json::value_t::number_integer) {
    return value.is_number();
  }
  return value.type() == expected;
}

// nlohmann quotes the whole token it was reading ("; last read: '<token>'[; expected ...]"), which can be
// a whole string value: keep the token's start only, cut on a UTF-8 boundary, so an error never carries
// more than a glimpse of the file (decision 0008).
std::string with_short_excerpt(const std::string& tail) {
  constexpr std::string_view kOpen = "; last read: '";
  constexpr size_t kMaxToken = 32;
  if (!tail.starts_with(kOpen)) {
    return "";
  }
  size_t close = tail.rfind("'; expected");
  if (close == std::string::npos || close < kOpen.size()) {
    close = tail.size() > kOpen.size() && tail.back() == '\'' ? tail.size() - 1 : tail.size();
  }
  const std::string_view token(tail.data() + kOpen.size(), close - kOpen.size());
  if (token.size() <= kMaxToken) {
    return tail;
  }
  size_t cut = kMaxToken;
  while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  const std::string rest = close < tail.size() ? tail.substr(close + 1) : "";
  return fmt::format("{}{}...'{}", kOpen, token.substr(0, cut), rest);
}

} // namespace

std::string json_type_name(const nlohmann::json& value) {
  return type_name(value.type());
}

Result<JsonDocument> load_json(const std::filesystem::path& path, const std::string& display_name,
                               size_t max_bytes) {
  auto content = read_file(path, max_bytes);
  if (!content) {
    auto problem = content.error();
    problem.file = display_name;
    return problem;
  }
  JsonDocument doc{display_name, {}};
  try {
    doc.root = nlohmann::json::parse(*content);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann reports the byte after the failure point; step back one so the column names the culprit.
    const size_t byte = error.byte > 0 ? error.byte - 1 : 0;
    std::string message = error.what();
    if (const auto cut = message.find("; last read"); cut != std::string::npos) {
      message = "invalid JSON" + with_short_excerpt(message.substr(cut));
    } else {
      message = "invalid JSON";
    }
    return Problem{ProblemKind::kUnreadable, display_name, line_and_column(*content, byte), message};
  } catch (const nlohmann::json::exception& error) {
    // Numbers out of range and similar: not a parse position, but still this file's fault.
    return Problem{ProblemKind::kUnreadable, display_name, "", std::string("invalid JSON: ") + error.what()};
  }
  // Every AWS CLI response is an object; anything else is not what the reader expects.
  if (!doc.root.is_object()) {
    return Problem{ProblemKind::kInvalid, display_name, "$",
                   "expected an object, found " + json_type_name(doc.root)};
  }
  return doc;
}

Result<const nlohmann::json*> require_member(const JsonDocument& doc, const nlohmann::json& object,
                                             const std::string& path, const char* key,
                                             nlohmann::json::value_t type) {
  const std::string member_path = path + "." + key;
  if (!object.is_object()) {
    return Problem{ProblemKind::kInvalid, doc.file, path,
                   fmt::format("expected an object, found {}", json_type_name(object))};
  }
  const auto found = object.find(key);
  if (found == object.end()) {
    return Problem{ProblemKind::kInvalid, doc.file, member_path, "missing"};
  }
  if (!same_kind(type, *found)) {
    return Problem{ProblemKind::kInvalid, doc.file, member_path,
                   fmt::format("expected {}, found {}", type_name(type), json_type_name(*found))};
  }
  return &*found;
}

Result<std::string> require_string(const JsonDocument& doc, const nlohmann::json& object,
                                   const std::string& path, const char* key) {
  auto member = require_member(doc, object, path, key, nlohmann::json::value_t::string);
  if (!member) {
    return member.error();
  }
  return (*member)->get<std::string>();
}

Result<std::optional<std::string>> optional_string(const JsonDocument& doc, const nlohmann::json& object,
                                                   const std::string& path, const char* key) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::optional<std::string>{};
  }
  auto value = require_string(doc, object, path, key);
  if (!value) {
    return value.error();
  }
  return std::optional<std::string>{std::move(*value)};
}

Result<bool> optional_bool(const JsonDocument& doc, const nlohmann::json& object, const std::string& path,
                           const char* key, bool fallback) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return fallback;
  }
  auto member = require_member(doc, object, path, key, nlohmann::json::value_t::boolean);
  if (!member) {
    return member.error();
  }
  return (*member)->get<bool>();
}

Result<std::optional<double>> optional_number(const JsonDocument& doc, const nlohmann::json& object,
                                              const std::string& path, const char* key) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::optional<double>{};
  }
  auto member = require_member(doc, object, path, key, nlohmann::json::value_t::number_integer);
  if (!member) {
    return member.error();
  }
  const double number = (*member)->get<double>();
  if (!std::isfinite(number)) {
    return Problem{ProblemKind::kUnreadable, doc.file, fmt::format("{}.{}", path, key),
                   "not a finite number"};
  }
  return std::optional<double>{number};
}

Result<std::optional<TimePoint>> optional_timestamp(const JsonDocument& doc, const nlohmann::json& object,
                                                    const std::string& path, const char* key) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::optional<TimePoint>{};
  }
  const auto& value = object.at(key);
  const std::string member_path = fmt::format("{}.{}", path, key);
  std::optional<TimePoint> time;
  if (value.is_string()) {
    time = parse_aws_timestamp(value.get_ref<const std::string&>());
  } else if (value.is_number()) {
    time = parse_aws_timestamp(value.get<double>());
  } else {
    return Problem{ProblemKind::kInvalid, doc.file, member_path,
                   "expected a time (ISO 8601 text or epoch seconds), found " + json_type_name(value)};
  }
  if (!time) {
    // The value is quoted: a timestamp is short, and the user needs to see what was there. dump()
    // escapes control characters; a long string is cut so a message never carries much of the file.
    std::string shown = value.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    constexpr size_t kMaxShown = 40;
    if (shown.size() > kMaxShown) {
      shown = shown.substr(0, kMaxShown) + "...";
    }
    return Problem{ProblemKind::kInvalid, doc.file, member_path,
                   "not a time (ISO 8601 text or epoch seconds from year 0 to 9999): " + shown};
  }
  return time;
}

Result<TimePoint> require_timestamp(const JsonDocument& doc, const nlohmann::json& object,
                                    const std::string& path, const char* key) {
  auto time = optional_timestamp(doc, object, path, key);
  if (!time) {
    return time.error();
  }
  if (!*time) {
    return Problem{ProblemKind::kInvalid, doc.file, fmt::format("{}.{}", path, key), "missing"};
  }
  return **time;
}

Result<const nlohmann::json*> optional_array(const JsonDocument& doc, const nlohmann::json& object,
                                             const std::string& path, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return &kEmpty;
  }
  return require_member(doc, object, path, key, nlohmann::json::value_t::array);
}

Result<std::vector<std::string>> string_array(const JsonDocument& doc, const nlohmann::json& object,
                                              const std::string& path, const char* key) {
  auto list = optional_array(doc, object, path, key);
  if (!list) {
    return list.error();
  }
  std::vector<std::string> values;
  size_t index = 0;
  for (const auto& item : **list) {
    if (!item.is_string()) {
      return Problem{ProblemKind::kInvalid, doc.file, fmt::format("{}.{}[{}]", path, key, index),
                     "expected a string, found " + json_type_name(item)};
    }
    values.push_back(item.get<std::string>());
    ++index;
  }
  return values;
}

} // namespace rg::snapshot
