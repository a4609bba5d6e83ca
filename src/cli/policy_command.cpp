// rootguard policy check FILE... --type scp|identity|resource|rcp: validate IAM policy documents for their
// type and say what each means for the root user of a member account. Exit codes follow `scan`: 3 when a
// check reports a failure (errors, or no root action denied), else 1 when a file cannot be read (the
// others are still checked), 2 usage.
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "model/aws_ids.hpp"
#include "policy/check.hpp"
#include "policy/check_report.hpp"
#include "util/files.hpp"
#include "util/terminal_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace rg::cli {
namespace {

struct PolicyCheckArguments {
  std::vector<std::string> files;
  std::string type;
  std::string format = "text";
  std::string account = "210987654321";
  std::string partition = "aws";
  std::string org_id;
  std::string org_path;
  OutputOptions output;
};

// The text of one input, or why it cannot be read ("-": standard input, read once).
Result<std::string> read_input(const std::string& file) {
  if (file == "-") {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) {
      return Problem{ProblemKind::kUnreadable, "<stdin>", "", "cannot read standard input"};
    }
    return text;
  }
  return read_file(file);
}

ExitCode run(const PolicyCheckArguments& args) {
  const auto type = policy::parse_policy_type(args.type);
  if (!type) {
    throw FatalError(ExitCode::kUsage,
                     fmt::format("--type: expected scp, identity, resource or rcp, got {}", args.type));
  }
  if (std::count(args.files.begin(), args.files.end(), "-") > 1) {
    throw FatalError(ExitCode::kUsage, "standard input ('-') can be read only once");
  }
  if (!args.org_path.empty() && !args.org_id.empty() && !args.org_path.starts_with(args.org_id + "/")) {
    throw FatalError(ExitCode::kUsage, "--org-path must start with the --org-id");
  }
  // A path names its organization: --org-path alone also decides aws:PrincipalOrgID.
  const std::string org_id = args.org_id.empty() && !args.org_path.empty()
                                 ? args.org_path.substr(0, args.org_path.find('/'))
                                 : args.org_id;
  const Lang lang = args.output.resolved_lang();
  const bool json = args.format == "json";
  std::string text_out;
  nlohmann::ordered_json json_out = nlohmann::ordered_json::array();
  std::size_t unreadable = 0;
  bool failed = false;
  for (const auto& file : args.files) {
    const std::string name = file == "-" ? "<stdin>" : file;
    const auto text = read_input(file);
    if (!text && args.files.size() == 1) {
      throw FatalError(ExitCode::kError, text.error().describe()); // nothing else to report
    }
    if (!text) {
      // Named on stderr and in the JSON, counted, and the other files still checked.
      ++unreadable;
      fmt::print(stderr, "rootguard: {}\n", terminal_safe(text.error().describe()));
      nlohmann::ordered_json entry;
      entry["file"] = name;
      entry["readable"] = false;
      entry["error"] = text.error().describe();
      json_out.push_back(std::move(entry));
      continue;
    }
    const auto result =
        policy::check_policy(*text, *type, {args.partition, args.account, org_id, args.org_path});
    failed = failed || policy::check_exit_code(result) != 0;
    if (json) {
      json_out.push_back(nlohmann::ordered_json::parse(policy::render_check_json(result, name, lang)));
    } else {
      text_out += text_out.empty() ? "" : "\n";
      text_out += policy::render_check_text(result, name, lang);
    }
  }
  if (unreadable > 0 && !json) {
    text_out +=
        lang == Lang::kJa
            ? fmt::format("\n読み取れなかったファイル: {} 件 (全 {} 件中)\n", unreadable, args.files.size())
            : fmt::format("\nFiles that could not be read: {} of {}\n", unreadable, args.files.size());
  }
  if (json) {
    // One file: its object, as before; several: an array of them, in the order given.
    const auto& document = json_out.size() == 1 ? json_out.front() : json_out;
    args.output.emit(document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  } else {
    args.output.emit(text_out);
  }
  if (failed) {
    return ExitCode::kFailures;
  }
  return unreadable > 0 ? ExitCode::kError : ExitCode::kOk;
}

} // namespace

void add_policy_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<PolicyCheckArguments>();
  auto* command = app.add_subcommand("policy", "Check IAM policy documents");
  command->require_subcommand(1);
  auto* check = command->add_subcommand(
      "check", "Validate a policy for its type and tell whether it denies the root user of a member account");
  check->add_option("files", args->files, "Policy JSON files ('-' for standard input)")->required();
  check
      ->add_option("-t,--type", args->type,
                   "Policy type: scp (service control policy), identity, resource, rcp (resource control "
                   "policy)")
      ->required()
      ->check(CLI::IsMember({"scp", "identity", "resource", "rcp"}));
  check->add_option("-f,--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  check->add_option("--account", args->account, "Member account id whose root user is evaluated")
      ->check([](const std::string& value) {
        return model::is_account_id(value) ? std::string() : std::string("expected a 12-digit account id");
      });
  check
      ->add_option(
          "--partition", args->partition,
          "Partition of the root ARN: aws (default), aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, "
          "aws-iso-f, aws-eusc")
      ->check([](const std::string& value) {
        return model::is_partition_name(value) ? std::string() : std::string("not an AWS partition");
      });
  check
      ->add_option("--org-id", args->org_id,
                   "The member's organization (o-...): decides conditions on aws:PrincipalOrgID")
      ->check([](const std::string& value) {
        return model::is_organization_id(value) ? std::string()
                                                : std::string("expected o- and 10-32 letters or digits");
      });
  check
      ->add_option("--org-path", args->org_path,
                   "The member's aws:PrincipalOrgPaths (o-.../r-.../ou-.../): decides conditions on it")
      ->check([](const std::string& value) {
        return model::is_organization_path(value)
                   ? std::string()
                   : std::string("expected o-id/r-id/ then OU ids, each ending in /");
      });
  args->output.add_to(*check);
  check->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
