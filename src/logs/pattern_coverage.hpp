#pragma once
// Judges a metric filter pattern by meaning against a reference pattern (the CIS root-usage filter):
// does it match every event the reference matches, and does it also match others?
#include "logs/filter_pattern.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rg::logs {

struct Coverage {
  bool covers_reference = false; // every event the reference matches, the pattern matches too
  bool broader = false;          // the pattern also matches events the reference does not
  std::string missed_example;    // an event the reference matches and the pattern misses
  std::string broader_example;   // an event the pattern matches and the reference does not
  bool exhaustive = true;        // false when too many fields to enumerate: then nothing else is meaningful
};

// Enumerates representative events over every field either pattern mentions: absent, null, booleans,
// each literal (wildcards filled two ways), neighbours of each number, and a value neither mentions.
Coverage compare_patterns(const FilterPattern& pattern, const FilterPattern& reference);

} // namespace rg::logs
