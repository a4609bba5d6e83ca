#include "trail/event_fields.hpp"

#include <cstring>
#include <string_view>
#include <utility>

namespace rg::trail {
namespace {

using simdjson::error_code;
using simdjson::SUCCESS;
namespace od = simdjson::ondemand;

// The key as written, without unescaping: CloudTrail keys are plain ASCII, and a key spelled with escapes
// simply matches nothing (it is skipped like any unknown field).
std::string_view raw_key(od::field& field) {
  // Keys are a few bytes long: a plain loop beats a memchr call. Stage 1 guarantees a closing quote.
  const char* start = field.key().raw();
  std::size_t length = 0;
  while (start[length] != '"') {
    ++length;
  }
  return {start, length};
}

// Reads a string value; other types leave `out` empty and are skipped by the iterator.
error_code read_string(od::value value, std::string_view& out) {
  od::json_type type;
  if (auto error = value.type().get(type)) {
    return error;
  }
  if (type != od::json_type::string) {
    return SUCCESS;
  }
  return value.get_string().get(out);
}

// Visits the fields of `value` when it is an object; anything else is skipped.
template <typename Visit> error_code for_each_field(od::value value, Visit&& visit) {
  od::json_type type;
  if (auto error = value.type().get(type)) {
    return error;
  }
  if (type != od::json_type::object) {
    return SUCCESS;
  }
  od::object object;
  if (auto error = value.get_object().get(object)) {
    return error;
  }
  for (auto result : object) {
    od::field field;
    if (auto error = std::move(result).get(field)) {
      return error;
    }
    if (auto error = visit(raw_key(field), field.value())) {
      return error;
    }
  }
  return SUCCESS;
}

// sessionContext.assumedRoot is documented as the string "true"; accept a JSON boolean as well.
error_code read_flag(od::value value, bool& out) {
  od::json_type type;
  if (auto error = value.type().get(type)) {
    return error;
  }
  if (type == od::json_type::boolean) {
    return value.get_bool().get(out);
  }
  std::string_view text;
  if (auto error = read_string(value, text)) {
    return error;
  }
  out = text == "true";
  return SUCCESS;
}

error_code read_session_context(od::value value, UserIdentityView& user) {
  return for_each_field(value, [&](std::string_view key, od::value field) -> error_code {
    if (key == "assumedRoot") {
      return read_flag(field, user.assumed_root);
    }
    if (key == "attributes") {
      return for_each_field(field, [&](std::string_view name, od::value attribute) -> error_code {
        return name == "mfaAuthenticated" ? read_string(attribute, user.mfa_authenticated) : SUCCESS;
      });
    }
    return SUCCESS;
  });
}

error_code read_user_identity(od::value value, UserIdentityView& user) {
  return for_each_field(value, [&](std::string_view key, od::value field) -> error_code {
    switch (key.size()) {
    case 3:
      return key == "arn" ? read_string(field, user.arn) : SUCCESS;
    case 4:
      return key == "type" ? read_string(field, user.type) : SUCCESS;
    case 9:
      if (key == "invokedBy") {
        user.has_invoked_by = true;
        return read_string(field, user.invoked_by);
      }
      if (key == "accountId") {
        return read_string(field, user.account_id);
      }
      return key == "inScopeOf" ? for_each_field(field,
                                                 [&](std::string_view name, od::value scope) -> error_code {
                                                   return name == "issuerType"
                                                              ? read_string(scope, user.in_scope_issuer_type)
                                                              : SUCCESS;
                                                 })
                                : SUCCESS;
    case 11:
      if (key == "principalId") {
        return read_string(field, user.principal_id);
      }
      return key == "accessKeyId" ? read_string(field, user.access_key_id) : SUCCESS;
    case 14:
      // The nested session block matters only for root (MFA, AssumeRoot sessions); for the role sessions
      // that make up most events it is skipped unread. CloudTrail writes type first.
      return key == "sessionContext" && (user.type.empty() || user.type == "Root")
                 ? read_session_context(field, user)
                 : SUCCESS;
    default:
      return SUCCESS;
    }
  });
}

// The nested objects below matter for a handful of event names only; CloudTrail writes eventName before
// them, so for every other event they are skipped without being walked.
bool may_need(const EventView& event, std::string_view name) {
  return event.event_name.empty() || event.event_name == name;
}

} // namespace

error_code read_event_fields(od::object record, EventView& event, EventSink& sink, bool& wanted) {
  wanted = true;
  bool seen_user = false;
  bool decided = false;
  for (auto result : record) {
    od::field field;
    if (auto error = std::move(result).get(field)) {
      return error;
    }
    const std::string_view key = raw_key(field);
    od::value value = field.value();
    error_code error = SUCCESS;
    switch (key.size()) {
    case 7:
      if (key == "eventID") {
        error = read_string(value, event.event_id);
      }
      break;
    case 9:
      if (key == "eventName") {
        error = read_string(value, event.event_name);
      } else if (key == "eventTime") {
        error = read_string(value, event.event_time);
      } else if (key == "awsRegion") {
        error = read_string(value, event.aws_region);
      } else if (key == "userAgent") {
        error = read_string(value, event.user_agent);
      } else if (key == "eventType") {
        error = read_string(value, event.event_type);
      } else if (key == "errorCode") {
        error = read_string(value, event.error_code);
      }
      break;
    case 11:
      if (key == "eventSource") {
        error = read_string(value, event.event_source);
      }
      break;
    case 12:
      if (key == "userIdentity") {
        seen_user = true;
        error = read_user_identity(value, event.user);
      } else if (key == "errorMessage") {
        error = read_string(value, event.error_message);
      }
      break;
    case 15:
      if (key == "sourceIPAddress") {
        error = read_string(value, event.source_ip);
      }
      break;
    case 16:
      if (key == "responseElements" && may_need(event, "ConsoleLogin")) {
        error = for_each_field(value, [&](std::string_view name, od::value element) -> error_code {
          return name == "ConsoleLogin" ? read_string(element, event.console_login) : SUCCESS;
        });
      }
      break;
    case 17:
      if (key == "requestParameters" && may_need(event, "AssumeRoot")) {
        error = for_each_field(value, [&](std::string_view name, od::value parameter) -> error_code {
          if (name == "targetPrincipal") {
            return read_string(parameter, event.target_principal);
          }
          if (name == "taskPolicyArn") {
            return for_each_field(parameter, [&](std::string_view inner, od::value arn) -> error_code {
              return inner == "arn" ? read_string(arn, event.task_policy_arn) : SUCCESS;
            });
          }
          return SUCCESS;
        });
      }
      break;
    case 18:
      if (key == "recipientAccountId") {
        error = read_string(value, event.recipient_account_id);
      }
      break;
    case 19:
      if (key == "additionalEventData" && may_need(event, "ConsoleLogin")) {
        error = for_each_field(value, [&](std::string_view name, od::value data) -> error_code {
          if (name == "MFAUsed") {
            return read_string(data, event.mfa_used);
          }
          return name == "LoginTo" ? read_string(data, event.login_to) : SUCCESS;
        });
      }
      break;
    default:
      break;
    }
    if (error != SUCCESS) {
      return error;
    }
    if (!decided && seen_user && !event.event_name.empty()) {
      decided = true;
      if (!sink.wants(event)) {
        wanted = false; // the array iterator skips the rest of this record
        return SUCCESS;
      }
    }
  }
  return SUCCESS;
}

} // namespace rg::trail
