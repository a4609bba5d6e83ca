// scan_s3 against a scripted S3 (tests/aws/scripted_server): a throttled object is retried and read, a
// failing one is retried and named, an object gone between list and get (404) and a denied one (403) are
// named with their key and the action, every one is counted, and the run goes on. A denied listing names
// s3:ListBucket and the prefix. The bytes are a corpus file, read the same as from disk.
#include "aws/credentials_provider.hpp"
#include "aws/curl_transport.hpp"
#include "scripted_server.hpp"
#include "trail/s3/s3_scan.hpp"

#include <atomic>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <mutex>

namespace rg::trail::s3 {
namespace {

class AnyMatcher final : public EventMatcher {
public:
  void match(const EventView&, std::vector<std::string_view>& ids) const override { ids.push_back("any"); }
};

constexpr const char* kPrefix = "AWSLogs/111111111111/CloudTrail/us-east-1/";

std::string corpus_bytes() {
  std::ifstream in(std::string(RG_TEST_DATA_DIR) + "/../../corpus/trail/ok-multi-member.json.gz",
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string listing(const std::vector<std::string>& names, std::size_t size) {
  std::string xml =
      "<?xml version=\"1.0\"?><ListBucketResult><Name>bucket</Name><IsTruncated>false</IsTruncated>";
  for (const auto& name : names) {
    xml += fmt::format("<Contents><Key>{}{}</Key><Size>{}</Size></Contents>", kPrefix, name, size);
  }
  return xml + "</ListBucketResult>";
}

std::string error_xml(const char* code, const char* message) {
  return fmt::format("<?xml version=\"1.0\"?><Error><Code>{}</Code><Message>{}</Message></Error>", code,
                     message);
}

// The path of the request line: "GET /bucket/key?x HTTP/1.1" -> "/bucket/key?x".
std::string target(const std::string& request) {
  const std::size_t space = request.find(' ');
  return request.substr(space + 1, request.find(' ', space + 1) - space - 1);
}

S3ScanSource source_for(const test::ScriptedServer& server, const std::string& url) {
  S3ScanSource source;
  source.url = *parse_s3_url(url);
  const auto env = aws::fixed_environment({{"AWS_ENDPOINT_URL", server.url()}});
  source.connection.client.region = "us-east-1";
  source.connection.client.env = env;
  source.connection.client.sleep = [](std::chrono::milliseconds) {};
  aws::Credentials creds;
  creds.access_key_id = "AKIDEXAMPLE";
  creds.secret_access_key = aws::Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  source.connection.credentials = std::make_shared<aws::StaticCredentialsProvider>(creds);
  source.connection.make_transport = [env] { return std::make_shared<aws::CurlTransport>(env); };
  source.connection.retry = std::make_shared<aws::RetryStrategy>(
      aws::RetryConfig{3, std::chrono::milliseconds(1), std::chrono::milliseconds(1)});
  source.fetchers = 3;
  return source;
}

std::map<std::string, std::string> errors_by_file(const TrailScanResult& result) {
  std::map<std::string, std::string> out;
  for (const auto& problem : result.summary.errors) {
    out[problem.file] = problem.message;
  }
  return out;
}

TEST(S3Fetch, FaultsAreRetriedNamedAndCounted) {
  const std::string body = corpus_bytes();
  ASSERT_FALSE(body.empty());
  std::mutex mutex;
  std::map<std::string, int> gets;
  std::vector<std::string> signed_requests;
  test::ScriptedServer server([&](const std::string& request) {
    const std::lock_guard lock(mutex);
    if (request.find("x-amz-content-sha256: ") != std::string::npos &&
        request.find("Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") != std::string::npos) {
      signed_requests.push_back(target(request));
    }
    const std::string path = target(request);
    if (request.starts_with("HEAD ")) {
      return test::respond(200, "");
    }
    if (path.find("list-type=2") != std::string::npos) {
      return test::respond(
          200, listing({"denied.json.gz", "failing.json.gz", "gone.json.gz", "good.json.gz", "slow.json.gz"},
                       body.size()));
    }
    const std::string name = path.substr(path.rfind('/') + 1);
    const int attempt = ++gets[name];
    if (name == "slow.json.gz" && attempt == 1) {
      return test::respond(503, error_xml("SlowDown", "Please reduce your request rate."));
    }
    if (name == "failing.json.gz") {
      return test::respond(500, error_xml("InternalError", "We encountered an internal error."));
    }
    if (name == "gone.json.gz") {
      return test::respond(404, error_xml("NoSuchKey", "The specified key does not exist."));
    }
    if (name == "denied.json.gz") {
      return test::respond(403, error_xml("AccessDenied", "Access Denied"));
    }
    return test::respond(200, body, "application/octet-stream");
  });
  TrailScanOptions options;
  options.threads = 2;
  const auto source = source_for(server, std::string("s3://bucket/") + kPrefix);
  const TrailScanResult result = scan_s3(options, AnyMatcher{}, source);

  TrailScanOptions local;
  local.paths = {std::string(RG_TEST_DATA_DIR) + "/../../corpus/trail/ok-multi-member.json.gz"};
  const std::size_t events_per_file = scan_files(local, AnyMatcher{}).summary.events;
  ASSERT_GT(events_per_file, 0U);

  const auto& s = result.summary;
  EXPECT_EQ(s.files, 5U);
  EXPECT_EQ(s.files_failed, 3U);
  EXPECT_EQ(s.events, 2 * events_per_file); // good and slow (after its retry)
  ASSERT_TRUE(s.s3);
  EXPECT_EQ(s.s3->list_requests, 1U);
  EXPECT_EQ(s.s3->objects_listed, 5U);
  EXPECT_EQ(s.s3->objects_fetched, 2U);
  EXPECT_EQ(s.s3->objects_failed, 3U);
  EXPECT_EQ(s.s3->get_attempts, 1U + 2 + 3 + 1 + 1); // denied, slow (2), failing (3), gone, good
  EXPECT_EQ(s.s3->throttled, 1U);
  EXPECT_EQ(s.s3->bytes_fetched, 2 * body.size());
  const std::string base = std::string("s3://bucket/") + kPrefix;
  const auto errors = errors_by_file(result);
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_NE(
      errors.at(base + "denied.json.gz").find("s3:GetObject denied on this object: AccessDenied (HTTP 403)"),
      std::string::npos)
      << errors.at(base + "denied.json.gz");
  EXPECT_NE(
      errors.at(base + "gone.json.gz").find("gone between the listing and the GET: NoSuchKey (HTTP 404)"),
      std::string::npos);
  EXPECT_NE(errors.at(base + "failing.json.gz").find("3 attempts): InternalError (HTTP 500)"),
            std::string::npos)
      << errors.at(base + "failing.json.gz");
  // Problems in key order, whatever order the fetchers finished in.
  EXPECT_EQ(s.errors[0].file, base + "denied.json.gz");
  EXPECT_EQ(s.errors[1].file, base + "failing.json.gz");
  EXPECT_EQ(s.errors[2].file, base + "gone.json.gz");
  // Every request signed for S3 (x-amz-content-sha256), path style on a configured endpoint.
  EXPECT_EQ(signed_requests.size(), 1U + 1 + 8);
  for (const auto& path : signed_requests) {
    EXPECT_TRUE(path.starts_with("/bucket")) << path;
  }
}

// Signed for the wrong region, S3 answers 400 AuthorizationHeaderMalformed naming the bucket's region (or a
// 301 with x-amz-bucket-region): the request is signed again for that region, lists and GETs alike.
TEST(S3Fetch, ABucketInAnotherRegionIsFollowed) {
  const std::string body = corpus_bytes();
  std::atomic<int> wrong_region{0};
  test::ScriptedServer server([&](const std::string& request) {
    if (request.starts_with("HEAD ")) {
      return test::respond(200, "");
    }
    if (request.find("/eu-west-1/s3/aws4_request") == std::string::npos) {
      ++wrong_region;
      return test::respond(400,
                           "<?xml version=\"1.0\"?><Error><Code>AuthorizationHeaderMalformed</Code><Message>"
                           "the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1"
                           "</Region></Error>");
    }
    if (target(request).find("list-type=2") != std::string::npos) {
      return test::respond(200, listing({"a.json.gz", "b.json.gz"}, body.size()));
    }
    return test::respond(200, body, "application/octet-stream");
  });
  auto source = source_for(server, std::string("s3://bucket/") + kPrefix);
  source.fetchers = 1;
  const TrailScanResult result = scan_s3(TrailScanOptions{}, AnyMatcher{}, source);
  EXPECT_TRUE(result.summary.errors.empty()) << result.summary.errors[0].describe();
  EXPECT_EQ(result.summary.files, 2U);
  EXPECT_EQ(result.summary.s3->objects_fetched, 2U);
  EXPECT_EQ(result.summary.s3->region, "eu-west-1");
  EXPECT_EQ(wrong_region.load(), 2); // the listing's first try and the fetcher's first GET, then never again
}

TEST(S3Fetch, ADeniedListingNamesTheActionAndThePrefix) {
  test::ScriptedServer server([&](const std::string& request) {
    if (request.starts_with("HEAD ")) {
      return test::respond(403, "");
    }
    return test::respond(403, error_xml("AccessDenied", "Access Denied"));
  });
  const auto source = source_for(server, "s3://bucket/trails");
  const TrailScanResult result = scan_s3(TrailScanOptions{}, AnyMatcher{}, source);
  ASSERT_FALSE(result.summary.errors.empty());
  EXPECT_EQ(result.summary.errors[0].file, "s3://bucket/trails/AWSLogs/");
  EXPECT_NE(
      result.summary.errors[0].message.find("s3:ListBucket denied on this prefix: AccessDenied (HTTP 403)"),
      std::string::npos)
      << result.summary.errors[0].message;
  EXPECT_EQ(result.summary.files, 0U);
}

TEST(S3Fetch, AMissingBucketIsAProblemNotACrash) {
  test::ScriptedServer server([&](const std::string&) {
    return test::respond(404, error_xml("NoSuchBucket", "The specified bucket does not exist"));
  });
  const TrailScanResult result =
      scan_s3(TrailScanOptions{}, AnyMatcher{}, source_for(server, "s3://nobucket/"));
  ASSERT_EQ(result.summary.errors.size(), 1U);
  EXPECT_EQ(result.summary.errors[0].kind, ProblemKind::kAbsent);
  EXPECT_NE(result.summary.errors[0].message.find("HeadBucket"), std::string::npos);
  EXPECT_EQ(result.summary.s3->list_requests, 0U);
}

} // namespace
} // namespace rg::trail::s3
