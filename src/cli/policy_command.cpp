// rootguard policy check FILE --type scp|identity|resource|rcp: validate an IAM policy document for its type
// and say what it means for the root user of a member account. Exit codes follow `scan`: 3 when the
// check reports a failure (errors, or no root action denied), 1 when the file cannot be read, 2 usage.
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "model/aws_ids.hpp"
#include "policy/check.hpp"
#include "policy/check_report.hpp"
#include "util/files.hpp"

#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <memory>

namespace rg::cli {
namespace {

struct PolicyCheckArguments {
  std::string file;
  std::string type;
  std::string format = "text";
  std::string account = "210987654321";
  std::string partition = "aws";
  std::string org_id;
  std::string org_path;
  OutputOptions output;
};

std::string read_input(const std::string& file) {
  if (file == "-") {
    return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  }
  auto text = read_file(file);
  if (!text) {
    throw FatalError(ExitCode::kError, text.error().describe());
  }
  return std::move(*text);
}

ExitCode run(const PolicyCheckArguments& args) {
  const auto type = policy::parse_policy_type(args.type);
  if (!type) {
    throw FatalError(ExitCode::kUsage,
                     fmt::format("--type: expected scp, identity, resource or rcp, got {}", args.type));
  }
  const auto text = read_input(args.file);
  if (!args.org_path.empty() && !args.org_id.empty() && !args.org_path.starts_with(args.org_id + "/")) {
    throw FatalError(ExitCode::kUsage, "--org-path must start with the --org-id");
  }
  // A path names its organization: --org-path alone also decides aws:PrincipalOrgID.
  const std::string org_id = args.org_id.empty() && !args.org_path.empty()
                                 ? args.org_path.substr(0, args.org_path.find('/'))
                                 : args.org_id;
  const auto result =
      policy::check_policy(text, *type, {args.partition, args.account, org_id, args.org_path});
  const Lang lang = args.output.resolved_lang();
  const std::string name = args.file == "-" ? "<stdin>" : args.file;
  args.output.emit(args.format == "json" ? policy::render_check_json(result, name, lang)
                                         : policy::render_check_text(result, name, lang));
  return policy::check_exit_code(result) == 0 ? ExitCode::kOk : ExitCode::kFailures;
}

} // namespace

void add_policy_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<PolicyCheckArguments>();
  auto* command = app.add_subcommand("policy", "Check IAM policy documents");
  command->require_subcommand(1);
  auto* check = command->add_subcommand(
      "check", "Validate a policy for its type and tell whether it denies the root user of a member account");
  check->add_option("file", args->file, "Policy JSON file ('-' for standard input)")->required();
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
