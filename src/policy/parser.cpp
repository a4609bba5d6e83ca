#include "policy/parser.hpp"

#include "policy/json_source.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace rg::policy {
namespace {

using nlohmann::json;

constexpr std::array kTopLevelElements{"Version", "Id", "Statement"};
constexpr std::array kStatementElements{"Sid",         "Effect",    "Action",       "NotAction", "Resource",
                                        "NotResource", "Principal", "NotPrincipal", "Condition"};

template <size_t N> bool contains(const std::array<const char*, N>& names, const std::string& key) {
  return std::ranges::any_of(names, [&key](const char* name) { return key == name; });
}

std::string type_name(const json& value) {
  return value.type_name();
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0; // skip UTF-8 continuation bytes
  }
  return count;
}

size_t count_non_whitespace(std::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    count += (!space && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ? 1 : 0;
  }
  return count;
}

// Condition values may be strings, numbers or booleans; IAM compares their text.
std::optional<std::string> scalar_text(const json& value) {
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "true" : "false";
  }
  if (value.is_number()) {
    return value.dump();
  }
  return std::nullopt;
}

class Parser {
public:
  explicit Parser(ProblemList& problems) : problems_(problems) {}

  Document parse_document(const json& root) {
    Document doc;
    for (const auto& [key, value] : root.items()) {
      if (!contains(kTopLevelElements, key)) {
        problems_.error(
            "unknown-element", json_member_path("$", key),
            fmt::format("\"{}\" is not a policy element (allowed: Version, Id, Statement; names are "
                        "case-sensitive).",
                        key),
            fmt::format("\"{}\" はポリシー要素ではありません (使えるのは Version、Id、Statement。大文字"
                        "小文字を区別します)。",
                        key));
      }
    }
    parse_version(root, doc);
    if (const auto it = root.find("Id"); it != root.end() && !it->is_string()) {
      problems_.error(
          "id-type", "$.Id", fmt::format("Id must be a string, not {}.", type_name(*it)),
          fmt::format("Id は文字列でなければなりません ({} が指定されています)。", type_name(*it)));
    } else if (it != root.end()) {
      doc.id = it->get<std::string>();
    }
    const auto statement = root.find("Statement");
    if (statement == root.end()) {
      problems_.error("statement-missing", "$",
                      "The policy has no Statement element, so it grants and denies nothing.",
                      "Statement 要素がないため、このポリシーは何も許可も拒否もしません。");
      return doc;
    }
    if (statement->is_object()) {
      doc.statements.push_back(parse_statement(*statement, "$.Statement", 0));
    } else if (statement->is_array()) {
      if (statement->empty()) {
        problems_.error("statement-empty", "$.Statement", "Statement is an empty list.",
                        "Statement が空のリストです。");
      }
      for (size_t i = 0; i < statement->size(); ++i) {
        const auto path = json_index_path("$.Statement", i);
        const auto& item = (*statement)[i];
        if (!item.is_object()) {
          problems_.error(
              "statement-not-object", path,
              fmt::format("Each statement must be a JSON object, not {}.", type_name(item)),
              fmt::format("各ステートメントは JSON オブジェクトでなければなりません ({} が指定されて"
                          "います)。",
                          type_name(item)));
          continue;
        }
        doc.statements.push_back(parse_statement(item, path, i));
      }
    } else {
      problems_.error(
          "statement-type", "$.Statement",
          fmt::format("Statement must be an object or a list of objects, not {}.", type_name(*statement)),
          fmt::format("Statement はオブジェクトかオブジェクトのリストでなければなりません ({} が指定"
                      "されています)。",
                      type_name(*statement)));
    }
    return doc;
  }

private:
  void parse_version(const json& root, Document& doc) {
    const auto it = root.find("Version");
    if (it == root.end()) {
      problems_.warning(
          "version-missing", "$",
          "No Version: AWS then applies the 2008-10-17 language, where policy variables such as "
          "${aws:PrincipalAccount} are plain text. Add \"Version\": \"2012-10-17\".",
          "Version がありません。この場合 AWS は 2008-10-17 の文法を使い、${aws:PrincipalAccount} "
          "などのポリシー変数はただの文字列になります。\"Version\": \"2012-10-17\" を追加してください。");
      return;
    }
    if (!it->is_string()) {
      problems_.error(
          "version-invalid", "$.Version",
          fmt::format("Version must be the string \"2012-10-17\", not {}.", type_name(*it)),
          fmt::format("Version は文字列 \"2012-10-17\" でなければなりません ({} が指定されています)。",
                      type_name(*it)));
      return;
    }
    doc.version = it->get<std::string>();
    if (*doc.version == "2008-10-17") {
      problems_.warning(
          "version-old", "$.Version",
          "Version 2008-10-17 is the old policy language: policy variables are not substituted. Use "
          "2012-10-17.",
          "Version 2008-10-17 は旧文法で、ポリシー変数が置換されません。2012-10-17 を使ってください。");
    } else if (*doc.version != "2012-10-17") {
      problems_.error(
          "version-invalid", "$.Version",
          fmt::format("Version \"{}\" is not a policy language version (use \"2012-10-17\"; it is not "
                      "today's date).",
                      *doc.version),
          fmt::format("Version \"{}\" はポリシー言語のバージョンではありません (\"2012-10-17\" を使います。"
                      "作成日ではありません)。",
                      *doc.version));
    }
  }

  Statement parse_statement(const json& object, const std::string& path, size_t index) {
    Statement st;
    st.path = path;
    st.index = index;
    for (const auto& [key, value] : object.items()) {
      (void)value;
      if (!contains(kStatementElements, key)) {
        st.well_formed = false;
        problems_.error(
            "unknown-element", json_member_path(path, key),
            fmt::format("\"{}\" is not a statement element (allowed: Sid, Effect, Action, NotAction, "
                        "Resource, NotResource, Principal, NotPrincipal, Condition).",
                        key),
            fmt::format("\"{}\" はステートメント要素ではありません (使えるのは Sid、Effect、Action、"
                        "NotAction、Resource、NotResource、Principal、NotPrincipal、Condition)。",
                        key));
      }
    }
    if (const auto it = object.find("Sid"); it != object.end()) {
      if (it->is_string()) {
        st.sid = it->get<std::string>();
      } else {
        problems_.error(
            "sid-type", json_member_path(path, "Sid"),
            fmt::format("Sid must be a string, not {}.", type_name(*it)),
            fmt::format("Sid は文字列でなければなりません ({} が指定されています)。", type_name(*it)));
      }
    }
    parse_effect(object, path, st);
    st.action = parse_match_list(object, path, "Action", "NotAction", st);
    st.resource = parse_match_list(object, path, "Resource", "NotResource", st);
    parse_principal(object, path, st);
    parse_condition(object, path, st);
    return st;
  }

  void parse_effect(const json& object, const std::string& path, Statement& st) {
    const auto it = object.find("Effect");
    const auto effect_path = json_member_path(path, "Effect");
    if (it == object.end()) {
      st.well_formed = false;
      problems_.error("effect-missing", path, R"(The statement has no Effect ("Allow" or "Deny").)",
                      "ステートメントに Effect (\"Allow\" または \"Deny\") がありません。");
      return;
    }
    if (it->is_string() && *it == "Allow") {
      st.effect = Effect::kAllow;
    } else if (it->is_string() && *it == "Deny") {
      st.effect = Effect::kDeny;
    } else {
      st.well_formed = false;
      const std::string seen = it->dump();
      problems_.error(
          "effect-invalid", effect_path,
          fmt::format(R"(Effect must be exactly "Allow" or "Deny" (case-sensitive), not {}.)", seen),
          fmt::format("Effect は \"Allow\" か \"Deny\" (大文字小文字を区別) でなければなりません ({} が指定"
                      "されています)。",
                      seen));
    }
  }

  std::optional<MatchList> parse_match_list(const json& object, const std::string& path, const char* positive,
                                            const char* negative, Statement& st) {
    const auto pos = object.find(positive);
    const auto neg = object.find(negative);
    const std::string lower = std::string(positive) == "Action" ? "action" : "resource";
    if (pos != object.end() && neg != object.end()) {
      st.well_formed = false;
      problems_.error(
          lower + "-conflict", path,
          fmt::format("A statement has either {} or {}, not both.", positive, negative),
          fmt::format("ステートメントには {} か {} のどちらか一方だけを書きます。", positive, negative));
      return std::nullopt;
    }
    if (pos == object.end() && neg == object.end()) {
      st.well_formed = false;
      problems_.error(lower + "-missing", path,
                      fmt::format("The statement has neither {} nor {}.", positive, negative),
                      fmt::format("ステートメントに {} も {} もありません。", positive, negative));
      return std::nullopt;
    }
    const bool negated = pos == object.end();
    const json& value = negated ? *neg : *pos;
    MatchList list;
    list.negated = negated;
    list.path = json_member_path(path, negated ? negative : positive);
    const char* name = negated ? negative : positive;
    auto add = [&](const json& item, std::string item_path) {
      if (!item.is_string()) {
        st.well_formed = false;
        problems_.error(lower + "-type", item_path,
                        fmt::format("{} values must be strings, not {}.", name, type_name(item)),
                        fmt::format("{} の値は文字列でなければなりません ({} が指定されています)。", name,
                                    type_name(item)));
        return;
      }
      list.values.push_back(item.get<std::string>());
      list.value_paths.push_back(std::move(item_path));
    };
    if (value.is_string()) {
      add(value, list.path);
    } else if (value.is_array()) {
      if (value.empty()) {
        st.well_formed = false;
        problems_.error(
            lower + "-empty", list.path,
            fmt::format("{} is an empty list: AWS rejects it, and it would match nothing.", name),
            fmt::format("{} が空のリストです。AWS は受け付けず、仮に受け付けても何にも一致しません。", name));
      }
      for (size_t i = 0; i < value.size(); ++i) {
        add(value[i], json_index_path(list.path, i));
      }
    } else {
      st.well_formed = false;
      problems_.error(
          lower + "-type", list.path,
          fmt::format("{} must be a string or a list of strings, not {}.", name, type_name(value)),
          fmt::format("{} は文字列か文字列のリストでなければなりません ({} が指定されています)。", name,
                      type_name(value)));
    }
    return list;
  }

  void parse_principal(const json& object, const std::string& path, Statement& st) {
    const auto pos = object.find("Principal");
    const auto neg = object.find("NotPrincipal");
    if (pos == object.end() && neg == object.end()) {
      return;
    }
    if (pos != object.end() && neg != object.end()) {
      st.well_formed = false;
      problems_.error("principal-conflict", path,
                      "A statement has either Principal or NotPrincipal, not both.",
                      "ステートメントには Principal か NotPrincipal のどちらか一方だけを書きます。");
      return;
    }
    const bool negated = pos == object.end();
    const json& value = negated ? *neg : *pos;
    PrincipalBlock block;
    block.negated = negated;
    block.path = json_member_path(path, negated ? "NotPrincipal" : "Principal");
    if (value.is_string() && value == "*") {
      block.wildcard = true;
    } else if (value.is_object()) {
      for (const auto& [type, ids] : value.items()) {
        const auto type_path = json_member_path(block.path, type);
        std::vector<std::string> values;
        if (ids.is_string()) {
          values.push_back(ids.get<std::string>());
        } else if (ids.is_array() && !ids.empty()) {
          for (size_t i = 0; i < ids.size(); ++i) {
            if (ids[i].is_string()) {
              values.push_back(ids[i].get<std::string>());
            } else {
              st.well_formed = false;
              problems_.error("principal-type", json_index_path(type_path, i),
                              "Principal identifiers are strings.", "Principal の識別子は文字列です。");
            }
          }
        } else {
          st.well_formed = false;
          problems_.error("principal-type", type_path,
                          "Each principal type maps to a string or a non-empty list of strings.",
                          "各プリンシパル種別には文字列か空でない文字列のリストを指定します。");
        }
        if (type != "AWS" && type != "Service" && type != "Federated" && type != "CanonicalUser") {
          problems_.error(
              "principal-unknown-type", type_path,
              fmt::format("\"{}\" is not a principal type (AWS, Service, Federated, CanonicalUser).", type),
              fmt::format("\"{}\" はプリンシパル種別ではありません (AWS、Service、Federated、"
                          "CanonicalUser)。",
                          type));
        }
        block.entries.emplace_back(type, std::move(values));
      }
      if (value.empty()) {
        st.well_formed = false;
        problems_.error("principal-type", block.path, "Principal is an empty object.",
                        "Principal が空のオブジェクトです。");
      }
    } else {
      st.well_formed = false;
      problems_.error(
          "principal-type", block.path,
          fmt::format(R"(Principal must be "*" or an object such as {{"AWS": [...]}}, not {}.)",
                      value.dump()),
          fmt::format("Principal は \"*\" か {{\"AWS\": [...]}} のようなオブジェクトでなければなりません "
                      "({} が指定されています)。",
                      value.dump()));
    }
    st.principal = std::move(block);
  }

  void parse_condition(const json& object, const std::string& path, Statement& st) {
    const auto it = object.find("Condition");
    if (it == object.end()) {
      return;
    }
    const auto cpath = json_member_path(path, "Condition");
    if (!it->is_object()) {
      st.well_formed = false;
      problems_.error(
          "condition-type", cpath,
          fmt::format("Condition must be an object of operators, not {}.", type_name(*it)),
          fmt::format("Condition は演算子のオブジェクトでなければなりません ({} が指定されています)。",
                      type_name(*it)));
      return;
    }
    for (const auto& [op, block] : it->items()) {
      const auto op_path = json_member_path(cpath, op);
      if (!block.is_object() || block.empty()) {
        st.well_formed = false;
        problems_.error("condition-type", op_path,
                        fmt::format("Operator {} must map to a non-empty object of condition keys.", op),
                        fmt::format("演算子 {} には条件キーの空でないオブジェクトを指定します。", op));
        continue;
      }
      for (const auto& [key, values] : block.items()) {
        ConditionTest test{op, key, {}, json_member_path(op_path, key)};
        auto add = [&](const json& v, const std::string& vpath) {
          if (auto text = scalar_text(v)) {
            test.values.push_back(std::move(*text));
          } else {
            st.well_formed = false;
            problems_.error(
                "condition-value-type", vpath,
                fmt::format("Condition values are strings, numbers or booleans, not {}.", type_name(v)),
                fmt::format("条件値は文字列・数値・真偽値のいずれかです ({} が指定されています)。",
                            type_name(v)));
          }
        };
        if (values.is_array()) {
          if (values.empty()) {
            st.well_formed = false;
            problems_.error("condition-value-empty", test.path,
                            "Empty list of condition values: the test can never be true.",
                            "条件値のリストが空です。この条件は決して真になりません。");
          }
          for (size_t i = 0; i < values.size(); ++i) {
            add(values[i], json_index_path(test.path, i));
          }
        } else {
          add(values, test.path);
        }
        st.conditions.push_back(std::move(test));
      }
    }
  }

  ProblemList& problems_;
};

} // namespace

ParseOutput parse_policy(std::string_view text) {
  ParseOutput out;
  ProblemList problems;
  bool blank = true;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      blank = false;
      break;
    }
  }
  if (blank) {
    problems.error("policy-empty", "$", "The policy is empty.", "ポリシーが空です。");
    out.problems = problems.take();
    return out;
  }
  auto root = parse_policy_json(text, problems);
  if (root && !root->is_object()) {
    problems.error(
        "policy-not-object", "$", fmt::format("A policy is one JSON object, not {}.", root->type_name()),
        fmt::format("ポリシーは 1 つの JSON オブジェクトです ({} が指定されています)。", root->type_name()));
  } else if (root) {
    Parser parser(problems);
    out.document = parser.parse_document(*root);
    out.document->size_all_characters = count_code_points(text);
    out.document->size_bytes = text.size();
    out.document->size_non_whitespace = count_non_whitespace(text);
  }
  out.problems = problems.take();
  return out;
}

} // namespace rg::policy
