#include "trail/s3/live_public_keys.hpp"

#include "aws/client.hpp"

#include <fmt/format.h>

namespace rg::trail::s3 {

LiveKeys fetch_public_keys(const S3Connection& connection, const std::set<std::string>& home_regions,
                           TimePoint start, TimePoint end) {
  LiveKeys out;
  digest::PublicKeySet merged;
  bool all_fetched = true;
  for (const std::string& region : home_regions) {
    aws::ClientOptions options;
    options.region = region;
    options.env = connection.client.env;
    options.endpoints = connection.client.endpoints;
    options.user_agent = connection.client.user_agent;
    aws::AwsClient client(options, connection.credentials, connection.make_transport(), connection.retry);
    const nlohmann::json input = {{"StartTime", format_iso8601(start)}, {"EndTime", format_iso8601(end)}};
    const aws::CallResult called = client.call_all_pages("cloudtrail", "ListPublicKeys", input, region);
    const std::string where = fmt::format("cloudtrail:ListPublicKeys ({})", region);
    if (!called.ok()) {
      all_fetched = false;
      const aws::AwsError& error = *called.error;
      out.problems.push_back(
          {ProblemKind::kUnreadable, where, "",
           error.code.find("AccessDenied") != std::string::npos
               ? fmt::format("cloudtrail:ListPublicKeys denied: {}; digest signatures not checked (give "
                             "--public-keys FILE, or allow the action)",
                             error.describe())
               : fmt::format("cannot fetch CloudTrail's public keys: {}; digest signatures not checked",
                             error.describe())});
      continue;
    }
    digest::PublicKeySet keys = digest::parse_public_keys(called.output->dump(), where);
    for (auto& [fingerprint, key] : keys.by_fingerprint) {
      merged.by_fingerprint.emplace(fingerprint, std::move(key)); // a key is the same in every region
    }
    out.problems.insert(out.problems.end(), keys.problems.begin(), keys.problems.end());
  }
  if (all_fetched) {
    out.keys = std::move(merged);
  }
  return out;
}

} // namespace rg::trail::s3
