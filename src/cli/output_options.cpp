#include "cli/output_options.hpp"

#include "cli/conventions.hpp"
#include "report/formats.hpp"
#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace rg::cli {

void OutputOptions::add_to(CLI::App& command) {
  command.add_option("--lang", lang, "Language of titles, reasons and remediation (default: from LANG)")
      ->check(CLI::IsMember({"en", "ja"}));
  command.add_option("--color", color, "Colour the terminal output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_option("-o,--output", output, "Write to FILE instead of standard output");
}

void OutputOptions::add_report_formats_to(CLI::App& command) {
  command.add_option("-f,--format", formats, "Output format, repeatable with --output-dir")
      ->check(CLI::IsMember(report::format_names()));
  command.add_option("--output-dir", output_dir, "Write one file per --format into DIR");
  command.add_option("--region", region,
                     "Region findings are imported into (ASFF ProductArn; default us-east-1)");
}

Lang OutputOptions::resolved_lang() const {
  Lang result = lang_from_environment();
  if (!lang.empty()) {
    parse_lang(lang, result);
  }
  return result;
}

bool OutputOptions::use_color() const {
  // --no-color wins over everything; --color=always over the environment (no-color.org: a command-line
  // argument overrides NO_COLOR).
  if (global_flags().no_color) {
    return false;
  }
  if (color == "always") {
    return true;
  }
  if (color == "never" || !output.empty()) {
    return false;
  }
  return color_allowed_by_environment() && ::isatty(STDOUT_FILENO) == 1;
}

report::RenderOptions OutputOptions::render_options() const {
  const bool to_terminal = output.empty() && output_dir.empty();
  report::RenderOptions render{resolved_lang(), use_color() && output_dir.empty(), region};
  render.width = to_terminal ? stdout_terminal_width() : 0;
  return render;
}

void OutputOptions::emit(const std::string& content) const {
  emit_streamed([&](const TextSink& out) { out(content); }); // one piece: the same destinations and rules
}

void OutputOptions::emit_streamed(const std::function<void(const TextSink&)>& render) const {
  if (output.empty()) {
    render([](std::string_view piece) {
      if (std::fwrite(piece.data(), 1, piece.size(), stdout) != piece.size()) {
        throw FatalError(ExitCode::kError, "cannot write to standard output");
      }
    });
    if (std::fflush(stdout) != 0) {
      throw FatalError(ExitCode::kError, "cannot write to standard output");
    }
    return;
  }
  OutputFile file(output);
  render([&](std::string_view piece) { file.write(piece); });
  file.commit();
  note_written(output, resolved_lang());
}

void OutputOptions::emit_report(const report::Report& result, std::string_view command_name) const {
  std::vector<const report::Format*> chosen;
  for (const auto& name : formats.empty() ? std::vector<std::string>{"table"} : formats) {
    const auto* format = report::find_format(name);
    if (format == nullptr) {
      throw FatalError(ExitCode::kUsage, fmt::format("--format: unknown format {}", name));
    }
    chosen.push_back(format);
  }
  const report::RenderOptions render = render_options();
  if (output_dir.empty()) {
    if (chosen.size() > 1) {
      throw FatalError(ExitCode::kUsage, "several --format values need --output-dir");
    }
    if (const auto stream = chosen.front()->stream) {
      emit_streamed([&](const TextSink& out) { stream(result, render, out); });
    } else {
      emit(chosen.front()->render(result, render));
    }
    return;
  }
  if (!output.empty()) {
    throw FatalError(ExitCode::kUsage, "--output and --output-dir cannot be combined");
  }
  const auto dir = ensure_output_dir();
  for (const auto* format : chosen) {
    if (format->batches != nullptr) {
      const auto batches = format->batches(result, render);
      for (size_t i = 0; i < batches.size(); ++i) {
        const auto path = dir / fmt::format(fmt::runtime(format->batch_pattern), i + 1);
        write_file_atomically(path, batches[i]);
        note_written(path, render.lang);
      }
      continue;
    }
    const auto path = dir / fmt::format("{}.{}", command_name, format->file_name);
    if (format->stream != nullptr) {
      OutputFile file(path); // the rules of write_file_atomically, in pieces
      format->stream(result, render, [&](std::string_view piece) { file.write(piece); });
      file.commit();
    } else {
      write_file_atomically(path, format->render(result, render));
    }
    note_written(path, render.lang);
  }
}

std::filesystem::path OutputOptions::ensure_output_dir() const {
  std::filesystem::path dir(output_dir);
  create_directories_or_fail(dir);
  return dir;
}

} // namespace rg::cli
