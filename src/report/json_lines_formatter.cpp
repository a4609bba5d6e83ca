// --format jsonl: one JSON record per line, for log pipelines (Splunk, Elasticsearch, jq -c, BigQuery
// loads) that take a finding per event. Each record says what it is ("type") and carries the run's
// identity, so a line read alone is still understood. Unreadable inputs get their own records and the
// summary comes last, so a consumer that reads every line sees an incomplete run as incomplete.
#include "report/finding_json.hpp"
#include "report/report.hpp"

#include <nlohmann/json.hpp>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

Json run_json(const Report& report) {
  return {{"command", report.run.command},
          {"snapshot", report.run.snapshot},
          {"collected_at", report.run.collected_at ? Json(format_iso8601(*report.run.collected_at)) : Json()},
          {"tool_version", report.run.tool_version}};
}

std::string line(const Json& record) {
  // Invalid UTF-8 from an input file is replaced, never an exception; dump() without indent is one line.
  return record.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace

void write_json_lines(const Report& report, const RenderOptions& options, const TextSink& out) {
  const Json run = run_json(report);
  for (const auto& finding : report.findings) {
    Json record;
    record["type"] = "finding";
    record["run"] = run;
    record.update(finding_json(finding, report, options.lang));
    out(line(record));
  }
  for (const auto& problem : report.problems) {
    Json record;
    record["type"] = "problem";
    record["run"] = run;
    record.update(problem_json(problem));
    out(line(record));
  }
  Json record;
  record["type"] = "summary";
  record["run"] = run;
  record.update(summary_json(report));
  out(line(record));
}

std::string render_json_lines(const Report& report, const RenderOptions& options) {
  std::string text;
  write_json_lines(report, options, [&](std::string_view piece) { text += piece; });
  return text;
}

} // namespace rg::report
