#pragma once
// Where the digests and log files of a validation are: a local folder or an S3 bucket read in place. The
// chain walk (validator.cpp) is the same for both; only listing, reading a digest with its signature, and
// hashing a log file differ. Decisions 0018 (folders) and 0025 (S3).
#include "trail/digest/digest_name.hpp"
#include "trail/digest/log_hasher.hpp"
#include "trail/digest/signature_sidecar.hpp"
#include "util/problem.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rg::trail::digest {

struct InventoryDigest {
  std::string path;   // local path, or s3://bucket/key
  std::string suffix; // from AWSLogs/ on
  std::string root;   // what comes before it ("" or ending in '/')
  std::string organization_id;
  DigestName name;
};

struct InventoryLog {
  std::string path;
  std::uint64_t size = 0;
};

// Every digest and log file found (listed), before any is read.
struct Inventory {
  std::vector<InventoryDigest> digests;
  std::map<std::string, InventoryLog> logs;          // by path
  std::multimap<std::string, std::string> log_names; // file name -> path, to tell moved from deleted
  std::vector<Problem> problems;

  void add_log(std::string path, std::uint64_t size);
};

// A digest's bytes and signature, or why they could not be had.
struct DigestBytes {
  enum class Outcome {
    kRead,
    kAbsent,     // not there: deleted
    kDamaged,    // there, but not readable as a file (a local read error): malformed
    kUnreadable, // could not be fetched (denied, retries exhausted): not checked, not a failure
  };
  Outcome outcome = Outcome::kRead;
  std::string bytes;
  std::string message; // when not read
  // The signature: S3 metadata, or the sidecar of a local copy. nullopt: none given.
  Result<std::optional<DigestSignature>> signature = std::optional<DigestSignature>{};
};

// A log file's inflated SHA-256, or why not.
struct LogRead {
  enum class Outcome {
    kHashed,
    kAbsent,     // not there (S3: 404)
    kDamaged,    // there, but does not inflate as CloudTrail delivered it: modified
    kUnreadable, // could not be fetched (403, retries exhausted): not checked
  };
  Outcome outcome = Outcome::kHashed;
  LogHash hash;
  std::string message;
};

enum class LogPresence {
  kPresent,
  kAbsent,
  kUnknown, // not listed (outside the listed window, or gone): the store reads it to find out
};

class DigestStore {
public:
  virtual ~DigestStore() = default;
  DigestStore() = default;
  DigestStore(const DigestStore&) = delete;
  DigestStore& operator=(const DigestStore&) = delete;
  DigestStore(DigestStore&&) = delete;
  DigestStore& operator=(DigestStore&&) = delete;

  // The digests of one chain, about to be walked (an S3 store fetches them in parallel).
  virtual void prefetch(const std::vector<const InventoryDigest*>& /*digests*/) {}
  // False for a digest the walk must not follow to: older than the window that was listed. The walk stops
  // there, as validate-logs stops at its --start-time.
  virtual bool in_window(const std::string& /*path*/) const { return true; }
  virtual DigestBytes read_digest(const std::string& path) = 0;
  virtual LogPresence log_presence(const std::string& path) const = 0;
  // Called from several threads at once.
  virtual LogRead hash_log(const std::string& path, std::uint64_t max_inflated) = 0;
  // How many hash_log calls to run at once, given --threads.
  virtual unsigned hash_parallelism(unsigned threads) const { return threads; }
};

} // namespace rg::trail::digest
