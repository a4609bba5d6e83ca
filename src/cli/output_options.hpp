#pragma once
// Options every reporting subcommand shares: language, colour, destination.
#include "i18n/text.hpp"
#include "report/report.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::cli {

struct OutputOptions {
  std::string lang;                 // "" = from LC_ALL / LC_MESSAGES / LANG
  std::string color = "auto";       // auto|always|never
  std::string output;               // "" = stdout
  std::vector<std::string> formats; // --format, repeatable; empty = table
  std::string output_dir;           // --output-dir: one file per format
  std::string region =
      "us-east-1"; // --region: Security Hub import region (ASFF ProductArn), OCSF cloud.region

  void add_to(CLI::App& command);
  // --format (from report/formats.hpp), --output-dir and --region: for commands that emit a Report.
  void add_report_formats_to(CLI::App& command);
  Lang resolved_lang() const;
  // Colour only for a terminal on stdout, never into a file, never with --no-color, a non-empty NO_COLOR
  // or TERM=dumb (unless --color=always).
  bool use_color() const;
  // Language, colour, import region and the terminal width to wrap to (only for a terminal on stdout).
  report::RenderOptions render_options() const;
  // Writes to --output (atomically, no symlink following; its path then noted on stderr) or stdout.
  void emit(const std::string& content) const;
  // The same for a report too large to hold in memory: `render` writes it in pieces.
  using TextSink = std::function<void(std::string_view)>;
  void emit_streamed(const std::function<void(const TextSink&)>& render) const;
  // Renders the report in every --format: to stdout/--output for one format, else into --output-dir
  // (ASFF split into batch files). Shared by every command that produces a Report (scan, trail).
  void emit_report(const report::Report& result, std::string_view command_name) const;
  // Creates --output-dir (FatalError when it cannot) and returns it.
  std::filesystem::path ensure_output_dir() const;
};

} // namespace rg::cli
