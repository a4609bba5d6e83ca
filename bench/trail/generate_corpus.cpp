// Deterministic synthetic CloudTrail corpus in the real S3 layout, for bench/trail/run.
//   rg_trail_corpus_generator OUT_DIR [SIZE_MIB]
// Same arguments, same bytes: every file is seeded from its index. About 0.5% of records are root events:
// CIS-visible API calls and sign-ins, console actions (invokedBy signin.amazonaws.com) and actions AWS
// services perform on root's behalf (other invokedBy, AwsServiceEvent), so the comparison has teeth.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <libdeflate.h>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::string hex(std::size_t length) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(length, '0');
    for (char& c : out) {
      c = kDigits[next() & 15];
    }
    return out;
  }
  std::string upper(std::size_t length) {
    static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out(length, 'A');
    for (char& c : out) {
      c = kChars[next() & 31];
    }
    return out;
  }
};

constexpr const char* kAccounts[] = {"111122223333", "444455556666", "777788889999"};
constexpr const char* kRegions[] = {"us-east-1", "eu-west-1", "ap-northeast-1", "us-west-2"};
constexpr const char* kAgents[] = {
    "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off "
    "command/ec2.describe-instances",
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.2 "
    "cfg/retry-mode#legacy",
    "aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/sts#1.28.6",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 "
    "Safari/537.36",
    "console.amazonaws.com",
    "cloudformation.amazonaws.com",
    "AWS Internal"};

struct Call {
  const char* source;
  const char* name;
  bool read_only;
};
constexpr Call kCalls[] = {
    {"sts.amazonaws.com", "AssumeRole", false},
    {"ec2.amazonaws.com", "DescribeInstances", true},
    {"s3.amazonaws.com", "ListBuckets", true},
    {"kms.amazonaws.com", "Decrypt", true},
    {"logs.amazonaws.com", "CreateLogStream", false},
    {"iam.amazonaws.com", "GetRole", true},
    {"lambda.amazonaws.com", "Invoke", false},
    {"ec2.amazonaws.com", "DescribeSecurityGroups", true},
    {"dynamodb.amazonaws.com", "DescribeTable", true},
    {"ssm.amazonaws.com", "GetParameter", true},
    {"monitoring.amazonaws.com", "PutMetricData", false},
    {"s3.amazonaws.com", "GetBucketAcl", true},
};

std::string iso(int day, int seconds) {
  return fmt::format("2026-10-{:02}T{:02}:{:02}:{:02}Z", day, seconds / 3600, seconds / 60 % 60,
                     seconds % 60);
}

std::string tail(Random& r, const std::string& account, const std::string& region, bool read_only) {
  return fmt::format(R"("requestID":"{}","eventID":"{}-{}-{}-{}-{}","readOnly":{},"eventType":"AwsApiCall",)"
                     R"("managementEvent":true,"recipientAccountId":"{}","eventCategory":"Management",)"
                     R"("tlsDetails":{{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256",)"
                     R"("clientProvidedHostHeader":"service.{}.amazonaws.com"}}}})",
                     r.hex(32), r.hex(8), r.hex(4), r.hex(4), r.hex(4), r.hex(12),
                     read_only ? "true" : "false", account, region);
}

// An ordinary event from a role session: the 99.5%.
std::string ordinary(Random& r, const std::string& account, const std::string& region, int day, int seconds) {
  const Call& call = kCalls[r.below(std::size(kCalls))];
  const std::string role = fmt::format("app-role-{}", r.below(40));
  std::string params;
  switch (r.below(4)) {
  case 0:
    params = "null";
    break;
  case 1:
    params = fmt::format(
        R"({{"roleArn":"arn:aws:iam::{}:role/{}","roleSessionName":"{}","durationSeconds":3600}})", account,
        role, r.hex(16));
    break;
  case 2:
    params = fmt::format(R"({{"instancesSet":{{"items":[{{"instanceId":"i-{}"}},{{"instanceId":"i-{}"}}]}},)"
                         R"("filterSet":{{}},"maxResults":{}}})",
                         r.hex(17), r.hex(17), 5 + r.below(995));
    break;
  default:
    params = fmt::format(
        R"({{"encryptionContext":{{"aws:lambda:FunctionArn":"arn:aws:lambda:{}:{}:function:{}"}},)"
        R"("encryptionAlgorithm":"SYMMETRIC_DEFAULT"}})",
        region, account, r.hex(10));
    break;
  }
  return fmt::format(
      R"({{"eventVersion":"1.09","userIdentity":{{"type":"AssumedRole","principalId":"AROA{}:{}",)"
      R"("arn":"arn:aws:sts::{}:assumed-role/{}/{}","accountId":"{}","accessKeyId":"ASIA{}",)"
      R"("sessionContext":{{"sessionIssuer":{{"type":"Role","principalId":"AROA{}","arn":"arn:aws:iam::{}:role/{}",)"
      R"("accountId":"{}","userName":"{}"}},"attributes":{{"creationDate":"{}","mfaAuthenticated":"false"}}}}}},)"
      R"("eventTime":"{}","eventSource":"{}","eventName":"{}","awsRegion":"{}","sourceIPAddress":"10.{}.{}.{}",)"
      R"("userAgent":"{}","requestParameters":{},"responseElements":null,{})",
      r.upper(17), r.hex(16), account, role, r.hex(16), account, r.upper(16), r.upper(17), account, role,
      account, role, iso(day, seconds), iso(day, seconds), call.source, call.name, region, r.below(256),
      r.below(256), r.below(256), kAgents[r.below(3)], params, tail(r, account, region, call.read_only));
}

// A root event; `kind` picks who really acted, so only some of them belong to the CIS filter.
std::string root_event(Random& r, const std::string& account, const std::string& region, int day,
                       int seconds) {
  const std::size_t kind = r.below(10);
  std::string invoked_by;
  std::string event_type = "AwsApiCall";
  const char* name = "ListBuckets";
  const char* source = "s3.amazonaws.com";
  if (kind < 4) {
    static constexpr const char* kNames[] = {"ListBuckets", "GetAccountSummary", "CreateAccessKey",
                                             "DescribeRegions"};
    name = kNames[r.below(4)];
  } else if (kind < 6) { // console actions: the CIS blind spot
    invoked_by = R"(,"invokedBy":"signin.amazonaws.com")";
    static constexpr const char* kNames[] = {"CreateAccessKey", "DeactivateMFADevice", "PutBucketPolicy"};
    name = kNames[r.below(3)];
    source = "iam.amazonaws.com";
  } else if (kind < 8) { // AWS services on root's behalf
    invoked_by = R"(,"invokedBy":"cloudformation.amazonaws.com")";
    name = "CreateBucket";
  } else if (kind < 9) {
    event_type = "AwsServiceEvent";
    name = "SharedSnapshotCopyInitiated";
    source = "ec2.amazonaws.com";
  } else { // console sign-in
    return fmt::format(
        R"({{"eventVersion":"1.08","userIdentity":{{"type":"Root","principalId":"{}","arn":"arn:aws:iam::{}:root",)"
        R"("accountId":"{}","accessKeyId":""}},"eventTime":"{}","eventSource":"signin.amazonaws.com",)"
        R"("eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.{}","userAgent":"{}",)"
        R"("requestParameters":null,"responseElements":{{"ConsoleLogin":"{}"}},"additionalEventData":{{)"
        R"("LoginTo":"https://console.aws.amazon.com/console/home","MobileVersion":"No","MFAUsed":"{}"}},)"
        R"("eventID":"{}-{}-{}-{}-{}","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,)"
        R"("recipientAccountId":"{}","eventCategory":"Management"}})",
        account, account, account, iso(day, seconds), r.below(256), kAgents[3],
        r.below(4) ? "Success" : "Failure", r.below(2) ? "Yes" : "No", r.hex(8), r.hex(4), r.hex(4), r.hex(4),
        r.hex(12), account);
  }
  return fmt::format(
      R"({{"eventVersion":"1.09","userIdentity":{{"type":"Root","principalId":"{}","arn":"arn:aws:iam::{}:root",)"
      R"("accountId":"{}","accessKeyId":"ASIA{}"{}}},"eventTime":"{}","eventSource":"{}","eventName":"{}",)"
      R"("awsRegion":"{}","sourceIPAddress":"203.0.113.{}","userAgent":"{}","requestParameters":null,)"
      R"("responseElements":null,"requestID":"{}","eventID":"{}-{}-{}-{}-{}","readOnly":false,"eventType":"{}",)"
      R"("managementEvent":true,"recipientAccountId":"{}","eventCategory":"Management"}})",
      account, account, account, r.upper(16), invoked_by, iso(day, seconds), source, name, region,
      r.below(256), kAgents[r.below(std::size(kAgents))], r.hex(32), r.hex(8), r.hex(4), r.hex(4), r.hex(4),
      r.hex(12), event_type, account);
}

std::string gzip(const std::string& data) {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_gzip_compress_bound(compressor, data.size()), '\0');
  out.resize(libdeflate_gzip_compress(compressor, data.data(), data.size(), out.data(), out.size()));
  libdeflate_free_compressor(compressor);
  return out;
}

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// One log file: ~2,000 records, ~3 MiB inflated, like a busy account's five-minute delivery.
std::size_t generate_file(const fs::path& out, std::size_t index) {
  Random r{index * 7919 + 17};
  const std::string account = kAccounts[index % std::size(kAccounts)];
  const std::string region = kRegions[index / std::size(kAccounts) % std::size(kRegions)];
  const int day = 1 + static_cast<int>(index / 12 % 28);
  const int minute = static_cast<int>(index % 288) * 5;
  std::string doc = R"({"Records":[)";
  const std::size_t records = 1500 + r.below(1000);
  for (std::size_t i = 0; i < records; ++i) {
    const int seconds = std::min(86399, minute * 60 + static_cast<int>(r.below(300)));
    if (i > 0) {
      doc += ',';
    }
    doc += r.below(200) == 0 ? root_event(r, account, region, day, seconds)
                             : ordinary(r, account, region, day, seconds);
  }
  doc += "]}";
  const std::string stamp = fmt::format("202610{:02}T{:02}{:02}Z", day, minute / 60, minute % 60);
  write(out / "AWSLogs" / "o-bench12345" / account / "CloudTrail" / region / "2026" / "10" /
            fmt::format("{:02}", day) /
            fmt::format("{}_CloudTrail_{}_{}_{}.json.gz", account, region, stamp, r.upper(16)),
        gzip(doc));
  return doc.size();
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} OUT_DIR [SIZE_MIB]\n", argv[0]);
    return 2;
  }
  const fs::path out = argv[1];
  const std::size_t target = (argc > 2 ? std::stoul(argv[2]) : 1100) << 20;
  const std::size_t files = target / (5u << 19) + 1; // ~2.5 MiB inflated per file on average
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> total{0};
  {
    std::vector<std::jthread> workers;
    for (int t = 0; t < 2; ++t) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < files; i = next++) {
          total += generate_file(out, i);
        }
      });
    }
  }
  // A few digest files, which every reader must skip.
  for (const char* account : kAccounts) {
    write(out / "AWSLogs" / "o-bench12345" / account / "CloudTrail-Digest" / "us-east-1/2026/10/01" /
              fmt::format("{}_CloudTrail-Digest_us-east-1_bench_us-east-1_20261001T000000Z.json.gz", account),
          gzip(R"({"awsAccountId":"x","digestStartTime":"2026-10-01T00:00:00Z","logFiles":[]})"));
  }
  fmt::print("{} log files, {} bytes inflated ({:.1f} MiB)\n", files, total.load(), total.load() / 1048576.0);
  return 0;
}
