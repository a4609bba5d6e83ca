// --format json: the document described in docs/output-json.md.
#include "report/finding_json.hpp"
#include "report/mute_json.hpp"
#include "report/report.hpp"
#include "util/assert.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

Json optional_time(const std::optional<TimePoint>& time) {
  return time ? Json(format_iso8601(*time)) : Json(nullptr);
}

} // namespace

void write_json(const Report& report, const RenderOptions& options, const TextSink& out) {
  // Everything but the findings as one document, with a placeholder where the findings go; the findings
  // are then written one at a time in exactly the layout dump(2) gives them at that depth, so the output
  // is the same bytes as one document (the goldens say so) without holding the whole report as JSON: a
  // 1,000-account scan's document is ~36 MB and ~120 MB as nlohmann nodes.
  static constexpr std::string_view kPlaceholder = "rootguard-findings-go-here";
  Json doc;
  doc["schema_version"] = "1.0";
  doc["tool"] = {{"name", "rootguard"}, {"version", report.run.tool_version}};
  doc["run"] = {{"command", report.run.command},
                {"snapshot", report.run.snapshot},
                {"collected_at", optional_time(report.run.collected_at)},
                {"as_of", optional_time(report.run.as_of)},
                {"partition", report.run.partition},
                {"root_usage_days", report.run.root_usage_days},
                {"lang", to_string(options.lang)}};
  Json accounts = Json::array();
  for (const auto& account : report.accounts) {
    accounts.push_back({{"account_id", account.id}, {"name", account.name}, {"role", account.role}});
  }
  doc["accounts"] = std::move(accounts);
  doc["findings"] = kPlaceholder;
  doc["summary"] = summary_json(report);
  Json problems = Json::array();
  for (const auto& problem : report.problems) {
    problems.push_back(problem_json(problem));
  }
  doc["problems"] = std::move(problems);
  doc["mutelist"] = review_json(report.mutelist);
  // Invalid UTF-8 from an input file must not abort the report: replace it with U+FFFD.
  const auto dump = [](const Json& value) {
    return value.dump(2, ' ', false, Json::error_handler_t::replace);
  };
  const std::string frame = dump(doc);
  const std::string marker = fmt::format("\"{}\"", kPlaceholder); // no other value can hold it: it is ours
  const size_t at = frame.find(marker);
  RG_ASSERT(at != std::string::npos);
  out(std::string_view(frame).substr(0, at));
  if (report.findings.empty()) {
    out("[]");
  } else {
    // dump(2) of one finding alone, each line indented by the 4 spaces of its depth in the document.
    const auto render = [&](size_t index) {
      const std::string text = dump(finding_json(report.findings[index], report, options.lang));
      std::string indented = index == 0 ? "[\n    " : ",\n    ";
      indented.reserve(text.size() + text.size() / 8);
      for (const char c : text) {
        indented += c;
        if (c == '\n') {
          indented += "    ";
        }
      }
      return indented;
    };
    // Rendering a finding (its remediation text, then the dump) is most of a large report's time: a block
    // at a time, its second half on a second thread, written in order. Memory: one block of text.
    constexpr size_t kBlock = 512;
    std::vector<std::string> block;
    for (size_t start = 0; start < report.findings.size(); start += kBlock) {
      const size_t end = std::min(report.findings.size(), start + kBlock);
      const size_t middle = start + (end - start) / 2;
      block.assign(end - start, std::string());
      {
        const std::jthread second([&] {
          for (size_t i = middle; i < end; ++i) {
            block[i - start] = render(i);
          }
        });
        for (size_t i = start; i < middle; ++i) {
          block[i - start] = render(i);
        }
      } // joined
      for (const auto& text : block) {
        out(text);
      }
    }
    out("\n  ]");
  }
  out(std::string_view(frame).substr(at + marker.size()));
  out("\n");
}

std::string render_json(const Report& report, const RenderOptions& options) {
  std::string text;
  write_json(report, options, [&](std::string_view piece) { text += piece; });
  return text;
}

} // namespace rg::report
