#pragma once
// A trail scan of s3://BUCKET[/PREFIX], read in place: one thread lists by the key layout (layout_walk),
// a bounded pool of fetchers GETs the objects (each its own S3 client and connection), and the scan workers
// inflate and read each object in memory with the same engine as local files. Memory is bounded whatever
// the bucket holds: at most `key_queue` keys listed ahead, and at most `memory_budget` bytes of objects
// fetched and not yet scanned (one object larger than the budget is fetched alone). Decision 0022.
#include "aws/credentials_provider.hpp"
#include "aws/http.hpp"
#include "aws/retry.hpp"
#include "aws/s3_client.hpp"
#include "trail/s3/s3_url.hpp"
#include "trail/scan_options.hpp"
#include "trail/scan_result.hpp"
#include "trail/scanner.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace rg::trail::s3 {

struct S3Connection {
  aws::S3ClientOptions client; // region: the first guess; the bucket's own is found before listing
  std::shared_ptr<aws::CredentialsProvider> credentials;
  std::function<std::shared_ptr<aws::HttpTransport>()> make_transport; // one per thread
  std::shared_ptr<aws::RetryStrategy> retry;                           // shared by every thread
};

struct S3Progress {
  std::size_t listed = 0; // objects to read, listed so far
  std::size_t fetched = 0;
  std::size_t failed = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
  bool listing_done = false;
};

struct S3ScanSource {
  S3Url url;
  S3Connection connection;
  unsigned fetchers = 16;                                // GetObject calls in flight
  std::uint64_t memory_budget = std::uint64_t{64} << 20; // object bytes fetched and not yet scanned
  std::size_t key_queue = 4096;                          // keys listed and not yet fetched
  std::function<void(const S3Progress&)> progress;       // about twice a second while running, then once
};

// Objects that cannot be listed or fetched are problems in the result (named by s3://bucket/key and why),
// never exceptions; the summary's `s3` says what was asked of S3.
TrailScanResult scan_s3(const TrailScanOptions& options, const EventMatcher& matcher,
                        const S3ScanSource& source);

} // namespace rg::trail::s3
