// The memory bound of decision 0006 / issue 10, measured on the binary users run: a million matched root
// events, reported as the table and as JSON, each in under 512 MiB peak RSS. Each run is a child process,
// so getrusage(RUSAGE_CHILDREN) is exactly its peak. Registered only outside sanitizer builds, whose
// shadow memory and quarantine would measure the sanitizer.
#include "cli/run_binary.hpp"
#include "trail/trail_fixtures.hpp"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <sys/resource.h>

namespace rg::testing {
namespace {

constexpr int kFiles = 100;
constexpr int kPerFile = 10'000; // 1,000,000 matched events in all
constexpr long kBoundMiB = 512;

long children_peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_maxrss / 1024;
}

// Root API calls across 20 accounts: unique event ids, 256 source IPs, 40 user agents, a few event names;
// real-sized records (~600 bytes) so the input is what an organization's trail looks like.
void write_million_root_events(const std::filesystem::path& root) {
  static const char* const kNames[] = {"ListBuckets", "DescribeInstances", "GetCallerIdentity",
                                       "CreateAccessKey", "PutObject"};
  for (int file = 0; file < kFiles; ++file) {
    const std::string account = std::to_string(111122220000 + file % 20);
    std::string body = R"({"Records":[)";
    for (int i = 0; i < kPerFile; ++i) {
      trail::testing::RecordSpec spec;
      spec.account = account;
      spec.user_type = "Root";
      spec.event_id = std::to_string(file);
      spec.event_id += '-';
      spec.event_id += std::to_string(i);
      spec.event_id += "-7f3c2a9e-1b4d-4c8e-9a6f-2d5e8b1c0a37";
      spec.event_name = kNames[i % 5];
      spec.event_source = "s3.amazonaws.com";
      spec.source_ip = "203.0.113." + std::to_string((i * 7 + file) % 256);
      char time[32];
      std::snprintf(time, sizeof time, "2026-11-%02dT%02d:%02d:%02dZ", 1 + file % 28, i / 3600 % 24,
                    i / 60 % 60, i % 60);
      spec.event_time = time;
      spec.extra = R"("requestParameters":{"bucketName":"logs-)" + std::to_string(i % 40) +
                   R"("},"responseElements":null,"requestID":"9a1b2c3d4e5f60718293a4b5c6d7e8f9",)"
                   R"("readOnly":true,"managementEvent":true,"eventCategory":"Management",)"
                   R"("tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256",)"
                   R"("clientProvidedHostHeader":"s3.us-east-1.amazonaws.com"})";
      if (i > 0) {
        body += ',';
      }
      body += trail::testing::record(spec);
    }
    body += "]}";
    trail::testing::write_bytes(root / "AWSLogs" / account / "CloudTrail" / "us-east-1" / "2026" / "11" /
                                    (std::to_string(file) + ".json.gz"),
                                trail::testing::gzip(body, 1));
  }
}

TEST(TrailMemory, AMillionMatchedEventsStayUnder512MiB) {
  const auto root =
      std::filesystem::temp_directory_path() / ("rootguard-million-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  write_million_root_events(root);
  // The table (a per-account summary) comes back to check the counts; the JSON (~800 MB of events) goes
  // to /dev/null, which rootguard writes in place as it renders.
  const auto table = run_rootguard({"trail", root.string(), "--color", "never"});
  EXPECT_EQ(table.exit_code, 3) << table.err; // root activity found
  EXPECT_NE(table.out.find("1000000 events, 1000000 matched"), std::string::npos) << table.out;
  const long table_peak = children_peak_rss_mib();
  const auto json = run_rootguard({"trail", root.string(), "--format", "json", "--output", "/dev/null"});
  EXPECT_EQ(json.exit_code, 3) << json.err;
  const long json_peak = children_peak_rss_mib(); // the larger of the two runs
  // With a mutelist muting half the accounts (decision 0017: only muted pairs are kept, one shared entry).
  const auto mutelist = root / "mutelist.yaml";
  trail::testing::write_bytes(mutelist, "version: 1\nmutes:\n  - account: \"11112222000?\"\n"
                                        "    detection: \"root-*\"\n    reason: load test\n"
                                        "    expires: 2026-12-31\n");
  const auto muted = run_rootguard({"trail", root.string(), "--format", "json", "--output", "/dev/null",
                                    "--mutelist", mutelist.string(), "--mutelist-date", "2026-12-01"});
  EXPECT_EQ(muted.exit_code, 3) << muted.err; // the other half is not muted
  const long muted_peak = children_peak_rss_mib();
  std::printf("peak RSS for %d matched events: table %ld MiB, table and json %ld MiB, and json with half "
              "muted %ld MiB\n",
              kFiles * kPerFile, table_peak, json_peak, muted_peak);
  EXPECT_LT(table_peak, kBoundMiB);
  EXPECT_LT(json_peak, kBoundMiB);
  EXPECT_LT(muted_peak, kBoundMiB);
  std::filesystem::remove_all(root);
}

} // namespace
} // namespace rg::testing
