#include "cli/collect_options.hpp"

#include "aws/client.hpp"
#include "aws/credential_chain.hpp"
#include "aws/curl_transport.hpp"
#include "cli/conventions.hpp"
#include "cli/list_options.hpp"
#include "collect/collector.hpp"
#include "collect/org_collector.hpp"
#include "model/aws_ids.hpp"
#include "util/fatal_error.hpp"
#include "util/terminal_text.hpp"
#include "version.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace rg::cli {

namespace {

// IAM's grammar for a role name, with an optional path before it (path/name): what may stand in
// arn:<partition>:iam::<id>:role/<here>.
bool is_role_name(std::string_view text) {
  if (text.empty() || text.size() > 512 || text.front() == '/' || text.back() == '/') {
    return false;
  }
  size_t part = 0;
  for (const char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    std::string_view("+=,.@_-").find(c) != std::string_view::npos;
    if (c == '/') {
      if (part == 0) {
        return false;
      }
      part = 0;
      continue;
    }
    if (!ok || ++part > 64) {
      return false;
    }
  }
  return true;
}

// STS's grammar for ExternalId: [\w+=,.@:/-]{2,1224}.
bool is_external_id(std::string_view text) {
  if (text.size() < 2 || text.size() > 1224) {
    return false;
  }
  return std::ranges::all_of(text, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("+=,.@:/_-").find(c) != std::string_view::npos;
  });
}

void check_ids(const std::vector<std::string>& ids, std::string_view option) {
  for (const auto& id : ids) {
    if (!model::is_account_id(id)) {
      throw FatalError(ExitCode::kUsage, fmt::format("{}: '{}' is not an AWS account id (twelve digits)",
                                                     option, terminal_safe(id)));
    }
  }
}

struct Setup {
  aws::AwsSetup aws;
  aws::ClientOptions options;
};

Setup resolve(const CollectArguments& args) {
  const auto env = aws::process_environment();
  aws::ChainOptions chain;
  if (!args.profile.empty()) {
    chain.profile = args.profile;
  }
  if (!args.region.empty()) {
    chain.region = args.region;
  }
  chain.env = env;
  chain.transport = std::make_shared<aws::CurlTransport>(env);
  Setup setup;
  setup.aws = aws::resolve_setup(chain);
  if (!setup.aws.region && args.regions.empty()) {
    throw FatalError(ExitCode::kUsage,
                     "no region: give --region or --regions, or set AWS_REGION or a profile region");
  }
  setup.options.region = setup.aws.region.value_or(args.regions.empty() ? "" : args.regions.front());
  setup.options.env = env;
  setup.options.endpoints = setup.aws.endpoints;
  setup.options.user_agent = fmt::format("rootguard/{}", kVersion);
  return setup;
}

bool collect_one(const CollectArguments& args, const std::filesystem::path& output) {
  const auto setup = resolve(args);
  auto transport = std::make_shared<aws::CurlTransport>(setup.options.env);
  aws::AwsClient client(setup.options, setup.aws.credentials, transport,
                        std::make_shared<aws::RetryStrategy>(setup.aws.retry));
  collect::CollectOptions options;
  options.output = output;
  options.regions = args.regions;
  options.lookup_events_days = args.lookup_events_days();
  // Progress only for a person watching: nothing when stderr is a file or a pipe.
  if (::isatty(STDERR_FILENO) != 0 && !global_flags().quiet) {
    options.progress = [](std::string_view line) { fmt::print(stderr, "collect: {}\n", line); };
  }
  const auto summary = collect::collect_account(client, options);
  note(fmt::format("collected account {} ({} region{}{}): {} calls, {} failed; see {}/collection.json",
                   summary.account, summary.regions.size(), summary.regions.size() == 1 ? "" : "s",
                   summary.organization ? ", organization" : "", summary.calls, summary.errors,
                   terminal_safe(output.string())));
  note_written(output, lang_from_environment());
  return true;
}

bool collect_org(const CollectArguments& args, const std::filesystem::path& output) {
  const auto setup = resolve(args);
  collect::ClientFactory factory;
  factory.options = setup.options;
  factory.caller = setup.aws.credentials;
  factory.retry = setup.aws.retry;
  const auto env = setup.options.env;
  factory.transport = [env] { return std::make_shared<aws::CurlTransport>(env); };
  collect::OrgCollectOptions options;
  options.output = output;
  options.regions = args.regions;
  options.lookup_events_days = args.lookup_events_days();
  options.role_name = args.role_name;
  if (!args.external_id.empty()) {
    options.external_id = args.external_id.front();
  }
  options.accounts = args.accounts;
  options.exclude_accounts = args.exclude_accounts;
  options.concurrency = args.concurrency;
  const bool terminal = ::isatty(STDERR_FILENO) != 0 && !global_flags().quiet;
  if (terminal) {
    // One line, rewritten in place: a person sees it move, a log never sees it.
    options.progress = [](const collect::OrgProgress& p) {
      fmt::print(stderr, "\rcollect: accounts {}/{} ({} failed), regions {}, calls {}, errors {}  ",
                 p.accounts_done, p.accounts_total, p.accounts_failed, p.regions_done, p.calls, p.errors);
    };
  }
  const auto summary = collect::collect_organization_accounts(factory, options);
  if (terminal) {
    fmt::print(stderr, "\n");
  }
  note(fmt::format("collected organization of management account {} from account {}: {} of {} account{} ({} "
                   "not active, not collected), {} calls, {} failed; see {}/collection.json",
                   summary.management_account, summary.caller_account, summary.accounts_collected,
                   summary.accounts_selected, summary.accounts_selected == 1 ? "" : "s",
                   summary.accounts_not_active, summary.calls, summary.errors,
                   terminal_safe(output.string())));
  note_written(output, lang_from_environment());
  for (const auto& failure : summary.failures) {
    fmt::print(stderr, "  account {} not collected ({}): {}: {}\n", failure.account, failure.step,
               terminal_safe(failure.error_code), terminal_safe(failure.message));
  }
  if (!summary.complete()) {
    fmt::print(stderr, "collection incomplete: {} account{} not collected\n", summary.failures.size(),
               summary.failures.size() == 1 ? "" : "s");
  }
  return summary.complete();
}

} // namespace

void CollectArguments::add_to(CLI::App& command, const std::string& region_flag) {
  all_options.push_back(command.add_option("--profile", profile, "AWS profile (as for the AWS CLI)"));
  all_options.push_back(
      command.add_option(region_flag, region, "AWS region for the calls (as the AWS CLI's --region)"));
  all_options.push_back(add_list_option(command, "--regions", regions,
                                        "Regions to collect (default: each account's enabled regions)",
                                        ListKind::kRegions));
  all_options.push_back(command.add_flag(
      "--org", org,
      "Collect the whole organization from its management account (or a delegated administrator), "
      "assuming --role-name in each member account"));
  org_options.push_back(command.add_option(
      "--role-name", role_name, "With --org: the read-only role to assume in each member account"));
  org_options.push_back(command
                            .add_option("--external-id", external_id,
                                        "With --org: the ExternalId the member role's trust policy asks")
                            ->expected(1));
  org_options.push_back(add_list_option(command, "--accounts", accounts, "With --org: only these accounts",
                                        ListKind::kAccountIds));
  org_options.push_back(add_list_option(command, "--exclude-accounts", exclude_accounts,
                                        "With --org: not these accounts", ListKind::kAccountIds));
  org_options.push_back(command
                            .add_option("--concurrency", concurrency,
                                        "With --org: accounts collected at the same time (default 8)")
                            ->check(CLI::Range(1, 64)));
  all_options.insert(all_options.end(), org_options.begin(), org_options.end());
  lookup_events_option =
      command
          .add_option("--lookup-events", lookup_events,
                      "Also collect root's recent activity per account and region through CloudTrail "
                      "LookupEvents (the last DAYS days, 1-90; default 90, what CloudTrail keeps), into "
                      "cloudtrail/lookup-events/")
          ->expected(0, 1)
          ->check(CLI::Range(1, 90));
  all_options.push_back(lookup_events_option);
}

int CollectArguments::lookup_events_days() const {
  if (lookup_events_option == nullptr || lookup_events_option->count() == 0) {
    return 0;
  }
  return lookup_events.empty() ? 90 : lookup_events.front();
}

bool CollectArguments::any_given() const {
  return std::any_of(all_options.begin(), all_options.end(),
                     [](const CLI::Option* o) { return o->count() > 0; });
}

void CollectArguments::validate() const {
  if (!org) {
    if (std::any_of(org_options.begin(), org_options.end(),
                    [](const CLI::Option* o) { return o->count() > 0; })) {
      throw FatalError(
          ExitCode::kUsage,
          "--role-name, --external-id, --accounts, --exclude-accounts and --concurrency need --org");
    }
    return;
  }
  if (role_name.empty()) {
    // No default: OrganizationAccountAccessRole, the role AWS creates in new members, is full
    // administrator; a read-only collector must be pointed at a read-only role on purpose.
    throw FatalError(
        ExitCode::kUsage,
        "--org needs --role-name: the read-only role to assume in each member account (rootguard "
        "assumes no default role such as OrganizationAccountAccessRole, which is an administrator "
        "role; see docs/collect.md for a read-only one)");
  }
  if (!is_role_name(role_name)) {
    throw FatalError(ExitCode::kUsage,
                     fmt::format("--role-name: '{}' is not an IAM role name", terminal_safe(role_name)));
  }
  if (!external_id.empty() && !is_external_id(external_id.front())) {
    // The value itself is not echoed: it is the one thing the member role's trust asks for.
    throw FatalError(ExitCode::kUsage, "--external-id: 2 to 1224 characters of [A-Za-z0-9+=,.@:/_-]");
  }
  check_ids(accounts, "--accounts");
  check_ids(exclude_accounts, "--exclude-accounts");
}

bool collect_snapshot(const CollectArguments& args, const std::filesystem::path& output) {
  args.validate();
  return args.org ? collect_org(args, output) : collect_one(args, output);
}

} // namespace rg::cli
