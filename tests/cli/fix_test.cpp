// rootguard fix on the example organization: what it writes, goldens in both languages, and fix.sh run
// end to end against the stub AWS CLI (calls, order, credentials, arguments; a second run is a no-op).
#include "cli/fix_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kGolden = fs::path(RG_TEST_DATA_DIR) / ".." / "golden" / "example-org";

void write_fix(const fs::path& dir, const std::string& lang) {
  const auto result = run_rootguard(
      {"fix", "--snapshot", "examples/example-org", "--output-dir", dir.string(), "--lang", lang});
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err; // 1: unreadable input by design
  ASSERT_TRUE(fs::exists(dir / "fix.sh")) << result.err;
}

bool has(const json& call, const std::string& service, const std::string& operation) {
  return call["argv"].size() >= 2 && call["argv"][0] == service && call["argv"][1] == operation;
}

std::string option(const json& call, const std::string& name) {
  const auto& argv = call["argv"];
  for (size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == name) {
      return argv[i + 1];
    }
  }
  return {};
}

bool has_flag(const json& call, const std::string& name) {
  const auto& argv = call["argv"];
  return std::find(argv.begin(), argv.end(), name) != argv.end();
}

TEST(Fix, WritesScriptTerraformAndChecklistWithKnownValuesFilledIn) {
  TempDir dir("fix-files");
  write_fix(dir.path(), "en");
  const auto script = read_all(dir.path() / "fix.sh");
  EXPECT_TRUE(script.starts_with("#!/usr/bin/env bash\n"));
  EXPECT_NE(script.find("set -Eeuo pipefail"), std::string::npos);
  for (const char* placeholder : {"DETECTOR_ID", "CLOUDTRAIL_LOG_GROUP_NAME", "security@example.com",
                                  "${POLICY_ID}", "ROOT_OR_OU_ID", "AKIAEXAMPLEKEYID", "CERTIFICATE_ID"}) {
    EXPECT_EQ(script.find(placeholder), std::string::npos) << placeholder;
  }
  EXPECT_NE(script.find("--detector-id 'd2222aaaa'"), std::string::npos);
  EXPECT_NE(script.find("--log-group-name 'prod/cloudtrail'"), std::string::npos);
  EXPECT_NE(script.find("--name 'batch-trail' --is-multi-region-trail"), std::string::npos);
  EXPECT_NE(script.find("--topic-arn 'arn:aws:sns:us-east-1:666666666666:staging-alerts'"),
            std::string::npos);
  EXPECT_NE(script.find("--target-id 'ou-ex01-sand2222'"), std::string::npos);
  EXPECT_NE(script.find("events.amazonaws.com"), std::string::npos);
  // Only FAIL findings: the management account and the clean OU's accounts get no account steps.
  EXPECT_EQ(script.find("as_account_role '111111111111'"), std::string::npos);
  EXPECT_EQ(script.find("'333333333333'"), std::string::npos);

  const auto main_tf = read_all(dir.path() / "main.tf");
  EXPECT_NE(main_tf.find("version = \">= 5.77.0\""), std::string::npos);
  EXPECT_NE(main_tf.find("module \"management\""), std::string::npos);
  EXPECT_NE(
      main_tf.find("to = module.management.aws_organizations_policy.deny_root_user\n  id = \"p-denyroot01\""),
      std::string::npos);
  EXPECT_NE(main_tf.find("to = module.a_222222222222_us_east_1.aws_guardduty_detector.this"),
            std::string::npos);
  EXPECT_EQ(main_tf.find("cloudtrail_log_group_name"), std::string::npos);
  const auto management = read_all(dir.path() / "management" / "main.tf");
  EXPECT_NE(management.find("aws_organizations_policy_attachment"), std::string::npos);
  EXPECT_NE(management.find("\"ou-ex01-sand2222\""), std::string::npos);
  const auto member = read_all(dir.path() / "accounts" / "222222222222-us-east-1" / "main.tf");
  EXPECT_EQ(member.find("aws_organizations"), std::string::npos); // organization resources: management only
  EXPECT_NE(member.find("log_group_name = \"prod/cloudtrail\""), std::string::npos);
  EXPECT_NE(member.find("aws_sns_topic_policy"), std::string::npos);

  const auto checklist = read_all(dir.path() / "CHECKLIST.md");
  EXPECT_NE(checklist.find("### Account 444444444444"), std::string::npos);
  EXPECT_NE(checklist.find("root-hardware-mfa"), std::string::npos);
}

TEST(Fix, GeneratedScriptPassesShellcheckAndBashSyntaxCheck) {
  TempDir dir("fix-lint");
  write_fix(dir.path(), "en");
  EXPECT_EQ(lint_script(dir.path() / "fix.sh"), "");
}

TEST(Fix, DryRunPrintsThePlanAndCallsNothing) {
  TempDir dir("fix-dry");
  write_fix(dir.path(), "en");
  const auto result = run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("would run: aws guardduty update-detector --detector-id d2222aaaa --enable"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("Dry run: nothing was changed"), std::string::npos);
  EXPECT_TRUE(recorded_calls(dir.path() / "state").empty());
}

// One --apply run against the stub, shared by the tests that read its calls (each run spawns ~60 stubs).
class FixApply : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("fix-apply");
    write_fix(dir_->path(), "en");
    first_ = run_fix_script(script(), state(), {"--apply"}, {"ROOTGUARD_ALERT_EMAIL=security@example.org"});
    calls_ = recorded_calls(state());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static fs::path script() { return dir_->path() / "fix.sh"; }
  static fs::path state() { return dir_->path() / "state"; }

  // Index of the first call matching, or calls_.size().
  static size_t find(const std::string& service, const std::string& operation,
                     const std::string& account = {}) {
    for (size_t i = 0; i < calls_.size(); ++i) {
      if (has(calls_[i], service, operation) && (account.empty() || calls_[i]["account"] == account)) {
        return i;
      }
    }
    return calls_.size();
  }

  static inline TempDir* dir_ = nullptr;
  static inline RunResult first_;
  static inline std::vector<json> calls_;
};

TEST_F(FixApply, SucceedsAndStartsWithTheManagementAccountsOrganizationSteps) {
  ASSERT_EQ(first_.exit_code, 0) << first_.out << first_.err;
  ASSERT_FALSE(calls_.empty());
  EXPECT_TRUE(has(calls_[0], "sts", "get-caller-identity"));
  EXPECT_EQ(calls_[0]["credentials"], "operator");
  // The organization already has DenyRootUser (p-denyroot01, on the prod OU): attached, not created again.
  EXPECT_EQ(find("organizations", "create-policy"), calls_.size());
  const auto attach = find("organizations", "attach-policy");
  ASSERT_LT(attach, calls_.size());
  EXPECT_EQ(option(calls_[attach], "--policy-id"), "p-denyroot01");
  EXPECT_EQ(option(calls_[attach], "--target-id"), "ou-ex01-sand2222");
  EXPECT_EQ(std::count_if(calls_.begin(), calls_.end(),
                          [](const json& call) { return has(call, "organizations", "attach-policy"); }),
            1);
  EXPECT_LT(attach, find("sts", "assume-root")); // organization-wide steps before any member
  for (const auto& call : calls_) {
    if (call["argv"][0] == "organizations") {
      EXPECT_EQ(call["credentials"], "operator") << call.dump();
    }
  }
}

TEST_F(FixApply, MemberRootStepsRunInTheVerifiedRootSessionOnly) {
  ASSERT_EQ(first_.exit_code, 0) << first_.err;
  for (const std::string account : {"222222222222", "444444444444", "555555555555"}) {
    bool assumed = false;
    for (size_t i = 0; i < calls_.size(); ++i) {
      const auto& call = calls_[i];
      if (has(call, "sts", "assume-root") && option(call, "--target-principal") == account) {
        assumed = true;
        EXPECT_EQ(call["credentials"], "operator");
        EXPECT_EQ(option(call, "--task-policy-arn"),
                  "arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials");
        ASSERT_LT(i + 1, calls_.size());
        // The very next call checks who the session is, in the root session.
        EXPECT_TRUE(has(calls_[i + 1], "sts", "get-caller-identity"));
        EXPECT_EQ(calls_[i + 1]["credentials"], "root");
        EXPECT_EQ(calls_[i + 1]["account"], account);
      }
    }
    EXPECT_TRUE(assumed) << account;
  }
  size_t deleted_passwords = 0;
  for (const auto& call : calls_) {
    const std::string operation = call["argv"][1];
    if (call["argv"][0] == "iam" && operation != "generate-credential-report" &&
        operation != "get-credential-report") {
      EXPECT_EQ(call["credentials"], "root") << call.dump(); // never the operator's own login profile
      EXPECT_TRUE(call["session_token"].get<bool>());
      EXPECT_TRUE(call["profile"].is_null()) << "AWS_PROFILE must be unset in the root session";
      EXPECT_FALSE(has_flag(call, "--user-name"));
    }
    if (has(call, "iam", "delete-login-profile")) {
      ++deleted_passwords;
    }
  }
  EXPECT_EQ(deleted_passwords, 3U);
  const auto key = find("iam", "delete-access-key", "222222222222");
  ASSERT_LT(key, calls_.size());
  EXPECT_EQ(option(calls_[key], "--access-key-id"), "AKIA2222EXAMPLE00001");
  const auto certificate = find("iam", "delete-signing-certificate", "222222222222");
  ASSERT_LT(certificate, calls_.size());
  EXPECT_EQ(option(calls_[certificate], "--certificate-id"), "CERT2222EXAMPLE00000001");
  EXPECT_LT(find("iam", "delete-login-profile", "555555555555"),
            find("iam", "deactivate-mfa-device", "555555555555"));
}

TEST_F(FixApply, AccountStepsFixTheNamedCauseThroughTheAccountRole) {
  ASSERT_EQ(first_.exit_code, 0) << first_.err;
  for (const auto& call : calls_) {
    const std::string service = call["argv"][0];
    if (service == "guardduty" || service == "logs" || service == "sns" || service == "events" ||
        service == "cloudwatch" || service == "cloudtrail") {
      EXPECT_EQ(call["credentials"], "role") << call.dump();
      EXPECT_EQ(option(call, "--region"), "us-east-1") << call.dump();
    }
  }
  // A disabled detector is enabled, not created again; the one created since the snapshot too.
  const auto enable = find("guardduty", "update-detector", "222222222222");
  ASSERT_LT(enable, calls_.size());
  EXPECT_EQ(option(calls_[enable], "--detector-id"), "d2222aaaa");
  EXPECT_EQ(option(calls_[find("guardduty", "update-detector", "444444444444")], "--detector-id"),
            "d4444since");
  EXPECT_EQ(find("guardduty", "create-detector"), calls_.size());
  // Single-region trail: made multi-region, nothing else.
  const auto trail = find("cloudtrail", "update-trail", "444444444444");
  ASSERT_LT(trail, calls_.size());
  EXPECT_EQ(option(calls_[trail], "--name"), "batch-trail");
  EXPECT_TRUE(has_flag(calls_[trail], "--is-multi-region-trail"));
  EXPECT_EQ(find("logs", "put-metric-filter", "444444444444"), calls_.size());
  // Pending-only subscription: subscribed again on the existing topic, no second topic.
  const auto subscribe = find("sns", "subscribe", "666666666666");
  ASSERT_LT(subscribe, calls_.size());
  EXPECT_EQ(option(calls_[subscribe], "--topic-arn"), "arn:aws:sns:us-east-1:666666666666:staging-alerts");
  EXPECT_EQ(option(calls_[subscribe], "--notification-endpoint"), "security@example.org");
  EXPECT_EQ(find("sns", "create-topic", "666666666666"), calls_.size());
  // A filter that misses root events: the CIS filter on the trail's own log group, then its alarm.
  const auto filter = find("logs", "put-metric-filter", "222222222222");
  ASSERT_LT(filter, calls_.size());
  EXPECT_EQ(option(calls_[filter], "--log-group-name"), "prod/cloudtrail");
  EXPECT_LT(find("sns", "create-topic", "222222222222"),
            find("cloudwatch", "put-metric-alarm", "222222222222"));
  // EventBridge can publish to the topic it targets.
  const auto policy = find("sns", "set-topic-attributes", "222222222222");
  ASSERT_LT(policy, calls_.size());
  EXPECT_NE(option(calls_[policy], "--attribute-value").find("\"Service\":\"events.amazonaws.com\""),
            std::string::npos);
  EXPECT_LT(policy, find("events", "put-targets", "222222222222"));
  // The credential report is polled until COMPLETE (STARTED, INPROGRESS, COMPLETE).
  EXPECT_EQ(std::count_if(calls_.begin(), calls_.end(),
                          [](const json& call) {
                            return has(call, "iam", "generate-credential-report") &&
                                   call["account"] == "222222222222";
                          }),
            3);
  EXPECT_LT(find("iam", "generate-credential-report", "222222222222"),
            find("iam", "get-credential-report", "222222222222"));
}

TEST_F(FixApply, SecondRunChangesNothingAndExitsZero) {
  ASSERT_EQ(first_.exit_code, 0) << first_.err;
  fs::remove(state() / "calls.jsonl");
  const auto second =
      run_fix_script(script(), state(), {"--apply"}, {"ROOTGUARD_ALERT_EMAIL=security@example.org"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  const auto calls = recorded_calls(state());
  EXPECT_FALSE(calls.empty());
  for (const auto& call : calls) {
    EXPECT_FALSE(is_change(call["argv"][1])) << call.dump();
  }
}

TEST(Fix, CreatesTheScpOnceWhenTheOrganizationLacksItAndAttachesTheIdItReadsBack) {
  TempDir dir("fix-create-scp");
  write_fix(dir.path(), "en");
  const auto result = run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {"--apply"},
                                     {"ROOTGUARD_ALERT_EMAIL=security@example.org", "STUB_NO_DENY_POLICY=1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto calls = recorded_calls(dir.path() / "state");
  std::vector<json> creates;
  std::vector<json> attaches;
  for (const auto& call : calls) {
    if (has(call, "organizations", "create-policy")) {
      creates.push_back(call);
    }
    if (has(call, "organizations", "attach-policy")) {
      attaches.push_back(call);
    }
  }
  ASSERT_EQ(creates.size(), 1U);
  EXPECT_EQ(option(creates[0], "--type"), "SERVICE_CONTROL_POLICY");
  EXPECT_EQ(option(creates[0], "--query"), "Policy.PolicySummary.Id");
  EXPECT_NE(option(creates[0], "--content").find("\"aws:AssumedRoot\":\"true\""), std::string::npos);
  ASSERT_EQ(attaches.size(), 1U);
  EXPECT_EQ(option(attaches[0], "--policy-id"), "p-denyroot0001"); // read back, never unbound
}

TEST(Fix, StopsBeforeAnyCallWhenTheCliIsTooOld) {
  TempDir dir("fix-old-cli");
  write_fix(dir.path(), "en");
  const auto result = run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {"--apply"},
                                     {"ROOTGUARD_ALERT_EMAIL=security@example.org",
                                      "STUB_AWS_VERSION=aws-cli/2.9.19 Python/3.11.2 Linux/6.1 "
                                      "source/x86_64.debian.12 prompt/off"});
  EXPECT_EQ(result.exit_code, 99);
  EXPECT_NE(result.err.find("AWS CLI 2.9.19 is too old"), std::string::npos) << result.err;
  EXPECT_TRUE(recorded_calls(dir.path() / "state").empty());
}

TEST(Fix, StopsAtTheFirstFailureNamingTheStep) {
  TempDir dir("fix-failure");
  write_fix(dir.path(), "en");
  const auto result =
      run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {"--apply"},
                     {"ROOTGUARD_ALERT_EMAIL=security@example.org", "STUB_FAIL=update-detector"});
  EXPECT_EQ(result.exit_code, 99);
  EXPECT_NE(result.err.find("stopped: step failed"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("GuardDuty detector d2222aaaa enabled in 222222222222"), std::string::npos)
      << result.err;
  const auto calls = recorded_calls(dir.path() / "state");
  ASSERT_FALSE(calls.empty());
  EXPECT_TRUE(has(calls.back(), "guardduty", "update-detector")); // nothing ran after it
}

TEST(Fix, RefusesToApplyWithoutAnAlertAddress) {
  TempDir dir("fix-no-email");
  write_fix(dir.path(), "en");
  const auto result = run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {"--apply"});
  EXPECT_EQ(result.exit_code, 99);
  EXPECT_NE(result.err.find("ROOTGUARD_ALERT_EMAIL"), std::string::npos) << result.err;
  EXPECT_TRUE(recorded_calls(dir.path() / "state").empty());
}

// --lang ja on the example: the comments, labels and messages fix.sh and the Terraform carry are
// Japanese, the commands and values are the same as in English, and both still pass their checkers.
TEST(Fix, JapaneseScriptAndTerraformStayValid) {
  TempDir dir("fix-ja");
  const auto result = run_rootguard(
      {"fix", "--snapshot", "examples/example-org", "--output-dir", dir.path().string(), "--lang", "ja"});
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
  EXPECT_NE(result.err.find("rootguard: 20 件の修正手順と 5 件のコンソールでの手順を "), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("fix steps"), std::string::npos) << result.err;

  const auto script = read_all(dir.path() / "fix.sh");
  for (const char* japanese :
       {"# rootguard fix が 2026-11-28T09:00:00Z に収集されたスナップショットから生成。",
        "# ( サブシェル ) の中で: ルートアクセスの一元管理 (sts assume-root、タスクポリシー",
        "# ---- 管理アカウント 111111111111: 組織全体の手順 (一度だけ) ----",
        "begin '222222222222 us-east-1 で GuardDuty ディテクター d2222aaaa が有効 [修正対象: 222222222222 の "
        "guardduty-enabled (0d32eff1a7c8fe8d2a92e076f35885b3)]'",
        "--description 'メンバーアカウントのルートユーザーを拒否します。"}) {
    EXPECT_NE(script.find(japanese), std::string::npos) << japanese;
  }
  EXPECT_NE(script.find("--detector-id 'd2222aaaa'"), std::string::npos); // the commands are unchanged
  EXPECT_EQ(lint_script(dir.path() / "fix.sh"), "");

  const auto member = read_all(dir.path() / "accounts" / "222222222222-us-east-1" / "main.tf");
  EXPECT_NE(member.find("# rootguard fix が生成: アカウント 222222222222-us-east-1。"), std::string::npos);
  EXPECT_NE(member.find("# これがないと EventBridge はトピックに発行できず"), std::string::npos);
  EXPECT_NE(member.find("log_group_name = \"prod/cloudtrail\""), std::string::npos);
  const auto main_tf = read_all(dir.path() / "main.tf");
  EXPECT_NE(main_tf.find("description = \"ルートユーザーの使用アラートを受け取るアドレス"),
            std::string::npos);
  const auto hcl = run_program("/usr/bin/env",
                               {"node", RG_SOURCE_DIR "/tests/tools/validate-hcl.mjs", dir.path().string()},
                               {std::string("PATH=") + std::getenv("PATH")});
  if (hcl.exit_code == 77) {
    GTEST_SKIP() << "@cdktf/hcl2json is not installed: tests/tools/setup";
  }
  EXPECT_EQ(hcl.exit_code, 0) << hcl.out << hcl.err;
}

TEST(Fix, JapaneseDryRunAndFailureSpeakJapanese) {
  TempDir dir("fix-ja-run");
  write_fix(dir.path(), "ja");
  const auto dry = run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("   実行予定: aws guardduty update-detector --detector-id d2222aaaa --enable"),
            std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("ドライラン: 何も変更していません。"), std::string::npos) << dry.out;
  EXPECT_TRUE(recorded_calls(dir.path() / "state").empty());

  const auto usage = run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {"--bogus"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("使い方: "), std::string::npos) << usage.err;

  const auto failed =
      run_fix_script(dir.path() / "fix.sh", dir.path() / "state", {"--apply"},
                     {"ROOTGUARD_ALERT_EMAIL=security@example.org", "STUB_FAIL=update-detector"});
  EXPECT_EQ(failed.exit_code, 99);
  EXPECT_NE(failed.err.find("rootguard fix: 中止: 手順が失敗しました"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("222222222222 us-east-1 で GuardDuty ディテクター d2222aaaa が有効"),
            std::string::npos)
      << failed.err;
}

// Goldens: every file `rootguard fix` writes for the example organization, per language.
void expect_fix_golden(const std::string& lang) {
  TempDir dir("fix-golden-" + lang);
  write_fix(dir.path(), lang);
  const auto golden = kGolden / ("fix." + lang);
  std::vector<std::string> written;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    if (entry.is_regular_file()) {
      written.push_back(fs::relative(entry.path(), dir.path()).string());
    }
  }
  std::sort(written.begin(), written.end());
  if (std::getenv("RG_UPDATE_GOLDEN") != nullptr) {
    fs::remove_all(golden);
    for (const auto& name : written) {
      write_all(golden / name, read_all(dir.path() / name));
    }
    return;
  }
  std::vector<std::string> expected;
  for (const auto& entry : fs::recursive_directory_iterator(golden)) {
    if (entry.is_regular_file()) {
      expected.push_back(fs::relative(entry.path(), golden).string());
    }
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(written, expected) << "scripts/update-golden to accept";
  for (const auto& name : written) {
    EXPECT_EQ(read_all(dir.path() / name), read_all(golden / name))
        << name << " differs from " << (golden / name) << " (scripts/update-golden to accept)";
  }
}

TEST(Golden, FixEnglish) {
  expect_fix_golden("en");
}

TEST(Golden, FixJapanese) {
  expect_fix_golden("ja");
}

} // namespace
} // namespace rg::testing
