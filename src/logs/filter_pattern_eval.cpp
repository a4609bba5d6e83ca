#include "logs/filter_pattern.hpp"

#include <vector>

namespace rg::logs {
namespace {

const nlohmann::json* resolve(const nlohmann::json& event, const std::vector<std::string>& path) {
  const nlohmann::json* current = &event;
  for (const auto& step : path) {
    if (current->is_object()) {
      const auto found = current->find(step);
      if (found == current->end()) {
        return nullptr;
      }
      current = &*found;
    } else if (current->is_array()) {
      size_t index = 0;
      for (const char c : step) {
        if (c < '0' || c > '9') {
          return nullptr;
        }
        index = index * 10 + static_cast<size_t>(c - '0');
        if (index > current->size()) {
          return nullptr;
        }
      }
      if (index >= current->size()) {
        return nullptr;
      }
      current = &(*current)[index];
    } else {
      return nullptr;
    }
  }
  return current;
}

bool equals(const nlohmann::json& value, const Literal& literal) {
  if (value.is_string()) {
    return glob_match(literal.text, value.get_ref<const std::string&>());
  }
  if (value.is_number() && literal.is_number) {
    return value.get<double>() == literal.number;
  }
  if (value.is_boolean()) {
    return literal.text == (value.get<bool>() ? "true" : "false");
  }
  return false;
}

bool evaluate(const Comparison& comparison, const nlohmann::json& event) {
  const auto* value = resolve(event, comparison.path);
  switch (comparison.op) {
  case Op::kExists:
    return value != nullptr;
  case Op::kNotExists:
    return value == nullptr;
  case Op::kIsNull:
    return value != nullptr && value->is_null();
  case Op::kIsTrue:
    return value != nullptr && value->is_boolean() && value->get<bool>();
  case Op::kIsFalse:
    return value != nullptr && value->is_boolean() && !value->get<bool>();
  default:
    break;
  }
  if (value == nullptr || value->is_null()) {
    return false; // comparisons on absent fields never match
  }
  switch (comparison.op) {
  case Op::kEq:
    return equals(*value, comparison.value);
  case Op::kNe:
    return !equals(*value, comparison.value);
  default:
    break;
  }
  if (!value->is_number()) {
    return false;
  }
  const double number = value->get<double>();
  switch (comparison.op) {
  case Op::kLt:
    return number < comparison.value.number;
  case Op::kLe:
    return number <= comparison.value.number;
  case Op::kGt:
    return number > comparison.value.number;
  case Op::kGe:
    return number >= comparison.value.number;
  default:
    return false;
  }
}

bool evaluate(const Node& node, const nlohmann::json& event) {
  switch (node.kind) {
  case Node::Kind::kLeaf:
    return evaluate(node.leaf, event);
  case Node::Kind::kAnd:
    for (const auto& child : node.children) {
      if (!evaluate(child, event)) {
        return false;
      }
    }
    return true;
  case Node::Kind::kOr:
    for (const auto& child : node.children) {
      if (evaluate(child, event)) {
        return true;
      }
    }
    return false;
  }
  return false;
}

} // namespace

namespace {

// Knuth-Morris-Pratt: the first occurrence of `needle` in `text` at or after `from`, in time linear in
// both. Backtracking glob matching was quadratic: a 24 KB pattern took 17 s (issue 10).
size_t find_linear(std::string_view text, std::string_view needle, size_t from) {
  if (needle.empty()) {
    return from;
  }
  std::vector<size_t> failure(needle.size(), 0);
  for (size_t i = 1, k = 0; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k]) {
      k = failure[k - 1];
    }
    if (needle[i] == needle[k]) {
      ++k;
    }
    failure[i] = k;
  }
  for (size_t i = from, k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != needle[k]) {
      k = failure[k - 1];
    }
    if (text[i] == needle[k]) {
      ++k;
    }
    if (k == needle.size()) {
      return i + 1 - needle.size();
    }
  }
  return std::string_view::npos;
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view value) {
  // `*` is the only wildcard, so the literal pieces between stars can be placed greedily: the first
  // must be a prefix, the last a suffix, and each middle piece at its leftmost occurrence after the
  // previous one (a later placement never helps). Each search is linear and they never overlap.
  const auto first_star = pattern.find('*');
  if (first_star == std::string_view::npos) {
    return pattern == value;
  }
  const auto head = pattern.substr(0, first_star);
  const auto last_star = pattern.rfind('*');
  const auto tail = pattern.substr(last_star + 1);
  if (head.size() + tail.size() > value.size() || !value.starts_with(head) || !value.ends_with(tail)) {
    return false;
  }
  size_t at = head.size();
  const size_t limit = value.size() - tail.size();
  const auto middle = value.substr(0, limit);
  for (size_t p = first_star + 1; p < last_star;) {
    const auto next = pattern.find('*', p);
    const auto piece = pattern.substr(p, next - p);
    p = next + 1;
    if (piece.empty()) {
      continue;
    }
    const auto found = find_linear(middle, piece, at);
    if (found == std::string_view::npos) {
      return false;
    }
    at = found + piece.size();
  }
  return true;
}

bool matches(const FilterPattern& pattern, const nlohmann::json& event) {
  return evaluate(pattern.root, event);
}

} // namespace rg::logs
