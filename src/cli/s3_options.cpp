#include "cli/s3_options.hpp"

#include "aws/credential_chain.hpp"
#include "aws/curl_transport.hpp"
#include "cli/conventions.hpp"
#include "util/fatal_error.hpp"
#include "util/terminal_text.hpp"
#include "version.hpp"

#include <atomic>
#include <fmt/format.h>
#include <unistd.h>

namespace rg::cli {
namespace {

std::atomic<bool> progress_drawn{false};

} // namespace

void S3Arguments::add_to(CLI::App& command, bool with_account) {
  if (with_account) {
    command.add_option("--profile", profile, "With s3://: the AWS profile (as for the AWS CLI)");
    command.add_option("--aws-region", region,
                       "With s3://: the region to ask first (the bucket's own region is found and followed)");
  }
  command.add_option("--request-payer", request_payer, "With s3://: 'requester' for a requester-pays bucket")
      ->check(CLI::IsMember({"requester"}));
  command.add_option("--s3-concurrency", concurrency, "With s3://: GetObject calls in flight (default 16)")
      ->check(CLI::Range(1, 256));
  command
      .add_option("--s3-memory-mib", memory_mib,
                  "With s3://: MiB of fetched objects held before they are scanned (default 64)")
      ->check(CLI::Range(1, 65536));
}

trail::s3::S3ScanSource S3Arguments::source(const std::string& url) const {
  auto parsed = trail::s3::parse_s3_url(url);
  if (!parsed) {
    throw FatalError(ExitCode::kUsage,
                     fmt::format("not an S3 location (s3://BUCKET[/PREFIX]): {}", terminal_safe(url)));
  }
  const auto env = aws::process_environment();
  aws::ChainOptions chain;
  if (!profile.empty()) {
    chain.profile = profile;
  }
  if (!region.empty()) {
    chain.region = region;
  }
  chain.env = env;
  chain.transport = std::make_shared<aws::CurlTransport>(env);
  const aws::AwsSetup setup = aws::resolve_setup(chain);
  trail::s3::S3ScanSource source;
  source.url = std::move(*parsed);
  source.connection.client.region = setup.region.value_or("us-east-1"); // HeadBucket corrects it
  source.connection.client.env = env;
  source.connection.client.endpoints = setup.endpoints;
  source.connection.client.request_payer = request_payer == "requester";
  source.connection.client.user_agent = fmt::format("rootguard/{}", kVersion);
  source.connection.credentials = setup.credentials;
  source.connection.make_transport = [env] { return std::make_shared<aws::CurlTransport>(env); };
  source.connection.retry = std::make_shared<aws::RetryStrategy>(setup.retry);
  source.fetchers = concurrency;
  source.memory_budget = std::uint64_t{memory_mib} << 20;
  // Progress only for a person watching: nothing when stderr is a file or a pipe.
  if (::isatty(STDERR_FILENO) != 0 && !global_flags().quiet) {
    source.progress = [](const trail::s3::S3Progress& p) {
      const double mb = static_cast<double>(p.bytes) / 1e6;
      fmt::print(stderr, "\rtrail: {} objects listed{}, {} fetched ({:.1f} MB, {:.1f} MB/s), {} errors  ",
                 p.listed, p.listing_done ? "" : " so far", p.fetched, mb,
                 p.seconds > 0 ? mb / p.seconds : 0.0, p.failed);
      progress_drawn = true;
    };
  }
  return source;
}

void end_s3_progress() {
  if (progress_drawn.exchange(false)) {
    fmt::print(stderr, "\n");
  }
}

} // namespace rg::cli
