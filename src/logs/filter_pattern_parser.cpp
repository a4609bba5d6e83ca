#include "logs/filter_pattern.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace rg::logs {
namespace {

constexpr int kMaxDepth =
    64; // parentheses deeper than this are not a real filter; stop before the stack does

class Parser {
public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<FilterPattern> parse() {
    skip_space();
    if (!consume('{')) {
      return fail(
          pos_ < text_.size() && text_[pos_] == '['
              ? "space-delimited patterns ([...]) are not JSON patterns; rootguard judges only { ... }"
              : "expected '{': only JSON patterns ({ $.field = value }) can be judged by meaning");
    }
    Node root;
    if (auto ok = parse_or(root, 0); !ok) {
      return ok.error();
    }
    skip_space();
    if (!consume('}')) {
      return fail("expected '&&', '||' or '}'");
    }
    skip_space();
    if (pos_ != text_.size()) {
      return fail("unexpected text after the closing '}'");
    }
    return FilterPattern{std::string(text_), std::move(root)};
  }

private:
  using Status = Result<bool>;

  Problem fail(const std::string& message) const {
    return Problem{ProblemKind::kInvalid, "", fmt::format("column {}", pos_ + 1), message};
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool consume(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) == word) {
      pos_ += word.size();
      return true;
    }
    return false;
  }

  Status parse_or(Node& out, int depth) {
    Node first;
    if (auto ok = parse_and(first, depth); !ok) {
      return ok;
    }
    std::vector<Node> terms;
    terms.push_back(std::move(first));
    while (true) {
      skip_space();
      if (!consume("||")) {
        break;
      }
      Node next;
      if (auto ok = parse_and(next, depth); !ok) {
        return ok;
      }
      terms.push_back(std::move(next));
    }
    out = terms.size() == 1 ? std::move(terms.front()) : Node{Node::Kind::kOr, std::move(terms), {}};
    return true;
  }

  Status parse_and(Node& out, int depth) {
    Node first;
    if (auto ok = parse_unary(first, depth); !ok) {
      return ok;
    }
    std::vector<Node> terms;
    terms.push_back(std::move(first));
    while (true) {
      skip_space();
      if (!consume("&&")) {
        break;
      }
      Node next;
      if (auto ok = parse_unary(next, depth); !ok) {
        return ok;
      }
      terms.push_back(std::move(next));
    }
    out = terms.size() == 1 ? std::move(terms.front()) : Node{Node::Kind::kAnd, std::move(terms), {}};
    return true;
  }

  Status parse_unary(Node& out, int depth) {
    skip_space();
    if (consume('(')) {
      if (depth + 1 > kMaxDepth) {
        return fail(fmt::format("parentheses nested deeper than {}", kMaxDepth));
      }
      if (auto ok = parse_or(out, depth + 1); !ok) {
        return ok;
      }
      skip_space();
      if (!consume(')')) {
        return fail("expected ')'");
      }
      return true;
    }
    out.kind = Node::Kind::kLeaf;
    return parse_comparison(out.leaf);
  }

  // "a**b" means the same as "a*b"; collapsing keeps wildcard matching linear on hostile input.
  static std::string collapse_stars(std::string_view text) {
    std::string result;
    for (const char c : text) {
      if (c != '*' || result.empty() || result.back() != '*') {
        result += c;
      }
    }
    return result;
  }

  Status parse_selector(Comparison& out) {
    const size_t start = pos_;
    if (!consume('$')) {
      return fail("expected a selector starting with '$'");
    }
    while (pos_ < text_.size()) {
      if (consume('.')) {
        const size_t name_start = pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) != 0 || text_[pos_] == '_' ||
                text_[pos_] == '-' || text_[pos_] == '@' || text_[pos_] == ':')) {
          ++pos_;
        }
        if (pos_ == name_start) {
          return fail("expected a field name after '.'");
        }
        out.path.emplace_back(text_.substr(name_start, pos_ - name_start));
        if (out.path.size() > kMaxDepth) {
          return fail(fmt::format("selector deeper than {} fields", kMaxDepth));
        }
      } else if (consume('[')) {
        const size_t index_start = pos_;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])) != 0) {
          ++pos_;
        }
        if (pos_ == index_start || !consume(']')) {
          return fail("expected an array index like [0]");
        }
        out.path.emplace_back(text_.substr(index_start, pos_ - 1 - index_start));
      } else {
        break;
      }
    }
    if (out.path.empty()) {
      return fail("a selector needs at least one field: $.field");
    }
    out.selector = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  Status parse_value(Literal& out) {
    skip_space();
    if (consume('"')) {
      std::string value;
      while (pos_ < text_.size() && text_[pos_] != '"') {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
          ++pos_;
        }
        value += text_[pos_++];
      }
      if (!consume('"')) {
        return fail("unterminated string");
      }
      out.text = collapse_stars(value);
      return true;
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != ')' && text_[pos_] != '}' &&
           text_[pos_] != '&' && text_[pos_] != '|' && text_[pos_] != '\t') {
      ++pos_;
    }
    if (pos_ == start) {
      return fail("expected a value");
    }
    out.text = collapse_stars(text_.substr(start, pos_ - start));
    if (out.text.size() >= 2 && out.text.front() == '%' && out.text.back() == '%') {
      return Problem{ProblemKind::kInvalid, "", fmt::format("column {}", start + 1),
                     "regular-expression values (%...%) cannot be judged by meaning"};
    }
    double number = 0;
    const auto* end = out.text.data() + out.text.size();
    const auto parsed = std::from_chars(out.text.data(), end, number);
    // "nan" and "inf" parse as doubles but are not numbers a log field can hold: they stay text (and a NaN
    // would break the ordered sets the coverage check keeps).
    if (parsed.ec == std::errc() && parsed.ptr == end && std::isfinite(number)) {
      out.is_number = true;
      out.number = number;
    }
    return true;
  }

  Status parse_comparison(Comparison& out) {
    if (auto ok = parse_selector(out); !ok) {
      return ok;
    }
    skip_space();
    if (consume("NOT")) {
      skip_space();
      if (!consume("EXISTS")) {
        return fail("expected EXISTS after NOT");
      }
      out.op = Op::kNotExists;
      return true;
    }
    if (consume("EXISTS")) {
      out.op = Op::kExists;
      return true;
    }
    if (consume("IS")) {
      skip_space();
      if (consume("NULL")) {
        out.op = Op::kIsNull;
      } else if (consume("TRUE")) {
        out.op = Op::kIsTrue;
      } else if (consume("FALSE")) {
        out.op = Op::kIsFalse;
      } else {
        return fail("expected NULL, TRUE or FALSE after IS");
      }
      return true;
    }
    if (consume("!=")) {
      out.op = Op::kNe;
    } else if (consume("<=")) {
      out.op = Op::kLe;
    } else if (consume(">=")) {
      out.op = Op::kGe;
    } else if (consume('=')) {
      out.op = Op::kEq;
    } else if (consume('<')) {
      out.op = Op::kLt;
    } else if (consume('>')) {
      out.op = Op::kGt;
    } else {
      return fail("expected an operator (=, !=, <, <=, >, >=, EXISTS, NOT EXISTS, IS NULL)");
    }
    if (auto ok = parse_value(out.value); !ok) {
      return ok;
    }
    if (!out.value.is_number &&
        (out.op == Op::kLt || out.op == Op::kLe || out.op == Op::kGt || out.op == Op::kGe)) {
      return fail("numeric comparison with a value that is not a number");
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

} // namespace

Result<FilterPattern> parse_filter_pattern(std::string_view text) {
  return Parser(text).parse();
}

} // namespace rg::logs
