#include "policy/request_space.hpp"

#include "policy/evaluator.hpp"
#include "policy/variables.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::policy {
namespace {

// What one statement covers, as indexes into the pattern lists: an Action list is the union of its
// patterns, a NotAction list the complement of that union (the same for resources).
struct Region {
  const PolicyAtLevel* policy = nullptr;
  const Statement* statement = nullptr;
  Effect effect = Effect::kDeny;
  Truth truth = Truth::kTrue; // kUnknown: depends on keys that vary by request
  std::vector<size_t> actions;
  bool actions_negated = false;
  std::vector<size_t> resources;
  bool resources_negated = false;
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return out;
}

size_t intern(std::vector<std::string>& list, std::string value) {
  const auto it = std::find(list.begin(), list.end(), value);
  if (it != list.end()) {
    return static_cast<size_t>(it - list.begin());
  }
  list.push_back(std::move(value));
  return list.size() - 1;
}

bool covers(const std::vector<size_t>& indexes, bool negated, const std::vector<bool>& matches) {
  const bool listed = std::any_of(indexes.begin(), indexes.end(), [&](size_t k) { return matches[k]; });
  return listed != negated;
}

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}

size_t literal_length(std::string_view pattern) {
  return static_cast<size_t>(
      std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '*' && c != '?'; }));
}

// The most telling pattern a signature matches: a literal if there is one, else the most specific.
// SIZE_MAX when it matches none but "*".
size_t best_pattern(const std::vector<bool>& matches, const std::vector<std::string>& display) {
  size_t best = SIZE_MAX;
  for (size_t k = 0; k < matches.size(); ++k) {
    if (!matches[k] || display[k] == "*") {
      continue;
    }
    if (best == SIZE_MAX || (!has_wildcard(display[k]) && has_wildcard(display[best])) ||
        (has_wildcard(display[k]) == has_wildcard(display[best]) &&
         literal_length(display[k]) > literal_length(display[best]))) {
      best = k;
    }
  }
  return best;
}

std::string name_of(const std::vector<bool>& matches, const std::vector<std::string>& display) {
  const auto best = best_pattern(matches, display);
  return best == SIZE_MAX ? std::string() : display[best];
}

std::string label_of(const Region& region) {
  return region.policy->label.empty() ? region.statement->label()
                                      : fmt::format("{} {}", region.policy->label, region.statement->label());
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

} // namespace

bool RequestSpaceResult::any_open() const {
  return std::any_of(classes.begin(), classes.end(), [](const RequestClass& c) { return c.open; });
}

bool RequestSpaceResult::any_denied() const {
  return std::any_of(classes.begin(), classes.end(), [](const RequestClass& c) { return !c.open; });
}

const RequestClass* RequestSpaceResult::classify(std::string_view action, std::string_view resource) const {
  const auto a = signature_of(PatternKind::kAction, action_patterns, action);
  const auto r = signature_of(PatternKind::kArn, resource_patterns, resource);
  for (const auto& request_class : classes) {
    if (actions.signatures[request_class.action].matches == a &&
        resources.signatures[request_class.resource].matches == r) {
      return &request_class;
    }
  }
  return nullptr;
}

std::vector<std::string> RequestSpaceResult::describe(bool open) const {
  return describe_where([open](const RequestClass& request_class) { return request_class.open == open; });
}

std::vector<std::string>
RequestSpaceResult::describe_where(const std::function<bool(const RequestClass&)>& selected) const {
  std::vector<std::string> out;
  const size_t resource_count = resources.signatures.size();
  // In the order the policy names them ("every other action" first), not the walk's.
  std::vector<size_t> order(actions.signatures.size());
  for (size_t a = 0; a < order.size(); ++a) {
    order[a] = a;
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const auto bx = best_pattern(actions.signatures[x].matches, action_display);
    const auto by = best_pattern(actions.signatures[y].matches, action_display);
    return (bx == SIZE_MAX ? 0 : bx + 1) < (by == SIZE_MAX ? 0 : by + 1);
  });
  for (const size_t a : order) {
    std::vector<size_t> hit;
    for (const auto& request_class : classes) {
      if (request_class.action == a && selected(request_class)) {
        hit.push_back(request_class.resource);
      }
    }
    if (hit.empty()) {
      continue;
    }
    const auto named_action = name_of(actions.signatures[a].matches, action_display);
    const std::string action = named_action.empty() ? std::string(1, '*') : named_action;
    if (hit.size() == resource_count) {
      add_unique(out, action);
      continue;
    }
    // Some resources only: name them, or name what they are not when no pattern names them.
    std::vector<std::string> named;
    bool unnamed = false;
    for (const size_t r : hit) {
      auto resource = name_of(resources.signatures[r].matches, resource_patterns);
      if (resource.empty()) {
        unnamed = true;
      } else {
        add_unique(named, std::move(resource));
      }
    }
    for (const auto& resource : named) {
      add_unique(out, fmt::format("{} on {}", action, resource));
    }
    if (unnamed) {
      std::vector<std::string> others;
      for (const auto& pattern : resource_patterns) {
        if (pattern != "*" && std::find(named.begin(), named.end(), pattern) == named.end()) {
          others.push_back(pattern);
        }
      }
      add_unique(out,
                 others.empty() ? action : fmt::format("{} except on {}", action, fmt::join(others, ", ")));
    }
  }
  return out;
}

RequestSpaceResult analyze_request_space(const std::vector<PolicyAtLevel>& policies,
                                         const RequestContext& context, std::string_view partition,
                                         const RequestSpaceOptions& options) {
  RequestSpaceResult result;
  std::vector<Region> regions;
  for (const auto& policy : policies) {
    const bool variables = uses_variables(*policy.document);
    const auto& judged_in = policy.context != nullptr ? *policy.context : context;
    for (const auto& statement : policy.document->statements) {
      const auto truth = statement_principal_truth(statement, *policy.document, policy.type, judged_in);
      if (truth == Truth::kFalse) {
        continue;
      }
      Region region{&policy,
                    &statement,
                    *statement.effect,
                    truth,
                    {},
                    statement.action->negated,
                    {},
                    statement.resource->negated};
      for (const auto& value : statement.action->values) {
        const auto before = result.action_patterns.size();
        region.actions.push_back(intern(result.action_patterns, lower(value)));
        if (result.action_patterns.size() != before) {
          result.action_display.push_back(value);
        }
      }
      for (const auto& value : statement.resource->values) {
        // A variable naming a key root's requests lack makes the value match nothing (IAM User Guide,
        // "IAM policy elements: Variables and tags").
        const auto substituted =
            variables && has_variables(value) ? substitute_variables(value, judged_in) : std::optional{value};
        if (substituted) {
          region.resources.push_back(intern(result.resource_patterns, *substituted));
        }
      }
      regions.push_back(std::move(region));
    }
  }
  result.actions = enumerate_pattern_space(PatternKind::kAction, result.action_patterns, partition);
  result.resources = enumerate_pattern_space(PatternKind::kArn, result.resource_patterns, partition);
  result.complete = result.actions.complete && result.resources.complete;

  for (size_t a = 0; a < result.actions.signatures.size(); ++a) {
    const auto& action = result.actions.signatures[a].matches;
    for (size_t r = 0; r < result.resources.signatures.size(); ++r) {
      const auto& resource = result.resources.signatures[r].matches;
      RequestClass request_class;
      request_class.action = a;
      request_class.resource = r;
      std::vector<bool> allowed(options.levels, false);
      for (const auto& region : regions) {
        if (!covers(region.actions, region.actions_negated, action) ||
            !covers(region.resources, region.resources_negated, resource)) {
          continue;
        }
        if (region.effect == Effect::kDeny) {
          if (region.truth == Truth::kTrue) {
            const auto index = static_cast<size_t>(region.policy - policies.data());
            std::pair<size_t, std::string> entry{index, region.statement->label()};
            if (std::find(request_class.denying_by_policy.begin(), request_class.denying_by_policy.end(),
                          entry) == request_class.denying_by_policy.end()) {
              request_class.denying_by_policy.push_back(std::move(entry));
            }
          }
          add_unique(region.truth == Truth::kTrue ? request_class.denying : request_class.conditional,
                     label_of(region));
        } else if (region.policy->level < allowed.size()) {
          allowed[region.policy->level] = true; // a conditional Allow may allow: err toward "open"
        }
      }
      request_class.explicit_deny = !request_class.denying.empty();
      if (!request_class.explicit_deny && options.require_allow_per_level) {
        for (size_t level = 0; level < options.levels; ++level) {
          const bool assumed =
              level < options.level_assumed_allow.size() && options.level_assumed_allow[level];
          if (!allowed[level] && !assumed) {
            request_class.levels_without_allow.push_back(level);
          }
        }
      }
      request_class.open = !request_class.explicit_deny && request_class.levels_without_allow.empty();
      result.classes.push_back(std::move(request_class));
    }
  }
  return result;
}

} // namespace rg::policy
