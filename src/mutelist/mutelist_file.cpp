// Reading a mutelist: YAML -> checked entries. Strict on purpose: a mutelist hides failures, so a typo
// (an unknown key, a misspelt control id, a date that is not one) must be an error, never an entry that
// silently mutes more or less than meant.
#include "controls/control.hpp"
#include "detections/catalog.hpp"
#include "mutelist/mutelist.hpp"
#include "mutelist/yaml_tree.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace rg::mutelist {
namespace {

using Kind = YamlNode::Kind;

// Thrown inside this file only, turned into the Problem parse_mutelist returns.
struct Invalid {
  const YamlNode* node;
  std::string message;
};

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}

bool is_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const std::string& scalar(const YamlNode& node, std::string_view key) {
  if (node.kind != Kind::kScalar) {
    throw Invalid{&node, fmt::format("'{}' must be text", key)};
  }
  return node.scalar;
}

std::string pattern(const YamlNode& node, std::string_view key) {
  const auto& text = scalar(node, key);
  if (text.empty()) {
    throw Invalid{&node, fmt::format("'{}' is empty: leave the key out to match any value", key)};
  }
  if (text.size() > kMaxPatternBytes) {
    throw Invalid{&node, fmt::format("'{}' is longer than {} bytes", key, kMaxPatternBytes)};
  }
  return text;
}

// An account id is 12 digits; a pattern may use * and ? in place of digits. YAML reads an unquoted
// 012345678901 as text here (the tree keeps scalars as written), so leading zeros survive.
std::string account_pattern(const YamlNode& node) {
  auto text = pattern(node, "account");
  const bool digits_or_wildcards = std::all_of(
      text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '*' || c == '?'; });
  if (!digits_or_wildcards || (!has_wildcard(text) && text.size() != 12) || text.size() > 12) {
    throw Invalid{&node, fmt::format("'account' must be a 12-digit AWS account id (or a pattern of digits, * "
                                     "and ?), got '{}'",
                                     text)};
  }
  return text;
}

bool known_rule(std::string_view id) {
  return controls::find_control(id) != nullptr || detections::find_detection(id) != nullptr;
}

std::string rule_pattern(const YamlNode& node, std::string_view key) {
  auto text = pattern(node, key);
  // A pattern may match nothing today and something after an upgrade; an exact id must exist now.
  if (!has_wildcard(text) && !known_rule(text)) {
    throw Invalid{&node,
                  fmt::format("unknown control or detection id '{}' (see: rootguard controls list)", text)};
  }
  return text;
}

std::string finding_id(const YamlNode& node) {
  const auto& text = scalar(node, "finding_id");
  const bool hex = std::all_of(text.begin(), text.end(),
                               [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (text.size() != 32 || !hex) {
    throw Invalid{&node, fmt::format("'finding_id' must be 32 lowercase hex digits, as rootguard prints it, "
                                     "got '{}'",
                                     text)};
  }
  return text;
}

std::string required_text(const YamlNode& node, std::string_view key) {
  const auto& text = scalar(node, key);
  if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; })) {
    throw Invalid{&node, fmt::format("'{}' is empty", key)};
  }
  return text;
}

constexpr std::array<std::string_view, 10> kKeys = {"account",  "control",    "detection", "region",
                                                    "resource", "finding_id", "reason",    "expires",
                                                    "owner",    "ticket"};

Entry read_entry(const YamlNode& node, const std::string& file) {
  if (node.kind != Kind::kMap) {
    throw Invalid{&node, "each entry of 'mutes' must be a map (account:, control:, reason:, expires:, ...)"};
  }
  Entry entry;
  entry.line = node.line;
  Mute mute;
  mute.entry = fmt::format("{}:{}", file, node.line);
  bool has_reason = false;
  bool has_expires = false;
  std::vector<std::string_view> seen;
  for (const auto& [key_node, value] : node.entries) {
    const auto& key = scalar(key_node, "key");
    const auto* const known = std::find(kKeys.begin(), kKeys.end(), key);
    if (known == kKeys.end()) {
      throw Invalid{&key_node, fmt::format("unknown key '{}' (expected one of: account, control, detection, "
                                           "region, resource, finding_id, reason, expires, owner, ticket)",
                                           key)};
    }
    if (std::find(seen.begin(), seen.end(), *known) != seen.end()) {
      throw Invalid{&key_node, fmt::format("'{}' is given twice in this entry", key)};
    }
    seen.push_back(*known);
    // yaml-cpp marks an empty value where the next token starts (often the next line): name the key.
    if (value.kind == Kind::kNull) {
      throw Invalid{&key_node, fmt::format("'{}' has no value", key)};
    }
    if (key == "account") {
      entry.account = account_pattern(value);
    } else if (key == "control" || key == "detection") {
      if (!entry.rule.empty()) {
        throw Invalid{&key_node, "give 'control' or 'detection', not both"};
      }
      entry.rule = rule_pattern(value, key);
    } else if (key == "region") {
      entry.region = pattern(value, key);
    } else if (key == "resource") {
      entry.resource = pattern(value, key);
    } else if (key == "finding_id") {
      entry.finding_id = finding_id(value);
    } else if (key == "reason") {
      mute.reason = required_text(value, key);
      has_reason = true;
    } else if (key == "expires") {
      const auto& text = scalar(value, key);
      const auto date = parse_date(text);
      if (!date) {
        throw Invalid{&value, fmt::format("'expires' must be a date as YYYY-MM-DD, got '{}'", text)};
      }
      entry.expires = *date;
      mute.expires = format_date(*date);
      has_expires = true;
    } else if (key == "owner") {
      mute.owner = required_text(value, key);
    } else {
      mute.ticket = required_text(value, key);
    }
  }
  if (!has_reason) {
    throw Invalid{&node, "this entry has no 'reason': say why the exception is accepted"};
  }
  // Every exception ends: an entry without an end date would mute a finding (a critical one included)
  // forever, so there is no such entry (decision 0017).
  if (!has_expires) {
    throw Invalid{&node, "this entry has no 'expires' date (YYYY-MM-DD): every exception must end"};
  }
  // An entry with neither would mute every finding of every account.
  if (entry.finding_id.empty() && entry.rule.empty()) {
    throw Invalid{&node,
                  "this entry names no 'control', 'detection' or 'finding_id': it would mute everything"};
  }
  entry.mute = std::make_shared<const Mute>(std::move(mute));
  return entry;
}

Mutelist read_document(const YamlNode& root, const std::string& file) {
  if (root.kind != Kind::kMap) {
    throw Invalid{&root, "a mutelist is a map with 'version: 1' and a 'mutes' list (see docs/mutelist.md)"};
  }
  Mutelist result;
  result.file = file;
  const YamlNode* mutes = nullptr;
  bool has_version = false;
  for (const auto& [key_node, value] : root.entries) {
    const auto& key = scalar(key_node, "key");
    if (key == "version") {
      if (has_version) {
        throw Invalid{&key_node, "'version' is given twice"};
      }
      has_version = true;
      if (value.kind != Kind::kScalar || value.scalar != "1") {
        throw Invalid{&value, "'version' must be 1 (the only mutelist format there is)"};
      }
    } else if (key == "mutes") {
      if (mutes != nullptr) {
        throw Invalid{&key_node, "'mutes' is given twice"};
      }
      mutes = &value;
    } else {
      throw Invalid{&key_node, fmt::format("unknown key '{}' (expected 'version' and 'mutes')", key)};
    }
  }
  if (!has_version) {
    throw Invalid{&root, "no 'version: 1'"};
  }
  if (mutes == nullptr) {
    throw Invalid{&root, "no 'mutes' list"};
  }
  if (mutes->kind == Kind::kNull) {
    return result; // "mutes:" with nothing under it: an empty list
  }
  if (mutes->kind != Kind::kSequence) {
    throw Invalid{mutes, "'mutes' must be a list of entries"};
  }
  if (mutes->items.size() > kMaxEntries) {
    throw Invalid{mutes, fmt::format("more than {} entries", kMaxEntries)};
  }
  for (const auto& item : mutes->items) {
    result.entries.push_back(read_entry(item, file));
  }
  return result;
}

int digits(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

} // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !is_digits(text.substr(0, 4)) ||
      !is_digits(text.substr(5, 2)) || !is_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{digits(text.substr(0, 4))},
                  std::chrono::month{static_cast<unsigned>(digits(text.substr(5, 2)))},
                  std::chrono::day{static_cast<unsigned>(digits(text.substr(8, 2)))}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

Result<Mutelist> parse_mutelist(std::string_view text, const std::string& file) {
  if (text.size() > kMaxFileBytes) {
    return Problem{ProblemKind::kInvalid, file, "",
                   fmt::format("larger than {} KiB: a mutelist is written by people, not generated in bulk",
                               kMaxFileBytes >> 10)};
  }
  auto tree = parse_yaml(text, file);
  if (!tree) {
    return tree.error();
  }
  try {
    return read_document(*tree, file);
  } catch (const Invalid& invalid) {
    // An empty document has no position: the problem is the file as a whole.
    return Problem{ProblemKind::kInvalid, file, invalid.node->line == 0 ? "" : invalid.node->where(),
                   invalid.message};
  }
}

Result<Mutelist> load_mutelist(const std::filesystem::path& path) {
  auto text = read_file(path, kMaxFileBytes);
  if (!text) {
    return text.error();
  }
  return parse_mutelist(*text, path.string());
}

} // namespace rg::mutelist
