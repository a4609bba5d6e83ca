#pragma once
// The three read-only S3 calls a trail scan needs (ListObjectsV2, GetObject, HeadBucket), signed with
// SigV4 for S3 (x-amz-content-sha256, the path encoded once) and sent through the same transport and retry
// loop as every other call. S3 is REST-XML, outside the generated JSON/query models, so its few requests
// are built here. Path-style addressing for a configured endpoint (moto, MinIO, a VPC endpoint URL),
// virtual-hosted for AWS itself when the bucket name allows it. A bucket in another region is followed
// (x-amz-bucket-region on a 301 or 400). Not thread-safe: one client per thread, the retry strategy shared.
#include "aws/aws_error.hpp"
#include "aws/credentials_provider.hpp"
#include "aws/endpoints.hpp"
#include "aws/environment.hpp"
#include "aws/http.hpp"
#include "aws/retry.hpp"
#include "aws/retrying_sender.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::aws {

struct S3ClientOptions {
  std::string region; // where the bucket is thought to be; a redirect corrects it
  Environment env = process_environment();
  ConfiguredEndpoints endpoints;
  bool request_payer = false; // x-amz-request-payer: requester (a requester-pays bucket)
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds call_timeout{300'000}; // an object of hundreds of MB on a slow link
  Sleep sleep = real_sleep();
  std::function<std::chrono::sys_seconds()> clock; // default: the system clock
  std::string user_agent = "rootguard";
};

struct S3ObjectEntry {
  std::string key;
  std::uint64_t size = 0;
};

struct S3ListPage {
  std::vector<S3ObjectEntry> objects;
  std::vector<std::string> common_prefixes; // with a delimiter
  std::string next_token;                   // empty: the last page
};

// What every call returns besides its value: the error (absent on success) and how many attempts it took.
struct S3CallInfo {
  std::optional<AwsError> error;
  int attempts = 0;
  int throttled = 0;
};

struct S3ListResult {
  S3ListPage page;
  S3CallInfo info;
};

struct S3GetResult {
  std::string body;
  S3CallInfo info;
  // User metadata (x-amz-meta-NAME headers) by NAME, lower case: a CloudTrail digest's signature is there,
  // so a GET needs no HeadObject.
  std::map<std::string, std::string> metadata;
};

class S3Client {
public:
  S3Client(S3ClientOptions options, std::shared_ptr<CredentialsProvider> credentials,
           std::shared_ptr<HttpTransport> transport, std::shared_ptr<RetryStrategy> retry);

  // One page of ListObjectsV2 (up to 1000 keys); `delimiter` empty for a flat listing.
  S3ListResult list_objects(std::string_view bucket, std::string_view prefix, std::string_view delimiter,
                            std::string_view continuation_token);
  S3GetResult get_object(std::string_view bucket, std::string_view key);
  // HeadBucket: the bucket's region from x-amz-bucket-region (AWS sends it on 200, 301 and 403), or the
  // current region when the answer has none (an emulator). An error only for a bucket that is not there or
  // an endpoint that does not answer.
  S3CallInfo locate_bucket(std::string_view bucket);

  const std::string& region() const { return options_.region; }
  // True when requests go to a configured endpoint (path style) rather than AWS's own.
  bool custom_endpoint() const;

private:
  struct Sent {
    HttpResponse response;
    S3CallInfo info;
  };
  // `path` is decoded ("/bucket/key"): S3 signs it encoded once, as it is sent.
  Sent send(const std::string& method, std::string_view bucket, const std::string& key,
            const std::string& query);

  S3ClientOptions options_;
  std::shared_ptr<CredentialsProvider> credentials_;
  std::shared_ptr<HttpTransport> transport_;
  std::shared_ptr<RetryStrategy> retry_;
};

// The IAM action behind each call, for an AccessDenied message: "s3:ListBucket", "s3:GetObject".
std::string_view s3_action(std::string_view operation);

// Bucket names that can stand in a host name (virtual-hosted style): 3-63 of a-z 0-9 '-', no dots (TLS
// wildcard certificates do not cover them), starting and ending with a letter or digit.
bool virtual_host_compatible(std::string_view bucket);

// Parses a ListObjectsV2 answer; nullopt when it is not one.
std::optional<S3ListPage> parse_list_objects(std::string_view xml);

} // namespace rg::aws
