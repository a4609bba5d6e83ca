#include "policy/check_report.hpp"

#include "i18n/display_width.hpp"
#include "util/terminal_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rg::policy {

std::string render_check_json(const CheckResult& result, std::string_view file, Lang lang) {
  nlohmann::ordered_json out;
  out["file"] = std::string(file);
  out["type"] = std::string(to_string(result.type));
  out["valid"] = result.valid;
  out["problems"] = nlohmann::ordered_json::array();
  for (const auto& problem : result.problems) {
    nlohmann::ordered_json item;
    item["code"] = problem.code;
    item["severity"] = std::string(to_string(problem.severity));
    item["path"] = problem.path;
    item["message"] = problem.message.get(lang);
    if (problem.line > 0) {
      item["line"] = problem.line;
      item["column"] = problem.column;
    }
    out["problems"].push_back(std::move(item));
  }
  const auto& denial = result.denies_root;
  nlohmann::ordered_json root;
  root["scope"] = std::string(to_string(denial.scope));
  root["actions"] = denial.denied_actions;
  root["open_actions"] = denial.open_actions;
  root["statements"] = denial.statements;
  root["conditional_statements"] = denial.conditional_statements;
  root["blocks_assumed_root"] = denial.blocks_assumed_root;
  if (denial.allow_list) {
    root["allow_list_open"] = denial.allow_list_open;
  }
  root["note"] = denial.note.get(lang);
  out["denies_root"] = std::move(root);
  // Replace invalid UTF-8 rather than throw: file names and values come from users.
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

namespace {

// The text report's words for a problem's severity and the denial's scope; JSON keeps the English values.
std::string_view severity_word(std::string_view severity, bool ja) {
  if (!ja) {
    return severity;
  }
  return severity == "error" ? "エラー" : severity == "warning" ? "警告" : "情報";
}

std::string_view scope_word(RootScope scope, bool ja) {
  if (!ja) {
    return to_string(scope);
  }
  switch (scope) {
  case RootScope::kAll:
    return "すべて";
  case RootScope::kSome:
    return "一部";
  case RootScope::kNone:
    return "なし";
  }
  return to_string(scope);
}

} // namespace

std::string render_check_text(const CheckResult& result, std::string_view file, Lang lang) {
  const bool ja = lang == Lang::kJa;
  // Paths, Sids and values in messages come from the file: escaped for the terminal (JSON keeps them).
  std::string out = fmt::format("{} ({}): {}\n", terminal_safe(file), to_string(result.type),
                                result.valid ? (ja ? "有効" : "valid") : (ja ? "無効" : "INVALID"));
  for (const auto& problem : result.problems) {
    // Padded by display width: 警告 is two characters but four columns.
    const auto word = severity_word(to_string(problem.severity), ja);
    out += fmt::format("  {}{} {}  {}\n          {}\n", word,
                       std::string(7 - std::min<size_t>(7, display_width(word)), ' '), problem.code,
                       terminal_safe(problem.path), terminal_safe(problem.message.get(lang)));
  }
  const auto& denial = result.denies_root;
  out += fmt::format("{}: {}", ja ? "ルートユーザーの拒否" : "denies root", scope_word(denial.scope, ja));
  if (denial.scope == RootScope::kSome) {
    out += fmt::format(" ({})", terminal_safe(describe_actions(denial.denied_actions).get(lang)));
  }
  out += fmt::format("\n  {}\n", terminal_safe(denial.note.get(lang)));
  return out;
}

} // namespace rg::policy
