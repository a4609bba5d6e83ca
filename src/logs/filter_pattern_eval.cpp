#include "logs/filter_pattern.hpp"

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

bool glob_match(std::string_view pattern, std::string_view value) {
  // Iterative glob with backtracking to the last star: linear in practice, no recursion.
  size_t p = 0;
  size_t v = 0;
  size_t star = std::string_view::npos;
  size_t resume = 0;
  while (v < value.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = v;
    } else if (p < pattern.size() && pattern[p] == value[v]) {
      ++p;
      ++v;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

bool matches(const FilterPattern& pattern, const nlohmann::json& event) {
  return evaluate(pattern.root, event);
}

} // namespace rg::logs
