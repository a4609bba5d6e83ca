#include "detections/catalog.hpp"
#include "detections/catalog_matcher.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>

namespace rg::detections {
namespace {

using trail::EventView;

// A root API call from the CLI: what the CIS filter is about.
EventView root_api_call(std::string_view name = "ListBuckets") {
  EventView e;
  e.event_id = "id";
  e.event_name = name;
  e.event_source = "iam.amazonaws.com";
  e.event_type = "AwsApiCall";
  e.user.type = "Root";
  e.user.arn = "arn:aws:iam::111122223333:root";
  e.recipient_account_id = "111122223333";
  return e;
}

EventView root_console_action(std::string_view name) {
  EventView e = root_api_call(name);
  e.user.has_invoked_by = true;
  e.user.invoked_by = "signin.amazonaws.com";
  return e;
}

EventView service_on_behalf_of_root(std::string_view name) {
  EventView e = root_api_call(name);
  e.user.has_invoked_by = true;
  e.user.invoked_by = "cloudformation.amazonaws.com";
  return e;
}

EventView aws_service_event(std::string_view name) {
  EventView e = root_api_call(name);
  e.event_type = "AwsServiceEvent";
  return e;
}

EventView iam_user_call(std::string_view name) {
  EventView e = root_api_call(name);
  e.user.type = "IAMUser";
  e.user.arn = "arn:aws:iam::111122223333:user/alice";
  return e;
}

EventView console_login(std::string_view result, std::string_view mfa) {
  EventView e = root_api_call("ConsoleLogin");
  e.event_source = "signin.amazonaws.com";
  e.event_type = "AwsConsoleSignIn";
  e.console_login = result;
  e.mfa_used = mfa;
  return e;
}

std::set<std::string_view> matches(const EventView& event) {
  std::vector<std::string_view> ids;
  CatalogMatcher().match(event, ids);
  return {ids.begin(), ids.end()};
}

bool has(const EventView& event, std::string_view id) {
  return matches(event).count(id) == 1;
}

TEST(Catalog, IdsAreUniqueAndBothLanguagesPresent) {
  std::set<std::string_view> ids;
  for (const Detection* d : catalog()) {
    EXPECT_TRUE(ids.insert(d->metadata.id).second) << d->metadata.id;
    EXPECT_EQ(d->metadata.kind, RuleKind::kActivity);
    for (const Text* text : {&d->metadata.title, &d->metadata.risk, &d->metadata.explanation}) {
      EXPECT_FALSE(text->en.empty()) << d->metadata.id;
      EXPECT_FALSE(text->ja.empty()) << d->metadata.id;
    }
    EXPECT_NE(d->match, nullptr);
    EXPECT_EQ(find_detection(d->metadata.id), d);
  }
  EXPECT_EQ(find_detection("no-such-detection"), nullptr);
}

TEST(Catalog, GuardDutyTypeIsTheRealOne) {
  for (const Detection* d : catalog()) {
    const auto type = d->metadata.mappings.guardduty_type;
    EXPECT_TRUE(type.empty() || type == "Policy:IAMUser/RootCredentialUsage") << d->metadata.id;
  }
}

TEST(RootActivityCis, MatchesExactlyTheCisFilter) {
  EXPECT_TRUE(has(root_api_call(), "root-activity-cis"));
  EXPECT_TRUE(has(console_login("Success", "Yes"), "root-activity-cis"));
  EXPECT_FALSE(has(root_console_action("CreateAccessKey"), "root-activity-cis")); // the blind spot
  EXPECT_FALSE(has(service_on_behalf_of_root("CreateStack"), "root-activity-cis"));
  EXPECT_FALSE(has(aws_service_event("RotateKey"), "root-activity-cis"));
  EXPECT_FALSE(has(iam_user_call("ListBuckets"), "root-activity-cis"));
}

TEST(RootActivityCis, InvokedByPresentButEmptyStillExists) {
  EventView e = root_api_call();
  e.user.has_invoked_by = true; // "invokedBy": "" or null: the field exists, so NOT EXISTS is false
  EXPECT_FALSE(has(e, "root-activity-cis"));
}

TEST(ConsoleBlindSpot, CatchesRootConsoleActionsOnly) {
  EXPECT_TRUE(has(root_console_action("CreateAccessKey"), "root-console-action-cis-blind-spot"));
  EXPECT_FALSE(has(root_api_call("CreateAccessKey"), "root-console-action-cis-blind-spot"));
  EXPECT_FALSE(has(service_on_behalf_of_root("CreateStack"), "root-console-action-cis-blind-spot"));
  EventView service_event = root_console_action("Something");
  service_event.event_type = "AwsServiceEvent";
  EXPECT_FALSE(has(service_event, "root-console-action-cis-blind-spot"));
  EventView user = root_console_action("CreateAccessKey");
  user.user.type = "IAMUser";
  EXPECT_FALSE(has(user, "root-console-action-cis-blind-spot"));
}

TEST(ConsoleSignin, SuccessFailureAndMissingMfa) {
  EXPECT_EQ(matches(console_login("Success", "No")),
            (std::set<std::string_view>{"root-activity-cis", "root-console-signin-success",
                                        "root-console-signin-without-mfa"}));
  EXPECT_EQ(matches(console_login("Success", "Yes")),
            (std::set<std::string_view>{"root-activity-cis", "root-console-signin-success"}));
  EXPECT_EQ(matches(console_login("Failure", "No")),
            (std::set<std::string_view>{"root-activity-cis", "root-console-signin-failure"}));
  EventView user = console_login("Success", "No");
  user.user.type = "IAMUser";
  EXPECT_TRUE(matches(user).empty());
}

TEST(AccessKeyCreated, FromApiAndConsoleNotFromServicesOrUsers) {
  EXPECT_TRUE(has(root_api_call("CreateAccessKey"), "root-access-key-created"));
  EXPECT_TRUE(has(root_console_action("CreateAccessKey"), "root-access-key-created"));
  EXPECT_FALSE(has(service_on_behalf_of_root("CreateAccessKey"), "root-access-key-created"));
  EXPECT_FALSE(has(iam_user_call("CreateAccessKey"), "root-access-key-created"));
  EventView denied = root_api_call("CreateAccessKey");
  denied.error_code = "AccessDenied";
  EXPECT_FALSE(has(denied, "root-access-key-created"));
  EXPECT_TRUE(has(denied, "root-api-call-denied"));
}

TEST(MfaDeviceRemoved, DeactivateAndDelete) {
  EXPECT_TRUE(has(root_console_action("DeactivateMFADevice"), "root-mfa-device-removed"));
  EXPECT_TRUE(has(root_api_call("DeleteVirtualMFADevice"), "root-mfa-device-removed"));
  EXPECT_FALSE(has(root_api_call("EnableMFADevice"), "root-mfa-device-removed"));
  EXPECT_FALSE(has(iam_user_call("DeactivateMFADevice"), "root-mfa-device-removed"));
  EXPECT_FALSE(has(aws_service_event("DeactivateMFADevice"), "root-mfa-device-removed"));
}

TEST(Password, ChangedAndRecovery) {
  EventView updated = console_login("", "");
  updated.event_name = "PasswordUpdated";
  EXPECT_TRUE(has(updated, "root-password-changed"));
  EXPECT_FALSE(has(iam_user_call("PasswordUpdated"), "root-password-changed"));
  EventView requested = updated;
  requested.event_name = "PasswordRecoveryRequested";
  EXPECT_TRUE(has(requested, "root-password-recovery"));
  requested.event_name = "PasswordRecoveryCompleted";
  EXPECT_TRUE(has(requested, "root-password-recovery"));
  EventView other_source = requested;
  other_source.event_source = "iam.amazonaws.com";
  EXPECT_FALSE(has(other_source, "root-password-recovery"));
}

TEST(SigningCertificate, UploadByRootOnly) {
  EXPECT_TRUE(has(root_api_call("UploadSigningCertificate"), "root-signing-certificate-created"));
  EXPECT_FALSE(has(iam_user_call("UploadSigningCertificate"), "root-signing-certificate-created"));
  EXPECT_FALSE(
      has(service_on_behalf_of_root("UploadSigningCertificate"), "root-signing-certificate-created"));
}

TEST(AssumeRoot, SessionStartAndActionsInside) {
  EventView start = iam_user_call("AssumeRoot");
  start.user.type = "AssumedRole";
  start.event_source = "sts.amazonaws.com";
  start.task_policy_arn = "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials";
  start.target_principal = "222233334444";
  EXPECT_EQ(matches(start), (std::set<std::string_view>{"root-session-started"}));

  EventView inside = root_api_call("DeleteLoginProfile");
  inside.user.assumed_root = true;
  EXPECT_TRUE(has(inside, "root-session-action"));
  EXPECT_TRUE(has(inside, "root-password-changed"));
  EventView scoped = root_api_call("DeleteAccessKey");
  scoped.user.in_scope_issuer_type = "AWS::STS::AssumeRoot";
  EXPECT_TRUE(has(scoped, "root-session-action"));
  EXPECT_FALSE(has(root_api_call("DeleteAccessKey"), "root-session-action"));
}

TEST(ApiCallDenied, TheThreeDenialCodes) {
  for (const std::string_view code :
       {"AccessDenied", "UnauthorizedOperation", "Client.UnauthorizedOperation"}) {
    EventView e = root_api_call("RunInstances");
    e.error_code = code;
    EXPECT_TRUE(has(e, "root-api-call-denied")) << code;
  }
  EventView throttled = root_api_call("RunInstances");
  throttled.error_code = "ThrottlingException";
  EXPECT_FALSE(has(throttled, "root-api-call-denied"));
  EventView user = iam_user_call("RunInstances");
  user.error_code = "AccessDenied";
  EXPECT_FALSE(has(user, "root-api-call-denied"));
  EventView service = service_on_behalf_of_root("RunInstances");
  service.error_code = "AccessDenied";
  EXPECT_FALSE(has(service, "root-api-call-denied"));
}

TEST(Matcher, ServiceInvokedRootEventsMatchNothing) {
  for (const std::string_view name :
       {"CreateAccessKey", "ListBuckets", "DeactivateMFADevice", "ConsoleLogin"}) {
    EXPECT_TRUE(matches(service_on_behalf_of_root(name)).empty()) << name;
    EXPECT_TRUE(matches(aws_service_event(name)).empty()) << name;
  }
  EXPECT_TRUE(matches(iam_user_call("DescribeInstances")).empty());
}

} // namespace
} // namespace rg::detections
