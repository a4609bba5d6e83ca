// rootguard fix --snapshot DIR --output-dir DIR: scan, then write the fixes for what failed
// (main.tf + targets/, fix.sh, CHECKLIST.md). The plan and its texts are built in remediate/; this
// file only parses options and writes files.
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "pipeline/run_scan.hpp"
#include "remediate/fix_plan.hpp"
#include "util/files.hpp"
#include "version.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <memory>

namespace rg::cli {
namespace {

struct FixArguments {
  std::string snapshot;
  std::string output_dir;
  std::string lang;
};

ExitCode run(const FixArguments& args) {
  pipeline::ScanRequest request;
  request.snapshot = args.snapshot;
  request.tool_version = kVersion;
  const auto result = pipeline::run_scan(request);
  OutputOptions language;
  language.lang = args.lang;
  const Lang lang = language.resolved_lang();
  const auto plan = remediate::build_fix_plan(result.findings, result.run.partition, lang);

  const std::filesystem::path dir(args.output_dir);
  create_directories_or_fail(dir);
  write_file_atomically(dir / "main.tf", remediate::render_terraform(plan));
  for (const auto& target : remediate::terraform_targets(plan)) {
    create_subfolders_or_fail(dir, std::filesystem::path("targets") / target);
    write_file_atomically(dir / "targets" / target / "main.tf",
                          remediate::render_target_module(plan, target));
  }
  write_file_atomically(dir / "fix.sh", remediate::render_fix_script(plan));
  std::filesystem::permissions(dir / "fix.sh",
                               std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec,
                               std::filesystem::perm_options::add);
  write_file_atomically(dir / "CHECKLIST.md", remediate::render_checklist(plan, lang));
  fmt::print(stderr, "rootguard: {} fix steps written to {}\n", plan.steps.size(), args.output_dir);
  return report::summarize(result).unreadable > 0 ? ExitCode::kError : ExitCode::kOk;
}

} // namespace

void add_fix_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<FixArguments>();
  auto* command =
      app.add_subcommand("fix", "Write Terraform, an AWS CLI script and a console checklist for failures");
  command->add_option("-s,--snapshot", args->snapshot, "Snapshot folder (see docs/snapshot-layout.md)")
      ->required();
  command
      ->add_option("--output-dir", args->output_dir, "Folder to write main.tf, fix.sh and CHECKLIST.md into")
      ->required();
  command->add_option("--lang", args->lang, "Language of the checklist (default: from LANG)")
      ->check(CLI::IsMember({"en", "ja"}));
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
