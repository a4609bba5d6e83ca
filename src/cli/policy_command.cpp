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
  const auto result = policy::check_policy(text, *type, {args.partition, args.account});
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
  check->add_option("--partition", args->partition, "Partition of the root ARN (aws, aws-us-gov, aws-cn)")
      ->check(CLI::IsMember({"aws", "aws-us-gov", "aws-cn", "aws-iso", "aws-iso-b"}));
  args->output.add_to(*check);
  check->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
