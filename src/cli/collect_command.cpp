// rootguard collect --output DIR: the snapshot folder for the caller's account, collected with
// rootguard's own AWS client (read-only calls; the usual --profile / --region / environment setup).
#include "aws/client.hpp"
#include "aws/credential_chain.hpp"
#include "aws/curl_transport.hpp"
#include "cli/command.hpp"
#include "collect/collector.hpp"
#include "version.hpp"

#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace rg::cli {
namespace {

struct CollectArguments {
  std::string output;
  std::string profile;
  std::string region;
  std::vector<std::string> regions;
};

ExitCode run(const CollectArguments& args) {
  const auto env = aws::process_environment();
  auto transport = std::make_shared<aws::CurlTransport>(env);
  aws::ChainOptions chain;
  if (!args.profile.empty()) {
    chain.profile = args.profile;
  }
  if (!args.region.empty()) {
    chain.region = args.region;
  }
  chain.env = env;
  chain.transport = transport;
  const auto setup = aws::resolve_setup(chain);
  if (!setup.region && args.regions.empty()) {
    throw FatalError(ExitCode::kUsage,
                     "no region: give --region or --regions, or set AWS_REGION or a profile region");
  }
  aws::ClientOptions options;
  options.region = setup.region.value_or(args.regions.empty() ? "" : args.regions.front());
  options.env = env;
  options.endpoints = setup.endpoints;
  options.user_agent = fmt::format("rootguard/{}", kVersion);
  aws::AwsClient client(options, setup.credentials, transport,
                        std::make_shared<aws::RetryStrategy>(setup.retry));
  collect::CollectOptions collect_options;
  collect_options.output = args.output;
  collect_options.regions = args.regions;
  // Progress only for a person watching: nothing when stderr is a file or a pipe.
  if (::isatty(STDERR_FILENO) != 0) {
    collect_options.progress = [](std::string_view line) { fmt::print(stderr, "collect: {}\n", line); };
  }
  const auto summary = collect::collect_account(client, collect_options);
  fmt::print(stderr, "collected account {} ({} region{}{}): {} calls, {} failed; see {}/collection.json\n",
             summary.account, summary.regions.size(), summary.regions.size() == 1 ? "" : "s",
             summary.organization ? ", organization" : "", summary.calls, summary.errors, args.output);
  return ExitCode::kOk;
}

} // namespace

void add_collect_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<CollectArguments>();
  auto* command =
      app.add_subcommand("collect", "Collect a snapshot of the caller's account from AWS (read-only)");
  command->add_option("-o,--output", args->output, "Snapshot folder to write")->required();
  command->add_option("--profile", args->profile, "AWS profile (as for the AWS CLI)");
  command->add_option("--region", args->region, "AWS region for the calls (as for the AWS CLI)");
  command
      ->add_option("--regions", args->regions,
                   "Regions to collect (comma-separated; default: the account's enabled regions)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command->callback([args, &action] { action = [args] { return run(*args); }; });
}

} // namespace rg::cli
