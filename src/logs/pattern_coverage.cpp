#include "logs/pattern_coverage.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace rg::logs {
namespace {

constexpr size_t kMaxEvents = 200'000; // beyond this, say the answer is not exhaustive (6+ fields)

struct Candidate {
  bool present = false;
  nlohmann::json value;
  std::string label;
};

void collect(const Node& node, std::map<std::vector<std::string>, std::vector<const Comparison*>>& out) {
  if (node.kind == Node::Kind::kLeaf) {
    out[node.leaf.path].push_back(&node.leaf);
    return;
  }
  for (const auto& child : node.children) {
    collect(child, out);
  }
}

std::string fill_wildcards(const std::string& text, const std::string& filler) {
  std::string result;
  for (const char c : text) {
    if (c == '*') {
      result += filler;
    } else {
      result += c;
    }
  }
  return result;
}

std::vector<Candidate> candidates_for(const std::vector<const Comparison*>& comparisons) {
  // Strings first: the first counterexample found is then a realistic event, not a boolean oddity.
  std::vector<Candidate> result{{false, nullptr, "absent"},
                                {true, "rootguard-other-value", "<any other value>"}};
  std::set<std::string> strings;
  std::set<double> numbers;
  for (const auto* comparison : comparisons) {
    if (comparison->op == Op::kExists || comparison->op == Op::kNotExists || comparison->op == Op::kIsNull ||
        comparison->op == Op::kIsTrue || comparison->op == Op::kIsFalse) {
      continue;
    }
    if (comparison->value.is_number) {
      const double n = comparison->value.number;
      numbers.insert({n - 1, n, n + 1, n - 0.5, n + 0.5});
    }
    strings.insert(fill_wildcards(comparison->value.text, ""));
    strings.insert(fill_wildcards(comparison->value.text, "Zz"));
  }
  for (const auto& text : strings) {
    result.push_back({true, text, fmt::format("\"{}\"", text)});
  }
  for (const double n : numbers) {
    result.push_back({true, n, fmt::format("{}", n)});
  }
  result.push_back({true, nullptr, "null"});
  result.push_back({true, true, "true"});
  result.push_back({true, false, "false"});
  return result;
}

// Builds the event for one assignment; false when the assignment is impossible (a field set below a
// field that holds a scalar).
bool build_event(const std::vector<std::vector<std::string>>& paths,
                 const std::vector<const Candidate*>& chosen, nlohmann::json& event) {
  event = nlohmann::json::object();
  // Parents first, so a scalar parent is seen before its children.
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!chosen[i]->present) {
      continue;
    }
    nlohmann::json* node = &event;
    const auto& path = paths[i];
    for (size_t step = 0; step < path.size(); ++step) {
      if (!node->is_object()) {
        return false;
      }
      if (step + 1 == path.size()) {
        if (node->contains(path[step])) {
          return false; // a parent path already set this to a scalar
        }
        (*node)[path[step]] = chosen[i]->value;
      } else {
        node = &(*node)[path[step]];
        if (node->is_null()) {
          *node = nlohmann::json::object();
        }
      }
    }
  }
  // Absent means absent: a child set under it would make it present.
  for (size_t i = 0; i < paths.size(); ++i) {
    if (chosen[i]->present) {
      continue;
    }
    const nlohmann::json* node = &event;
    bool exists = true;
    for (const auto& step : paths[i]) {
      if (!node->is_object() || !node->contains(step)) {
        exists = false;
        break;
      }
      node = &node->at(step);
    }
    if (exists) {
      return false;
    }
  }
  return true;
}

std::string describe(const std::vector<std::vector<std::string>>& paths,
                     const std::vector<const Candidate*>& chosen) {
  std::string text;
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string selector = "$";
    for (const auto& step : paths[i]) {
      selector += "." + step;
    }
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", selector,
                        chosen[i]->present ? "= " + chosen[i]->label : std::string("absent"));
  }
  return text;
}

} // namespace

Coverage compare_patterns(const FilterPattern& pattern, const FilterPattern& reference) {
  std::map<std::vector<std::string>, std::vector<const Comparison*>> by_path;
  collect(pattern.root, by_path);
  collect(reference.root, by_path);
  std::vector<std::vector<std::string>> paths;
  std::vector<std::vector<Candidate>> options;
  size_t total = 1;
  for (const auto& [path, comparisons] : by_path) { // std::map: shorter (parent) paths sort first
    paths.push_back(path);
    options.push_back(candidates_for(comparisons));
    total = std::min(kMaxEvents + 1, total * options.back().size());
  }
  Coverage result;
  result.covers_reference = true;
  result.exhaustive = total <= kMaxEvents;
  if (!result.exhaustive) {
    result.covers_reference = false; // unknown: the caller reports it as such, never as a pass
    return result;
  }
  std::vector<size_t> index(paths.size(), 0);
  std::vector<const Candidate*> chosen(paths.size());
  nlohmann::json event;
  for (size_t visited = 0; visited < kMaxEvents; ++visited) {
    for (size_t i = 0; i < paths.size(); ++i) {
      chosen[i] = &options[i][index[i]];
    }
    if (build_event(paths, chosen, event)) {
      const bool in_reference = matches(reference, event);
      const bool in_pattern = matches(pattern, event);
      if (in_reference && !in_pattern && result.covers_reference) {
        result.covers_reference = false;
        result.missed_example = describe(paths, chosen);
      }
      if (in_pattern && !in_reference && !result.broader) {
        result.broader = true;
        result.broader_example = describe(paths, chosen);
      }
    }
    if (!result.covers_reference) {
      break; // a miss decides the verdict; whether it is also broader no longer matters
    }
    // Odometer increment over all fields.
    size_t digit = 0;
    while (digit < index.size() && ++index[digit] == options[digit].size()) {
      index[digit++] = 0;
    }
    if (digit == index.size()) {
      break;
    }
  }
  return result;
}

} // namespace rg::logs
