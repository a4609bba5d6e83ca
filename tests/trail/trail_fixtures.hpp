#pragma once
// Builders for CloudTrail test data: records, files in the S3 layout, gzip (single and multi-member).
#include <filesystem>
#include <fstream>
#include <libdeflate.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace rg::trail::testing {

struct RecordSpec {
  std::string event_id = "e-1";
  std::string event_time = "2026-11-20T10:00:00Z";
  std::string event_name = "DescribeInstances";
  std::string event_source = "ec2.amazonaws.com";
  std::string event_type = "AwsApiCall";
  std::string user_type = "IAMUser";
  std::string invoked_by; // empty: field absent
  std::string account = "111122223333";
  std::string region = "us-east-1";
  std::string source_ip = "198.51.100.7";
  std::string error_code;
  std::string extra; // raw JSON members appended, e.g. R"("requestParameters":null)"
};

inline std::string record(const RecordSpec& r) {
  std::string user = R"({"type":")" + r.user_type + R"(","principalId":")" + r.account +
                     R"(","arn":"arn:aws:iam::)" + r.account + R"(:root","accountId":")" + r.account + R"(")";
  if (!r.invoked_by.empty()) {
    user += R"(,"invokedBy":")" + r.invoked_by + R"(")";
  }
  user += "}";
  std::string out = R"({"eventVersion":"1.08","userIdentity":)" + user + R"(,"eventTime":")" + r.event_time +
                    R"(","eventSource":")" + r.event_source + R"(","eventName":")" + r.event_name +
                    R"(","awsRegion":")" + r.region + R"(","sourceIPAddress":")" + r.source_ip +
                    R"(","userAgent":"aws-cli/2.15","eventID":")" + r.event_id + R"(","eventType":")" +
                    r.event_type + R"(","recipientAccountId":")" + r.account + R"(")";
  if (!r.error_code.empty()) {
    out += R"(,"errorCode":")" + r.error_code + R"(")";
  }
  if (!r.extra.empty()) {
    out += "," + r.extra;
  }
  return out + "}";
}

inline std::string records_document(const std::vector<std::string>& records) {
  std::string out = R"({"Records":[)";
  for (size_t i = 0; i < records.size(); ++i) {
    out += (i ? "," : "") + records[i];
  }
  return out + "]}";
}

inline std::string gzip(const std::string& data, int level = 6) {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(level);
  std::string out(libdeflate_gzip_compress_bound(compressor, data.size()), '\0');
  out.resize(libdeflate_gzip_compress(compressor, data.data(), data.size(), out.data(), out.size()));
  libdeflate_free_compressor(compressor);
  return out;
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<name>
inline std::filesystem::path layout_path(const std::filesystem::path& root, const std::string& account,
                                         const std::string& region, const std::string& ymd_slashes,
                                         const std::string& name) {
  return root / "AWSLogs" / account / "CloudTrail" / region / ymd_slashes / name;
}

class TempDir {
public:
  explicit TempDir(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() / ("rg_" + tag + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

} // namespace rg::trail::testing
