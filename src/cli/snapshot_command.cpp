// rootguard snapshot layout: the snapshot layout table (src/snapshot/snapshot_layout.cpp) as Markdown,
// the section docs/snapshot-layout.md holds (scripts/update-snapshot-layout-doc; a test keeps the page
// current), or as JSON for tools. Hidden from --help: it documents the input, it does not scan.
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "snapshot/layout_document.hpp"

#include <memory>

namespace rg::cli {

void add_snapshot_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("snapshot", "The snapshot folder's layout");
  command->group(""); // hidden
  auto* layout =
      command->add_subcommand("layout", "Print the layout table: every file, its AWS call and reader");
  command->require_subcommand(1);
  auto format = std::make_shared<std::string>("markdown");
  auto output = std::make_shared<OutputOptions>();
  layout->add_option("-f,--format", *format, "Output format")->check(CLI::IsMember({"markdown", "json"}));
  layout->add_option("-o,--output", output->output, "Write to FILE instead of standard output");
  layout->callback([format, output, &action] {
    action = [format, output] {
      output->emit(*format == "json" ? snapshot::render_layout_json() : snapshot::render_layout_markdown());
      return ExitCode::kOk;
    };
  });
}

} // namespace rg::cli
