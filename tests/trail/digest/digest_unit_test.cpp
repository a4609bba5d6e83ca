// The pieces of --verify-digests on their own: digest names, documents, key lists, the string to sign and
// RSA verification with a key made here (OpenSSL), the signature sidecar, and a small chain walked end to
// end. The tamper cases against the AWS CLI's own code are in digest_validation_test.py.
#include "trail/digest/digest_check.hpp"
#include "trail/digest/digest_document.hpp"
#include "trail/digest/digest_name.hpp"
#include "trail/digest/log_hasher.hpp"
#include "trail/digest/public_keys.hpp"
#include "trail/digest/signature_sidecar.hpp"
#include "trail/digest/validator.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <libdeflate.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <string>
#include <unistd.h>

namespace rg::trail::digest {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kDigestKey =
    "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/21/"
    "111122223333_CloudTrail-Digest_us-east-1_my_trail_eu-west-1_20261121T090000Z.json.gz";

std::string gzip(std::string_view data) {
  const std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> compressor(
      libdeflate_alloc_compressor(6), libdeflate_free_compressor);
  std::string out(libdeflate_gzip_compress_bound(compressor.get(), data.size()), '\0');
  out.resize(libdeflate_gzip_compress(compressor.get(), data.data(), data.size(), out.data(), out.size()));
  return out;
}

void write(const fs::path& path, std::string_view data) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

std::string to_hex(std::string_view bytes) {
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  for (const char byte : bytes) {
    const auto c = static_cast<unsigned char>(byte);
    out += kHex[c >> 4U];
    out += kHex[c & 0xFU];
  }
  return out;
}

// An RSA key of the test's own, with what ListPublicKeys would say about it.
class TestKey {
public:
  TestKey() : key_(EVP_RSA_gen(2048), EVP_PKEY_free) {
    unsigned char* der = nullptr;
    const int size = i2d_PublicKey(key_.get(), &der);
    der_.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
  }

  std::string sign(std::string_view message) const {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get());
    std::size_t size = 0;
    EVP_DigestSign(context.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(message.data()),
                   message.size());
    std::string signature(size, '\0');
    EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    signature.resize(size);
    return signature;
  }

  Json listed(const std::string& fingerprint) const {
    std::string encoded(4 * ((der_.size() + 2) / 3) + 1, '\0');
    encoded.resize(static_cast<std::size_t>(
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                        reinterpret_cast<const unsigned char*>(der_.data()), static_cast<int>(der_.size()))));
    return {{"Value", encoded},
            {"Fingerprint", fingerprint},
            {"ValidityStartTime", "2026-01-01T00:00:00Z"},
            {"ValidityEndTime", 1830297600.0}};
  }

private:
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key_;
  std::string der_;
};

const TestKey& test_key() {
  static const TestKey kKey;
  return kKey;
}

Json digest_json(const std::string& key, Json logs, const Json& previous_signature = nullptr) {
  return {{"awsAccountId", "111122223333"},
          {"digestStartTime", "2026-11-21T08:00:00Z"},
          {"digestEndTime", "2026-11-21T09:00:00Z"},
          {"digestS3Bucket", "bucket"},
          {"digestS3Object", key},
          {"digestPublicKeyFingerprint", "fp1"},
          {"digestSignatureAlgorithm", "SHA256withRSA"},
          {"previousDigestS3Bucket", nullptr},
          {"previousDigestS3Object", nullptr},
          {"previousDigestHashValue", nullptr},
          {"previousDigestSignature", previous_signature},
          {"logFiles", std::move(logs)}};
}

class TempDir {
public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "rg-digest-unit-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

TEST(DigestName, ReadsTrailNamesWithUnderscoresAndBackfill) {
  const auto name = parse_digest_name(
      "111122223333_CloudTrail-Digest_us-east-1_my_trail_eu-west-1_20261121T090000Z_backfill.json.gz");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->account_id, "111122223333");
  EXPECT_EQ(name->region, "us-east-1");
  EXPECT_EQ(name->trail_name, "my_trail");
  EXPECT_EQ(name->home_region, "eu-west-1");
  EXPECT_EQ(name->end_stamp, "20261121T090000Z");
  EXPECT_TRUE(name->backfill);
}

TEST(DigestName, RefusesWhatIsNotADigestName) {
  for (const char* bad : {"", "x.json.gz", "111122223333_CloudTrail_us-east-1_20261121T0900Z_abc.json.gz",
                          "1111_CloudTrail-Digest_us-east-1_t_us-east-1_20261121T090000Z.json.gz",
                          "111122223333_CloudTrail-Digest_us-east-1_us-east-1_20261121T090000Z.json.gz",
                          "111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_2026112T090000Z.json.gz",
                          "111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20261121T090000Z.json"}) {
    EXPECT_FALSE(parse_digest_name(bad)) << bad;
  }
}

TEST(DigestName, LayoutSuffixIsFromTheLastAwsLogsFolder) {
  EXPECT_EQ(layout_suffix("prefix/AWSLogs/1/x"), "AWSLogs/1/x");
  EXPECT_EQ(layout_suffix("AWSLogs/1/x"), "AWSLogs/1/x");
  EXPECT_EQ(layout_suffix("a/AWSLogs/b/AWSLogs/c"), "AWSLogs/c");
  EXPECT_FALSE(layout_suffix("a/NotAWSLogs/c"));
  EXPECT_FALSE(layout_suffix("nothing"));
}

TEST(DigestDocument, ReadsEveryField) {
  Json doc = digest_json(kDigestKey, Json::array({{{"s3Bucket", "bucket"},
                                                   {"s3Object", "AWSLogs/x.json.gz"},
                                                   {"hashValue", "ab"},
                                                   {"oldestEventTime", "2026-11-21T08:01:00Z"}}}));
  doc["previousDigestS3Bucket"] = "bucket";
  doc["previousDigestS3Object"] = "AWSLogs/prev.json.gz";
  doc["previousDigestHashValue"] = "cd";
  doc["previousDigestSignature"] = "ef";
  const auto parsed = parse_digest_document(doc.dump(), "f");
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_EQ(parsed->end_time_text, "2026-11-21T09:00:00Z");
  EXPECT_EQ(parsed->previous_object, "AWSLogs/prev.json.gz");
  EXPECT_EQ(parsed->previous_signature, "ef");
  ASSERT_EQ(parsed->log_files.size(), 1U);
  EXPECT_TRUE(parsed->log_files[0].oldest_event);
  EXPECT_FALSE(parsed->log_files[0].newest_event);
}

TEST(DigestDocument, NamesTheFieldThatIsWrong) {
  const auto without = [](const char* field) {
    Json doc = digest_json(kDigestKey, Json::array());
    doc.erase(field);
    return doc.dump();
  };
  for (const char* field : {"digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object",
                            "digestPublicKeyFingerprint", "previousDigestSignature", "logFiles"}) {
    const auto parsed = parse_digest_document(without(field), "f");
    ASSERT_FALSE(parsed) << field;
    EXPECT_NE(parsed.error().where.find(field), std::string::npos) << parsed.error().describe();
  }
  Json bad_log = digest_json(kDigestKey, Json::array({{{"s3Bucket", "b"}, {"s3Object", 3}}}));
  EXPECT_EQ(parse_digest_document(bad_log.dump(), "f").error().where, "$.logFiles[0].s3Object");
  EXPECT_EQ(parse_digest_document("[1]", "f").error().where, "$");
  EXPECT_EQ(parse_digest_document("{", "f").error().message, "not JSON");
  Json bad_time = digest_json(kDigestKey, Json::array());
  bad_time["digestEndTime"] = "yesterday";
  EXPECT_EQ(parse_digest_document(bad_time.dump(), "f").error().where, "$.digestEndTime");
}

TEST(PublicKeys, ReadsListPublicKeysAndNamesBadEntries) {
  const Json list = {{"PublicKeyList", Json::array({test_key().listed("fp1"),
                                                    {{"Value", "bm90IGEga2V5"}, {"Fingerprint", "fp2"}},
                                                    {{"Fingerprint", "fp3"}},
                                                    {{"Value", "!!!"}, {"Fingerprint", "fp4"}},
                                                    test_key().listed("fp1")})}};
  const auto keys = parse_public_keys(list.dump(), "keys.json");
  ASSERT_NE(keys.find("fp1"), nullptr);
  EXPECT_TRUE(keys.find("fp1")->valid_from);
  EXPECT_TRUE(keys.find("fp1")->valid_until); // epoch seconds, as the AWS CLI v1 prints them
  EXPECT_EQ(keys.find("fp2"), nullptr);
  ASSERT_EQ(keys.problems.size(), 4U);
  EXPECT_EQ(keys.problems[0].where, "$.PublicKeyList[1].Value");
  EXPECT_EQ(keys.problems[1].where, "$.PublicKeyList[2]");
  EXPECT_EQ(keys.problems[2].message, "not base64");
  EXPECT_NE(keys.problems[3].message.find("twice"), std::string::npos);
  EXPECT_EQ(parse_public_keys("{}", "k").problems.size(), 1U);
  EXPECT_EQ(parse_public_keys("not json", "k").problems.size(), 1U);
}

TEST(Signature, VerifiesCloudTrailsStringToSign) {
  const auto keys =
      parse_public_keys(Json{{"PublicKeyList", Json::array({test_key().listed("fp1")})}}.dump(), "k");
  const auto doc = parse_digest_document(digest_json(kDigestKey, Json::array()).dump(), "f");
  ASSERT_TRUE(doc);
  const std::string message = string_to_sign(*doc, "00ff");
  EXPECT_EQ(message, std::string("2026-11-21T09:00:00Z\nbucket/") + kDigestKey + "\n00ff\nnull");
  const std::string signature = test_key().sign(message);
  EXPECT_TRUE(verify_sha256_rsa(*keys.find("fp1"), message, signature));
  EXPECT_FALSE(verify_sha256_rsa(*keys.find("fp1"), message + "x", signature));
  std::string flipped = signature;
  flipped[10] = static_cast<char>(flipped[10] ^ 1);
  EXPECT_FALSE(verify_sha256_rsa(*keys.find("fp1"), message, flipped));
  EXPECT_FALSE(verify_sha256_rsa(*keys.find("fp1"), message, ""));
}

// A one-digest folder: the log, the digest and its sidecar, as make_digest_chain.py writes them.
struct OneDigest {
  TempDir dir;
  fs::path log = dir.path() / "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/21/"
                              "111122223333_CloudTrail_us-east-1_20261121T0805Z_ABCDEFGHIJKLMNOP.json.gz";
  fs::path digest = dir.path() / kDigestKey;
  std::string log_body = R"({"Records":[]})";

  void write_all(const std::string& signed_fingerprint = "fp1") const {
    write(log, gzip(log_body));
    Json doc =
        digest_json(kDigestKey, Json::array({{{"s3Bucket", "bucket"},
                                              {"s3Object", fs::relative(log, dir.path()).generic_string()},
                                              {"hashValue", sha256_hex_of(log_body)}}}));
    doc["digestPublicKeyFingerprint"] = signed_fingerprint;
    const std::string text = doc.dump();
    const auto parsed = parse_digest_document(text, "d");
    write(digest, gzip(text));
    const std::string sidecar = Json{
        {"Metadata",
         {{"signature", to_hex(test_key().sign(string_to_sign(*parsed, sha256_hex_of(text))))},
          {"signature-algorithm",
           "SHA256withRSA"}}}}.dump();
    write(digest.string() + kSidecarSuffix, sidecar);
  }
};

TEST(Validator, OneSignedDigestAndItsLogValidate) {
  OneDigest folder;
  folder.write_all();
  const auto keys =
      parse_public_keys(Json{{"PublicKeyList", Json::array({test_key().listed("fp1")})}}.dump(), "k");
  ValidationOptions options;
  options.paths = {folder.dir.path()};
  options.keys = &keys;
  const auto result = validate_digests(options);
  ASSERT_EQ(result.digests.size(), 1U);
  EXPECT_EQ(result.digests[0].status, DigestStatus::kValid) << result.digests[0].reason;
  ASSERT_EQ(result.logs.size(), 1U);
  EXPECT_EQ(result.logs[0].status, LogStatus::kValid) << result.logs[0].reason;
  EXPECT_TRUE(result.clean());
  EXPECT_EQ(result.summary.bytes_hashed, folder.log_body.size());
}

TEST(Validator, WithoutKeysOrSignaturesItIsNeverClean) {
  OneDigest folder;
  folder.write_all();
  ValidationOptions options;
  options.paths = {folder.dir.path()};
  auto result = validate_digests(options); // no --public-keys
  EXPECT_EQ(result.digests[0].status, DigestStatus::kUnsigned);
  EXPECT_EQ(result.logs[0].status, LogStatus::kValid);
  EXPECT_FALSE(result.complete());
  EXPECT_FALSE(result.clean());
  fs::remove(folder.digest.string() + kSidecarSuffix);
  const auto keys =
      parse_public_keys(Json{{"PublicKeyList", Json::array({test_key().listed("fp1")})}}.dump(), "k");
  options.keys = &keys;
  result = validate_digests(options);
  EXPECT_EQ(result.digests[0].status, DigestStatus::kUnsigned);
  EXPECT_NE(result.digests[0].reason.find(kSidecarSuffix), std::string::npos);
  EXPECT_FALSE(result.clean());
}

TEST(Validator, AnEmptyFolderIsNotClean) {
  TempDir dir;
  ValidationOptions options;
  options.paths = {dir.path()};
  const auto result = validate_digests(options);
  EXPECT_TRUE(result.digests.empty());
  EXPECT_FALSE(result.complete());
  EXPECT_FALSE(result.clean());
}

TEST(Validator, AFingerprintNotInTheListIsAnUnknownKey) {
  OneDigest folder;
  folder.write_all("fp-nobody");
  const auto keys =
      parse_public_keys(Json{{"PublicKeyList", Json::array({test_key().listed("fp1")})}}.dump(), "k");
  ValidationOptions options;
  options.paths = {folder.dir.path()};
  options.keys = &keys;
  const auto result = validate_digests(options);
  EXPECT_EQ(result.digests[0].status, DigestStatus::kUnknownKey);
  EXPECT_NE(result.digests[0].reason.find("fp-nobody"), std::string::npos);
  EXPECT_EQ(result.logs[0].status, LogStatus::kNotCovered); // an untrusted digest vouches for nothing
}

TEST(Validator, ABadSidecarIsNamed) {
  OneDigest folder;
  folder.write_all();
  write(folder.digest.string() + kSidecarSuffix, R"({"Metadata": {"signature": "zz"}})");
  const auto keys =
      parse_public_keys(Json{{"PublicKeyList", Json::array({test_key().listed("fp1")})}}.dump(), "k");
  ValidationOptions options;
  options.paths = {folder.dir.path()};
  options.keys = &keys;
  auto result = validate_digests(options);
  EXPECT_EQ(result.digests[0].status, DigestStatus::kMalformed);
  EXPECT_NE(result.digests[0].reason.find("signature-algorithm"), std::string::npos);
  write(folder.digest.string() + kSidecarSuffix,
        R"({"Metadata": {"signature": "zz", "signature-algorithm": "SHA256withRSA"}})");
  result = validate_digests(options);
  EXPECT_EQ(result.digests[0].status, DigestStatus::kBadSignature);
  EXPECT_EQ(result.digests[0].reason, "the signature is not hex");
}

TEST(Validator, ADigestForAnotherBucketIsMoved) {
  OneDigest folder;
  folder.write_all();
  const auto keys =
      parse_public_keys(Json{{"PublicKeyList", Json::array({test_key().listed("fp1")})}}.dump(), "k");
  ValidationOptions options;
  options.paths = {folder.dir.path()};
  options.keys = &keys;
  options.bucket = "the-real-bucket";
  const auto result = validate_digests(options);
  EXPECT_EQ(result.digests[0].status, DigestStatus::kMoved);
  EXPECT_NE(result.digests[0].reason.find("the-real-bucket"), std::string::npos);
}

TEST(LogHasher, HashesInflatedBytesAndRefusesDamage) {
  TempDir dir;
  const std::string body(3 << 20, 'x'); // past one read buffer
  write(dir.path() / "a.json.gz", gzip(body));
  const auto hash = hash_inflated_file((dir.path() / "a.json.gz").string(), std::uint64_t{1} << 30);
  ASSERT_TRUE(hash) << hash.error().describe();
  EXPECT_EQ(hash->hex, sha256_hex_of(body));
  EXPECT_EQ(hash->inflated, body.size());
  EXPECT_FALSE(hash_inflated_file((dir.path() / "a.json.gz").string(), 1024)); // bomb guard
  const std::string compressed = gzip(body);
  write(dir.path() / "t.json.gz", compressed.substr(0, compressed.size() / 2));
  EXPECT_FALSE(hash_inflated_file((dir.path() / "t.json.gz").string(), std::uint64_t{1} << 30));
}

} // namespace
} // namespace rg::trail::digest
