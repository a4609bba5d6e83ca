// aws_call [--profile P] [--region R] SERVICE OPERATION [INPUT-JSON]: one call (all pages) through
// rootguard's AWS client, printing the output as `aws SERVICE OPERATION --output json` would, or the
// error code and message on stderr (exit 1). Used by the emulator tests to compare with the AWS CLI.
#include "aws/client.hpp"
#include "aws/credential_chain.hpp"
#include "aws/curl_transport.hpp"

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
  std::optional<std::string> profile;
  std::optional<std::string> region;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--profile") == 0 && i + 1 < argc) {
      profile = argv[++i];
    } else if (std::strcmp(argv[i], "--region") == 0 && i + 1 < argc) {
      region = argv[++i];
    } else {
      positional.emplace_back(argv[i]);
    }
  }
  if (positional.size() < 2) {
    std::cerr << "usage: aws_call [--profile P] [--region R] SERVICE OPERATION [INPUT-JSON]\n";
    return 2;
  }
  const auto env = rg::aws::process_environment();
  auto transport = std::make_shared<rg::aws::CurlTransport>(env);
  rg::aws::ChainOptions chain;
  chain.profile = profile;
  chain.region = region;
  chain.env = env;
  chain.transport = transport;
  const auto setup = rg::aws::resolve_setup(chain);
  rg::aws::ClientOptions options;
  options.region = setup.region.value_or("");
  options.env = env;
  options.endpoints = setup.endpoints;
  rg::aws::AwsClient client(options, setup.credentials, transport,
                            std::make_shared<rg::aws::RetryStrategy>(setup.retry));
  const auto input = positional.size() > 2 ? nlohmann::json::parse(positional[2]) : nlohmann::json::object();
  const auto result = client.call_all_pages(positional[0], positional[1], input);
  if (!result.ok()) {
    std::cerr << result.error->code << "\n" << result.error->describe() << "\n";
    return 1;
  }
  std::cout << result.output->dump(4) << "\n";
  return 0;
}
