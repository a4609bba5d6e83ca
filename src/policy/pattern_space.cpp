#include "policy/pattern_space.hpp"

#include "policy/wildcard.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <unordered_map>

namespace rg::policy {
namespace {

using Word = std::uint64_t;
constexpr size_t kWordBits = 64;

// One pattern as an automaton over its positions 0..n (n = accepting). A `*` at position i loops on
// i and may be skipped (i+1); `colon_bound` marks wildcards inside the first five ARN parts, which
// never match ':' because the ARN is split there before matching.
struct Compiled {
  std::string text;
  std::vector<bool> colon_bound;
  bool never = false; // an ARN pattern with fewer than six parts
  size_t words = 1;
};

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

Compiled compile(std::string_view pattern, PatternKind kind) {
  Compiled out;
  for (const char c : pattern) {
    if (c == '*' && !out.text.empty() && out.text.back() == '*') {
      continue; // "**" is "*"
    }
    out.text += kind == PatternKind::kAction ? fold(c) : c;
  }
  out.colon_bound.assign(out.text.size(), false);
  if (kind == PatternKind::kArn && out.text != "*") {
    size_t colons = 0;
    for (size_t i = 0; i < out.text.size(); ++i) {
      out.colon_bound[i] = colons < 5;
      colons += out.text[i] == ':' ? 1 : 0;
    }
    out.never = colons < 5;
  }
  out.words = (out.text.size() + 1 + kWordBits - 1) / kWordBits;
  return out;
}

bool test_bit(const Word* set, size_t i) {
  return ((set[i / kWordBits] >> (i % kWordBits)) & 1U) != 0;
}

void set_bit(Word* set, size_t i) {
  set[i / kWordBits] |= Word{1} << (i % kWordBits);
}

// Adds i+1 for every `*` at i in the set (ascending, so chains of skips close in one pass).
void close_stars(const Compiled& p, Word* set) {
  for (size_t i = 0; i < p.text.size(); ++i) {
    if (p.text[i] == '*' && test_bit(set, i)) {
      set_bit(set, i + 1);
    }
  }
}

void start_set(const Compiled& p, Word* set) {
  std::fill(set, set + p.words, Word{0});
  if (!p.never) {
    set_bit(set, 0);
    close_stars(p, set);
  }
}

void step(const Compiled& p, const Word* from, char c, Word* to) {
  std::fill(to, to + p.words, Word{0});
  for (size_t i = 0; i < p.text.size(); ++i) {
    if (!test_bit(from, i)) {
      continue;
    }
    const char token = p.text[i];
    const bool wildcard_may = !p.colon_bound[i] || c != ':';
    if (token == '*') {
      if (wildcard_may) {
        set_bit(to, i);
      }
    } else if (token == '?') {
      if (wildcard_may) {
        set_bit(to, i + 1);
      }
    } else if (token == c) {
      set_bit(to, i + 1);
    }
  }
  close_stars(p, to);
}

bool accepts(const Compiled& p, const Word* set) {
  return test_bit(set, p.text.size());
}

// Well-formed action names: a non-empty service, one colon, a non-empty name.
int action_universe_step(int state, char c) {
  if (state < 0) {
    return -1;
  }
  if (c == ':') {
    return state == 1 ? 2 : -1;
  }
  switch (state) {
  case 0:
  case 1:
    return 1;
  case 2:
  case 3:
    return 3;
  default:
    return -1;
  }
}

// A character no pattern names: stands for "any other character" in witnesses.
char fresh_char(const std::string& used) {
  for (const char c : std::string_view("xqzjkvwy0123456789abcdefghilmnoprstu")) {
    if (used.find(c) == std::string::npos) {
      return c;
    }
  }
  return '~';
}

class Walk {
public:
  Walk(PatternKind kind, const std::vector<std::string>& patterns, std::string_view partition) : kind_(kind) {
    for (const auto& pattern : patterns) {
      compiled_.push_back(compile(pattern, kind));
    }
    if (kind == PatternKind::kArn) {
      // Service and resource are never empty; region and account are (S3, IAM).
      universe_ = compile(fmt::format("arn:{}:?*:*:*:?*", partition), kind);
    }
    std::string used = ":";
    for (const auto& p : compiled_) {
      for (const char c : p.text) {
        if (c != '*' && c != '?' && used.find(c) == std::string::npos) {
          used += c;
        }
      }
    }
    for (const char c : universe_.text) {
      if (c != '*' && c != '?' && used.find(c) == std::string::npos) {
        used += c;
      }
    }
    alphabet_ = used;
    alphabet_ += fresh_char(used);
    size_t offset = universe_words();
    for (const auto& p : compiled_) {
      offsets_.push_back(offset);
      offset += p.words;
    }
    state_words_ = offset;
  }

  PatternSpace run(size_t cap) {
    PatternSpace space;
    std::vector<Word> start(state_words_, 0);
    if (kind_ == PatternKind::kAction) {
      start[0] = 0;
    } else {
      start_set(universe_, start.data());
    }
    for (size_t k = 0; k < compiled_.size(); ++k) {
      start_set(compiled_[k], start.data() + offsets_[k]);
    }
    std::unordered_map<std::string, size_t> seen;
    std::vector<std::pair<size_t, char>> parent; // how each state was first reached
    std::vector<std::vector<Word>> states;
    std::unordered_map<std::string, bool> signatures_seen;
    std::deque<size_t> queue;
    const auto add_state = [&](std::vector<Word>&& state, size_t from, char c) {
      std::string key(reinterpret_cast<const char*>(state.data()), state.size() * sizeof(Word));
      if (!seen.emplace(std::move(key), states.size()).second) {
        return;
      }
      parent.emplace_back(from, c);
      states.push_back(std::move(state));
      queue.push_back(states.size() - 1);
    };
    add_state(std::move(start), SIZE_MAX, '\0');
    std::vector<Word> next(state_words_, 0);
    while (!queue.empty()) {
      const size_t index = queue.front();
      queue.pop_front();
      if (universe_accepts(states[index].data())) {
        std::vector<bool> matches(compiled_.size());
        std::string key(compiled_.size(), '0');
        for (size_t k = 0; k < compiled_.size(); ++k) {
          matches[k] = accepts(compiled_[k], states[index].data() + offsets_[k]);
          key[k] = matches[k] ? '1' : '0';
        }
        if (signatures_seen.emplace(std::move(key), true).second) {
          space.signatures.push_back({std::move(matches), witness(parent, index)});
        }
      }
      for (const char c : alphabet_) {
        if (!advance(states[index].data(), c, next.data())) {
          continue; // not the prefix of any well-formed name
        }
        if (states.size() >= cap) {
          space.complete = false;
          break;
        }
        add_state(std::vector<Word>(next), index, c);
      }
      if (!space.complete) {
        break;
      }
    }
    if (kind_ == PatternKind::kArn) {
      add_bare_star(space);
    }
    return space;
  }

private:
  size_t universe_words() const { return kind_ == PatternKind::kAction ? 1 : universe_.words; }

  bool universe_accepts(const Word* state) const {
    return kind_ == PatternKind::kAction ? state[0] == 3 : accepts(universe_, state);
  }

  bool advance(const Word* from, char c, Word* to) const {
    if (kind_ == PatternKind::kAction) {
      const int next = action_universe_step(static_cast<int>(from[0]), c);
      if (next < 0) {
        return false;
      }
      to[0] = static_cast<Word>(next);
    } else {
      step(universe_, from, c, to);
      if (std::all_of(to, to + universe_.words, [](Word w) { return w == 0; })) {
        return false;
      }
    }
    for (size_t k = 0; k < compiled_.size(); ++k) {
      step(compiled_[k], from + offsets_[k], c, to + offsets_[k]);
    }
    return true;
  }

  static std::string witness(const std::vector<std::pair<size_t, char>>& parent, size_t index) {
    std::string out;
    while (parent[index].first != SIZE_MAX) {
      out += parent[index].second;
      index = parent[index].first;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // The request resource "*" matches only the pattern "*" (arn_matches).
  void add_bare_star(PatternSpace& space) const {
    std::vector<bool> matches(compiled_.size());
    for (size_t k = 0; k < compiled_.size(); ++k) {
      matches[k] = compiled_[k].text == "*";
    }
    const bool known = std::any_of(space.signatures.begin(), space.signatures.end(),
                                   [&](const PatternSignature& s) { return s.matches == matches; });
    if (!known) {
      space.signatures.push_back({std::move(matches), "*"});
    }
  }

  PatternKind kind_;
  std::vector<Compiled> compiled_;
  Compiled universe_;
  std::string alphabet_;
  std::vector<size_t> offsets_;
  size_t state_words_ = 0;
};

} // namespace

PatternSpace enumerate_pattern_space(PatternKind kind, const std::vector<std::string>& patterns,
                                     std::string_view partition, size_t state_cap) {
  return Walk(kind, patterns, partition).run(state_cap);
}

std::vector<bool> signature_of(PatternKind kind, const std::vector<std::string>& patterns,
                               std::string_view text) {
  std::vector<bool> out;
  out.reserve(patterns.size());
  for (const auto& pattern : patterns) {
    out.push_back(kind == PatternKind::kAction ? action_matches(pattern, text) : arn_matches(pattern, text));
  }
  return out;
}

} // namespace rg::policy
