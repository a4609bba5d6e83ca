#pragma once
// One CloudTrail record as string views into the parser's buffers: no allocation per event. Valid only
// while the sink that receives it runs; copy what you keep (see MatchedEvent).
#include <string_view>

namespace rg::trail {

struct UserIdentityView {
  std::string_view type; // "Root", "IAMUser", "AssumedRole", "AWSService", ...
  std::string_view invoked_by;
  bool has_invoked_by = false; // CIS asks whether the field exists, not what it says
  std::string_view arn;
  std::string_view account_id;
  std::string_view principal_id;
  std::string_view access_key_id;
  std::string_view mfa_authenticated;    // sessionContext.attributes.mfaAuthenticated
  bool assumed_root = false;             // sessionContext.assumedRoot = "true": an sts:AssumeRoot session
  std::string_view in_scope_issuer_type; // inScopeOf.issuerType, "AWS::STS::AssumeRoot" for root sessions
};

struct EventView {
  std::string_view event_id;
  std::string_view event_time;
  std::string_view event_name;
  std::string_view event_source;
  std::string_view event_type; // AwsApiCall, AwsServiceEvent, AwsConsoleSignIn, ...
  std::string_view aws_region;
  std::string_view source_ip;
  std::string_view user_agent;
  std::string_view recipient_account_id;
  std::string_view error_code;
  std::string_view error_message;
  UserIdentityView user;
  std::string_view console_login;    // responseElements.ConsoleLogin: Success / Failure
  std::string_view mfa_used;         // additionalEventData.MFAUsed: Yes / No
  std::string_view login_to;         // additionalEventData.LoginTo
  std::string_view task_policy_arn;  // requestParameters.taskPolicyArn.arn (sts:AssumeRoot)
  std::string_view target_principal; // requestParameters.targetPrincipal (sts:AssumeRoot)

  // The account the event belongs to: recipientAccountId, else the caller's account.
  std::string_view account() const {
    return recipient_account_id.empty() ? user.account_id : recipient_account_id;
  }
};

} // namespace rg::trail
