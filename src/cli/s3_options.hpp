#pragma once
// The options of a trail scan read straight from S3 (trail s3://..., scan --cloudtrail s3://...): the AWS
// profile and region as for collect, requester pays, how many GETs run at once; and the source they make.
#include "trail/s3/s3_scan.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace rg::cli {

struct S3Arguments {
  std::string profile;
  std::string region;
  std::string request_payer; // "requester" or empty, as the AWS CLI's --request-payer
  unsigned concurrency = 16;
  unsigned memory_mib = 64;

  // `with_account`: add --profile and --aws-region too (scan has them already, from its --live options).
  void add_to(CLI::App& command, bool with_account);
  // Resolves credentials and endpoints as the AWS CLI does; progress on stderr when it is a terminal.
  trail::s3::S3ScanSource source(const std::string& url) const;
};

// Ends the progress line the source's callback drew (if it drew one).
void end_s3_progress();

} // namespace rg::cli
