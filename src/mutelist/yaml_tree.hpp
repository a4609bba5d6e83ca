#pragma once
// A YAML document as a small tree of maps, sequences and scalars, each with the line and column it was
// written at. Built from yaml-cpp's parser events rather than YAML::Load so that hostile input is refused
// while it is read: anchors and aliases (the "billion laughs" bomb needs them), nesting deeper than a
// mutelist ever is, too many nodes, and a second document.
#include "util/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rg::mutelist {

struct YamlLimits {
  std::size_t max_depth = 8;      // a mutelist is 3 deep (map -> list -> entry -> value)
  std::size_t max_nodes = 200000; // ~5 bytes a node in a 1 MiB file
};

struct YamlMapEntry;

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::size_t line = 0; // 1-based
  std::size_t column = 0;
  std::string scalar;                // kScalar
  std::vector<YamlNode> items;       // kSequence
  std::vector<YamlMapEntry> entries; // kMap, in file order (duplicates kept for the reader)

  std::string where() const; // "line 3, column 7"
};

// A separate type rather than std::pair<YamlNode, YamlNode>: a pair member of YamlNode's own vector would
// need YamlNode complete inside its own definition.
struct YamlMapEntry {
  YamlNode key;
  YamlNode value;
};

// Parses one YAML document. An empty document is a kNull root. `file` names the problems.
Result<YamlNode> parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits = {});

} // namespace rg::mutelist
