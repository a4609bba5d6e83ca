#include "i18n/display_width.hpp"
#include "store/render.hpp"
#include "util/terminal_text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rg::store {

std::string render_history_table(const std::vector<RunSummary>& runs, Lang lang) {
  const bool ja = lang == Lang::kJa;
  if (runs.empty()) {
    return ja ? "記録された実行はありません。\n" : "No runs recorded.\n";
  }
  const std::array<std::string, 9> header{
      "ID",  ja ? "開始時刻" : "STARTED", ja ? "コマンド" : "COMMAND", "FAIL", "PASS", "UNKNOWN",
      "N/A", ja ? "抑制" : "MUTED",       ja ? "終了コード" : "EXIT"};
  std::vector<std::array<std::string, 9>> rows{header};
  for (const auto& summary : runs) {
    const auto& run = summary.run;
    rows.push_back({std::to_string(run.id), terminal_safe(run.started_at), terminal_safe(run.command),
                    std::to_string(summary.fail), std::to_string(summary.pass),
                    std::to_string(summary.unknown), std::to_string(summary.not_applicable),
                    std::to_string(summary.muted), std::to_string(run.exit_code)});
  }
  std::array<std::size_t, 9> widths{};
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths.at(column) = std::max(widths.at(column), display_width(row.at(column)));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t column = 0; column < row.size(); ++column) {
      line += column + 1 == row.size() ? row.at(column)
                                       : fmt::format("{}  ", pad_to_width(row.at(column), widths.at(column)));
    }
    out += fmt::format("{}\n", line);
  }
  return out;
}

std::string render_history_json(const std::vector<RunSummary>& runs) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& summary : runs) {
    const auto& run = summary.run;
    auto paths = nlohmann::ordered_json::array();
    std::istringstream lines(run.paths);
    for (std::string path; std::getline(lines, path);) {
      paths.push_back(path);
    }
    list.push_back({{"id", run.id},
                    {"command", run.command},
                    {"started_at", run.started_at},
                    {"tool_version", run.tool_version},
                    {"snapshot", run.snapshot},
                    {"paths", paths},
                    {"collected_at", run.collected_at},
                    {"as_of", run.as_of},
                    {"partition", run.partition},
                    {"mutelist", run.mutelist},
                    {"mutelist_date", run.mutelist_date},
                    {"exit_code", run.exit_code},
                    {"counts",
                     {{"fail", summary.fail},
                      {"pass", summary.pass},
                      {"unknown", summary.unknown},
                      {"not_applicable", summary.not_applicable},
                      {"muted", summary.muted}}}});
  }
  const nlohmann::ordered_json document{{"runs", list}};
  return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace rg::store
