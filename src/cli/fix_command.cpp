// rootguard fix --snapshot DIR --output-dir DIR: scan, then write the fixes for what failed
// (main.tf + management/ + accounts/, fix.sh, CHECKLIST.md). The plan and its texts are built in remediate/;
// this file only parses options and writes files.
#include "cli/command.hpp"
#include "cli/conventions.hpp"
#include "cli/output_options.hpp"
#include "pipeline/run_scan.hpp"
#include "remediate/fix_plan.hpp"
#include "util/fatal_error.hpp"
#include "util/files.hpp"
#include "util/terminal_text.hpp"
#include "util/time.hpp"
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

remediate::FixContext context_of(const report::Report& result) {
  remediate::FixContext context;
  context.partition = result.run.partition;
  if (result.run.collected_at) {
    context.collected_at = format_iso8601(*result.run.collected_at);
  }
  for (const auto& account : result.accounts) {
    if (account.role == "management") {
      context.management_account = account.id;
    } else if (account.role == "member") {
      context.member_accounts.push_back(account.id);
    }
  }
  return context;
}

ExitCode run(const FixArguments& args) {
  pipeline::ScanRequest request;
  request.snapshot = args.snapshot;
  request.tool_version = kVersion;
  const auto result = pipeline::run_scan(request);
  OutputOptions language;
  language.lang = args.lang;
  const Lang lang = language.resolved_lang();
  const auto plan = remediate::build_fix_plan(result.findings, context_of(result), lang);
  if (!plan.rejected.empty()) {
    // A value that fails its grammar never reaches a file: nothing is written at all. Each line is
    // already printable ASCII (comment_safe), so it goes out as it is, one per value.
    for (const auto& rejected : plan.rejected) {
      fmt::print(stderr, "rootguard: rejected: {}\n", rejected);
    }
    throw FatalError(
        ExitCode::kError,
        fmt::format("refusing to write fixes: {} value(s) from the snapshot do not match their AWS "
                    "grammar (listed above)",
                    plan.rejected.size()));
  }

  const std::filesystem::path dir(args.output_dir);
  create_directories_or_fail(dir);
  for (const auto& file : remediate::render_terraform(plan)) {
    // file.path is relative ("accounts/<id>-<region>/main.tf"): its folders are made one level at a time,
    // refusing a link planted in the output folder.
    create_subfolders_or_fail(dir, std::filesystem::path(file.path).parent_path());
    write_file_atomically(dir / file.path, file.text);
  }
  write_file_atomically(dir / "fix.sh", remediate::render_fix_script(plan));
  std::filesystem::permissions(dir / "fix.sh",
                               std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec,
                               std::filesystem::perm_options::add);
  write_file_atomically(dir / "CHECKLIST.md", remediate::render_checklist(plan, lang));
  note(lang == Lang::kJa
           ? fmt::format("rootguard: {} 件の修正手順と {} 件のコンソールでの手順を {} に書き込みました",
                         plan.steps.size(), plan.manual.size(), terminal_safe(args.output_dir))
           : fmt::format("rootguard: {} fix steps and {} console steps written to {}", plan.steps.size(),
                         plan.manual.size(), terminal_safe(args.output_dir)));
  note_written(dir, lang);
  // Exit 1 is never silent: the fixes were written, but for a snapshot that was not read whole.
  const auto unreadable = report::summarize(result).unreadable;
  if (unreadable > 0) {
    fmt::print(
        stderr,
        fmt::runtime(
            lang == Lang::kJa
                ? "rootguard: 読み取れなかった入力が {} 件あるため終了コード 1 です。修正は読み取れた分だけを"
                  "対象にしています (rootguard scan で入力を確認してください)\n"
                : "rootguard: exit 1: {} input(s) could not be read, so the fixes cover only what was read "
                  "(rootguard scan lists them)\n"),
        unreadable);
    return ExitCode::kError;
  }
  return ExitCode::kOk;
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
  command
      ->add_option("--lang", args->lang,
                   "Language of the comments, messages and checklist (default: from LANG)")
      ->check(CLI::IsMember({"en", "ja"}));
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
