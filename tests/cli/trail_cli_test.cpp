// `rootguard trail` end to end: the built binary on a small CloudTrail folder in the S3 layout.
#include "cli/run_binary.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unistd.h>

namespace rg::testing {
namespace {

const std::string kTrail = "tests/cli/data/trail";

nlohmann::json trail_json(const std::vector<std::string>& extra, int expected_exit) {
  std::vector<std::string> args{"trail", kTrail, "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_rootguard(args);
  EXPECT_EQ(result.exit_code, expected_exit) << result.err;
  return nlohmann::json::parse(result.out);
}

std::map<std::string, nlohmann::json> events_by_id(const nlohmann::json& doc) {
  std::map<std::string, nlohmann::json> events;
  for (const auto& event : doc["events"]) {
    events[event["event_id"].get<std::string>()] = event;
  }
  return events;
}

TEST(TrailCli, FindsRootActivityAndSaysWhereTheCisAlarmIsBlind) {
  const auto doc = trail_json({}, 3);
  const auto events = events_by_id(doc);
  ASSERT_EQ(events.size(), 4U) << doc.dump(2);
  EXPECT_EQ(events.at("ev-login")["detections"],
            (nlohmann::json{"root-activity-cis", "root-console-signin-success",
                            "root-console-signin-without-mfa"}));
  EXPECT_EQ(events.at("ev-login")["mfa_used"], "No");
  const auto& key = events.at("ev-console-key");
  EXPECT_EQ(key["detections"],
            (nlohmann::json{"root-access-key-created", "root-console-action-cis-blind-spot"}));
  EXPECT_EQ(key["cis_alarm_would_fire"], false);
  EXPECT_EQ(key["invoked_by"], "signin.amazonaws.com");
  EXPECT_EQ(events.at("ev-denied")["detections"],
            (nlohmann::json{"root-activity-cis", "root-api-call-denied"}));
  EXPECT_EQ(events.at("ev-assume")["task_policy_arn"],
            "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials");
  EXPECT_EQ(events.count("ev-service"), 0U);       // invokedBy another AWS service
  EXPECT_EQ(events.count("ev-service-event"), 0U); // AwsServiceEvent
  for (const char* field : {"event_id", "detections", "account_id", "event_time", "event_name",
                            "event_source", "source_ip", "user_agent", "region"}) {
    EXPECT_TRUE(events.at("ev-login").contains(field)) << field;
  }
}

TEST(TrailCli, SummaryCountsFilesEventsSkipsAndErrors) {
  const auto doc = trail_json({}, 3);
  const auto& summary = doc["summary"];
  EXPECT_EQ(summary["files"], 3);
  EXPECT_EQ(summary["files_failed"], 1);
  EXPECT_EQ(summary["events"], 7);
  EXPECT_EQ(summary["matched"], 4);
  EXPECT_EQ(summary["skipped_digest"], 1);
  ASSERT_EQ(summary["errors"].size(), 1U);
  EXPECT_NE(summary["errors"][0]["file"].get<std::string>().find("CCCCCCCCCCCCCCCC.json.gz"),
            std::string::npos);
  EXPECT_NE(summary["errors"][0]["message"].get<std::string>().find("not gzip"), std::string::npos);
  ASSERT_EQ(doc["accounts"].size(), 1U);
  EXPECT_EQ(doc["accounts"][0]["last_use"], "2026-11-21T10:00:00Z");
}

// Issue 10: every golden pins one thread; the output must not depend on the thread count.
TEST(TrailCli, OneAndManyThreadsGiveTheSameOutput) {
  const std::vector<std::string> corpus{"trail",    kTrail, "tests/corpus/trail", "tests/corpus/trail-damage",
                                        "--format", "json"};
  auto one = corpus;
  one.insert(one.end(), {"--threads", "1"});
  const auto single = run_rootguard(one);
  for (const auto* threads : {"2", "4", "7"}) {
    auto many = corpus;
    many.insert(many.end(), {"--threads", threads});
    const auto parallel = run_rootguard(many);
    EXPECT_EQ(parallel.exit_code, single.exit_code) << threads;
    EXPECT_EQ(parallel.out, single.out) << threads << " threads";
  }
  EXPECT_FALSE(single.out.empty());
}

// Issue 10: a file name that is not UTF-8 (Linux allows any bytes) aborted --format json with
// json.exception.type_error.316. It is written with U+FFFD for each invalid byte.
TEST(TrailCli, JsonOutputSurvivesAFileNameThatIsNotUtf8) {
  const auto dir = std::filesystem::temp_directory_path() / ("rg_trail_utf8_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string name = "bad-\xff\xfe-name.json";
  std::ofstream(dir / name) << std::ifstream(std::string(RG_SOURCE_DIR) +
                                             "/tests/corpus/trail-damage/unparseable-event-time.json")
                                   .rdbuf();
  const std::string bogus = dir.string() + "/not-utf8-\xc3(.json"; // absent: a problem naming it
  const auto result = run_rootguard({"trail", dir.string(), bogus, "--format", "json"});
  std::filesystem::remove_all(dir);
  EXPECT_EQ(result.exit_code, 3) << result.err;
  const auto doc = nlohmann::json::parse(result.out); // valid UTF-8, or this throws
  ASSERT_FALSE(doc["events"].empty());
  EXPECT_NE(doc["events"][0]["file"].get<std::string>().find("bad-\xEF\xBF\xBD\xEF\xBF\xBD-name.json"),
            std::string::npos);
  bool named = false;
  for (const auto& error : doc["summary"]["errors"]) {
    named = named || error["file"].get<std::string>().find("not-utf8-\xEF\xBF\xBD(") != std::string::npos;
  }
  EXPECT_TRUE(named) << doc["summary"]["errors"].dump();
}

TEST(TrailCli, SinceUntilAndAccountFilters) {
  const auto day = trail_json({"--since", "2026-11-21", "--until", "2026-11-21"}, 3);
  const auto events = events_by_id(day);
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events.count("ev-denied"), 1U);
  // The key's day has a day of slack, so 11-20 and 11-22 are read and filtered per event: none pruned.
  EXPECT_EQ(day["summary"]["pruned"].get<int>(), 0);
  // Past the last day (with its slack), the 11-20 file is pruned by its key before it is opened.
  const auto later = trail_json({"--since", "2026-11-23"}, 1);
  EXPECT_EQ(later["summary"]["pruned"].get<int>(), 1);
  EXPECT_EQ(later["summary"]["files"].get<int>(), 2);
  // Another account: every file is pruned by its key (the unreadable one too), nothing found, exit 0.
  const auto other = trail_json({"--accounts", "999999999999"}, 0);
  EXPECT_TRUE(other["events"].empty());
  EXPECT_EQ(other["summary"]["pruned"], 3);
  EXPECT_EQ(other["summary"]["files"], 0);
  EXPECT_EQ(other["summary"]["bytes_read"], 0);
}

TEST(TrailCli, AccountAndRegionFlagsTakeOneCommaSeparatedValueSoPathsMayFollow) {
  const auto result = run_rootguard({"trail", "--accounts", "999999999999,111122223333", kTrail, "--regions",
                                     "us-east-1", "--format", "json"});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["run"]["accounts"], (nlohmann::json{"999999999999", "111122223333"}));
  EXPECT_EQ(doc["run"]["paths"], (nlohmann::json{kTrail}));
  EXPECT_EQ(doc["summary"]["matched"], 4);
}

TEST(TrailCli, TableInJapaneseAndOutputFile) {
  const auto table = run_rootguard({"trail", kTrail, "--lang", "ja", "--color", "never"});
  EXPECT_EQ(table.exit_code, 3) << table.err;
  EXPECT_NE(table.out.find("アカウント 111122223333"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("CIS のルートユーザー使用アラームはこのイベントでは発報しません"),
            std::string::npos);
  const auto out =
      std::filesystem::temp_directory_path() / ("rg_trail_cli_" + std::to_string(::getpid()) + ".json");
  const auto written = run_rootguard({"trail", kTrail, "--format", "json", "--output", out.string()});
  EXPECT_EQ(written.exit_code, 3) << written.err;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(nlohmann::json::parse(text.str())["summary"]["matched"], 4);
  std::filesystem::remove(out);
}

TEST(TrailCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_rootguard({"trail", kTrail, "--since", "yesterday"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"trail", kTrail, "--since", "2026-11-22", "--until", "2026-11-01"}).exit_code, 2);
  EXPECT_EQ(run_rootguard({"trail"}).exit_code, 2);
}

} // namespace
TEST(TrailCli, FindingFormatsGiveOneFindingPerEventAndDetection) {
  const auto asff = run_rootguard({"trail", "examples/example-org/cloudtrail", "--format", "asff"});
  EXPECT_EQ(asff.exit_code, 3) << asff.err;
  const auto findings = nlohmann::json::parse(asff.out);
  std::set<std::string> ids;
  for (const auto& finding : findings) {
    ids.insert(finding["Id"].get<std::string>());
  }
  EXPECT_EQ(findings.size(), 8U);         // 4 root events; 8 (event, detection) pairs
  EXPECT_EQ(ids.size(), findings.size()); // the event id keeps them apart
  const auto ocsf =
      nlohmann::json::parse(run_rootguard({"trail", "examples/example-org/cloudtrail", "-f", "ocsf"}).out);
  for (const auto& event : ocsf) {
    EXPECT_EQ(event["class_uid"], 2004); // Detection Finding
  }
}

} // namespace rg::testing

namespace rg::testing {
namespace {

// A folder with no CloudTrail files (empty, wrong, or only digests) is an error, never "no root activity".
TEST(TrailCli, AFolderWithoutCloudTrailFilesIsAnErrorNotACleanResult) {
  const auto empty =
      std::filesystem::temp_directory_path() / ("rg-empty-trail-" + std::to_string(::getpid()));
  std::filesystem::create_directories(empty / "AWSLogs/111122223333/CloudTrail-Digest/us-east-1");
  std::ofstream(empty / "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/x_CloudTrail-Digest_y.json.gz")
      << "digest";
  std::ofstream(empty / "notes.txt") << "not a log";
  const auto result = run_rootguard({"trail", empty.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_TRUE(result.out.empty()) << result.out; // no "No root-user activity found"
  EXPECT_NE(result.err.find("no CloudTrail log files found in " + empty.string() +
                            " (1 digest, 0 Insights and 1 other files skipped)"),
            std::string::npos)
      << result.err;
  std::filesystem::remove_all(empty);
}

// Usage errors about an s3:// location come before anything is listed (nothing here can reach S3).
TEST(TrailCli, S3LocationsAreCheckedBeforeAnythingIsCalled) {
  const std::vector<std::string> env{"AWS_EC2_METADATA_DISABLED=true", "AWS_ACCESS_KEY_ID=AKIDEXAMPLE",
                                     "AWS_SECRET_ACCESS_KEY=secret", "AWS_ENDPOINT_URL=http://127.0.0.1:9"};
  const auto mixed = run_rootguard({"trail", "s3://trail-bucket/", kTrail}, env);
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find("read alone"), std::string::npos) << mixed.err;
  const auto bad = run_rootguard({"trail", "s3://Not_A_Bucket/x"}, env);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("not an S3 location"), std::string::npos) << bad.err;
  // --verify-digests reads S3 too (decision 0025); --digest-bucket only names where a local copy came from.
  const auto digests = run_rootguard(
      {"trail", "s3://trail-bucket/", "--verify-digests", "--digest-bucket", "other-bucket"}, env);
  EXPECT_EQ(digests.exit_code, 2);
  EXPECT_NE(digests.err.find("--digest-bucket names the bucket a local copy came from"), std::string::npos)
      << digests.err;
  const auto payer = run_rootguard({"trail", "s3://trail-bucket/", "--request-payer", "owner"}, env);
  EXPECT_EQ(payer.exit_code, 2) << payer.err;
}

// Nothing answers on the endpoint: the run says so, names the bucket and exits 1, never 0.
TEST(TrailCli, AnUnreachableS3EndpointIsAnErrorNotACleanRun) {
  const std::vector<std::string> env{"AWS_EC2_METADATA_DISABLED=true",
                                     "AWS_ACCESS_KEY_ID=AKIDEXAMPLE",
                                     "AWS_SECRET_ACCESS_KEY=wJalrSecretExample123",
                                     "AWS_ENDPOINT_URL=http://127.0.0.1:9",
                                     "AWS_MAX_ATTEMPTS=1",
                                     "AWS_REGION=us-east-1"};
  const auto result = run_rootguard({"trail", "s3://trail-bucket/", "--format", "json"}, env);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_FALSE(doc["summary"]["errors"].empty());
  EXPECT_EQ(doc["summary"]["errors"][0]["file"], "s3://trail-bucket/");
  EXPECT_NE(doc["summary"]["errors"][0]["message"].get<std::string>().find("HeadBucket"), std::string::npos);
  EXPECT_EQ((result.out + result.err).find("wJalrSecretExample123"), std::string::npos);
}

} // namespace
} // namespace rg::testing
