#include "mutelist/yaml_tree.hpp"

#include <fmt/format.h>
#include <optional>
#include <sstream>
#include <utility>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace rg::mutelist {
namespace {

// Thrown from the event handler to stop yaml-cpp at the first refused construct; carries the mark.
struct Refused {
  YAML::Mark mark;
  std::string message;
};

class TreeBuilder : public YAML::EventHandler {
public:
  explicit TreeBuilder(const YamlLimits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw Refused{mark, "a mutelist is one YAML document; found a second one"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(make(YamlNode::Kind::kNull, mark));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    throw Refused{mark, "aliases (*name) are not allowed in a mutelist: write each entry out"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    auto node = make(YamlNode::Kind::kScalar, mark);
    node.scalar = value;
    add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor, YamlNode::Kind::kSequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor, YamlNode::Kind::kMap);
  }
  void OnMapEnd() override { close(); }
  void OnAnchor(const YAML::Mark& mark, const std::string& /*anchor_name*/) override {
    throw Refused{mark, "anchors (&name) are not allowed in a mutelist: write each entry out"};
  }

  YamlNode take_root() { return root_ ? std::move(*root_) : YamlNode{}; }

private:
  // Open containers, and for a map the key read but not yet paired with its value.
  struct Open {
    YamlNode node;
    std::optional<YamlNode> key;
  };

  static void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Refused{mark, "anchors (&name) are not allowed in a mutelist: write each entry out"};
    }
  }

  YamlNode make(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes) {
      throw Refused{mark, fmt::format("more than {} YAML nodes: not a mutelist", limits_.max_nodes)};
    }
    YamlNode node;
    node.kind = kind;
    node.line = static_cast<std::size_t>(mark.line) + 1;
    node.column = static_cast<std::size_t>(mark.column) + 1;
    return node;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, YamlNode::Kind kind) {
    check_anchor(mark, anchor);
    if (stack_.size() >= limits_.max_depth) {
      throw Refused{mark, fmt::format("nested more than {} levels deep: not a mutelist", limits_.max_depth)};
    }
    stack_.push_back(Open{make(kind, mark), std::nullopt});
  }

  void close() {
    auto node = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(node));
  }

  void add(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    auto& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::kSequence) {
      top.node.items.push_back(std::move(node));
    } else if (!top.key) {
      top.key = std::move(node);
    } else {
      top.node.entries.push_back(YamlMapEntry{std::move(*top.key), std::move(node)});
      top.key.reset();
    }
  }

  YamlLimits limits_;
  std::size_t documents_ = 0;
  std::size_t nodes_ = 0;
  std::vector<Open> stack_;
  std::optional<YamlNode> root_;
};

Problem problem_at(const std::string& file, const YAML::Mark& mark, std::string message) {
  Problem problem;
  problem.kind = ProblemKind::kUnreadable;
  problem.file = file;
  if (mark.line >= 0) {
    problem.where = fmt::format("line {}, column {}", mark.line + 1, mark.column + 1);
  }
  problem.message = std::move(message);
  return problem;
}

} // namespace

std::string YamlNode::where() const {
  return fmt::format("line {}, column {}", line, column);
}

Result<YamlNode> parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(limits);
  try {
    YAML::Parser parser(in);
    // One document is handled; a second one is refused by the handler as soon as it starts.
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Refused& refused) {
    return problem_at(file, refused.mark, refused.message);
  } catch (const YAML::Exception& error) {
    // yaml-cpp's own message ("end of map not found", "illegal EOF in scalar"), at its mark.
    return problem_at(file, error.mark, fmt::format("not valid YAML: {}", error.msg));
  }
  return builder.take_root();
}

} // namespace rg::mutelist
