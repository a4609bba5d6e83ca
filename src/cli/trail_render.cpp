#include "cli/trail_render.hpp"

#include "cli/conventions.hpp"
#include "pipeline/trail_findings.hpp"
#include "util/files.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace rg::cli {

void require_files_read(const report::TrailReport& report, const std::vector<std::string>& paths) {
  const auto& summary = report.result.summary;
  // Nothing to read is not "no root activity": a wrong folder must not pass a CI gate.
  if (summary.files == 0 && summary.pruned == 0 && summary.errors.empty()) {
    throw FatalError(
        ExitCode::kError,
        fmt::format(
            "no CloudTrail log files found in {} ({} digest, {} Insights and {} other files skipped); "
            "give the folder that holds AWSLogs/ or lookup-events output",
            fmt::join(paths, ", "), summary.skipped_digest, summary.skipped_insight, summary.skipped_other));
  }
}

// table and json are the trail's own documents (events and per-account summary); every other format
// renders the events as activity findings, through the same plumbing as scan.
void emit_trail_report(const report::TrailReport& report, const OutputOptions& output) {
  const report::RenderOptions render = output.render_options();
  // The trail's JSON is written as it is rendered (a million events never make one string); the table is
  // a per-account summary, small whatever the event count.
  const auto native = [&](const std::string& format, const OutputOptions::TextSink& out) {
    if (format == "json") {
      report::write_trail_json(report, render, out);
    } else {
      out(report::render_trail_table(report, render));
    }
  };
  const auto& formats = output.formats;
  if (output.output_dir.empty() && formats.size() <= 1 &&
      (formats.empty() || formats.front() == "table" || formats.front() == "json")) {
    const std::string format = formats.empty() ? "table" : formats.front();
    output.emit_streamed([&](const OutputOptions::TextSink& out) { native(format, out); });
    return;
  }
  OutputOptions others = output;
  others.formats.clear();
  for (const auto& format : formats) {
    if (format != "table" && format != "json") {
      others.formats.push_back(format);
    } else if (!output.output_dir.empty()) {
      const auto path = output.ensure_output_dir() / (format == "json" ? "trail.json" : "trail.txt");
      OutputFile file(path);
      native(format, [&](std::string_view piece) { file.write(piece); });
      file.commit();
      note_written(path, render.lang);
    }
  }
  if (!others.formats.empty()) {
    if (output.output_dir.empty() && formats.size() > 1) {
      throw FatalError(ExitCode::kUsage, "several --format values need --output-dir");
    }
    others.emit_report(pipeline::trail_findings(report), "trail");
  }
}

ExitCode trail_exit_code(const report::TrailReport& report) {
  const auto& integrity = report.integrity;
  const bool integrity_broken =
      integrity && (integrity->summary.digests_failed > 0 || integrity->summary.logs_modified > 0 ||
                    integrity->summary.logs_deleted > 0 || integrity->summary.logs_moved > 0 ||
                    integrity->summary.gaps > 0);
  // Every matched event is a FAIL finding per detection; only the unmuted ones count (decision 0017).
  if (report::unmuted_findings(report) > 0 || integrity_broken) {
    return ExitCode::kFailures;
  }
  // "No root activity" is only trustworthy when every file was read (as for scan: see decision 0002); an
  // integrity validation that could not check everything is never a pass either (decision 0018).
  const bool integrity_incomplete = integrity && !integrity->complete();
  return report.result.summary.errors.empty() && !integrity_incomplete ? ExitCode::kOk : ExitCode::kError;
}

} // namespace rg::cli
