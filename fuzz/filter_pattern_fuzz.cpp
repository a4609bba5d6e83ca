// libFuzzer entry for the metric filter-pattern parser and the coverage check. Invariants: a rejected
// pattern says where and why; an accepted one prints back (below) to text that parses to the same tree;
// it matches sample events without crashing; and (up to three fields) judged against itself it covers
// itself and is not broader whenever the check is exhaustive.
#include "fuzz_support.hpp"
#include "logs/filter_pattern.hpp"
#include "logs/pattern_coverage.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace rg::logs;

const char* op_text(Op op) {
  switch (op) {
  case Op::kEq:
    return " = ";
  case Op::kNe:
    return " != ";
  case Op::kLt:
    return " < ";
  case Op::kLe:
    return " <= ";
  case Op::kGt:
    return " > ";
  case Op::kGe:
    return " >= ";
  case Op::kExists:
    return " EXISTS";
  case Op::kNotExists:
    return " NOT EXISTS";
  case Op::kIsNull:
    return " IS NULL";
  case Op::kIsTrue:
    return " IS TRUE";
  case Op::kIsFalse:
    return " IS FALSE";
  }
  return "";
}

bool binary(Op op) {
  return op == Op::kEq || op == Op::kNe || op == Op::kLt || op == Op::kLe || op == Op::kGt || op == Op::kGe;
}

// Parentheses only where the tree needs them, so printing never nests deeper than the input did.
void print(const Node& node, std::string& out) {
  if (node.kind == Node::Kind::kLeaf) {
    out += node.leaf.selector;
    out += op_text(node.leaf.op);
    if (!binary(node.leaf.op)) {
      return;
    }
    if (node.leaf.value.is_number) {
      out += node.leaf.value.text; // as written: unquoted, so it stays a number
      return;
    }
    out += '"';
    for (const char c : node.leaf.value.text) {
      if (c == '"' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    out += '"';
    return;
  }
  const char* joint = node.kind == Node::Kind::kAnd ? " && " : " || ";
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const Node& child = node.children[i];
    out += i > 0 ? joint : "";
    const bool group =
        child.kind != Node::Kind::kLeaf && (node.kind == Node::Kind::kAnd || child.kind == Node::Kind::kOr);
    out += group ? "(" : "";
    print(child, out);
    out += group ? ")" : "";
  }
}

bool same(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.children.size() != b.children.size()) {
    return false;
  }
  if (a.kind == Node::Kind::kLeaf) {
    const auto& x = a.leaf;
    const auto& y = b.leaf;
    const bool same_number =
        x.value.number == y.value.number || (std::isnan(x.value.number) && std::isnan(y.value.number));
    return x.path == y.path && x.selector == y.selector && x.op == y.op && x.value.text == y.value.text &&
           x.value.is_number == y.value.is_number && same_number;
  }
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same(a.children[i], b.children[i])) {
      return false;
    }
  }
  return true;
}

void collect_paths(const Node& node, std::set<std::vector<std::string>>& paths) {
  if (node.kind == Node::Kind::kLeaf) {
    paths.insert(node.leaf.path);
  }
  for (const auto& child : node.children) {
    collect_paths(child, paths);
  }
}

const nlohmann::json& sample_event() {
  static const nlohmann::json event = nlohmann::json::parse(R"({
    "eventVersion": "1.08", "eventType": "AwsConsoleSignIn", "eventName": "ConsoleLogin",
    "userIdentity": {"type": "Root", "accountId": "111122223333", "arn": "arn:aws:iam::111122223333:root"},
    "responseElements": {"ConsoleLogin": "Success"}, "additionalEventData": {"MFAUsed": "No"},
    "resources": [{"ARN": "arn:aws:s3:::b"}, 7, null, true], "count": 3, "ratio": -0.5, "flag": false})");
  return event;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto pattern = parse_filter_pattern(text);
  if (!pattern) {
    RG_FUZZ_CHECK(!pattern.error().message.empty() && pattern.error().where.starts_with("column "));
    return 0;
  }
  std::string printed = "{ ";
  print(pattern->root, printed);
  printed += " }";
  const auto again = parse_filter_pattern(printed);
  RG_FUZZ_CHECK(again.has_value());
  RG_FUZZ_CHECK(same(pattern->root, again->root));

  (void)matches(*pattern, sample_event());
  (void)matches(*pattern, nlohmann::json::object());
  // The coverage check enumerates up to 200,000 events: only patterns with few fields, so the fuzzer
  // spends its time on inputs rather than on the same enumeration (the cap itself is cheap to reach).
  std::set<std::vector<std::string>> paths;
  collect_paths(pattern->root, paths);
  if (paths.size() <= 3) {
    if (paths.size() <= 2) { // the CIS pattern adds its own three fields
      static const auto cis = parse_filter_pattern(kCisRootUsagePattern);
      RG_FUZZ_CHECK(cis.has_value());
      (void)compare_patterns(*pattern, *cis);
    }
    const auto self = compare_patterns(*pattern, *pattern);
    RG_FUZZ_CHECK(!self.exhaustive || (self.covers_reference && !self.broader));
  }
  return 0;
}
