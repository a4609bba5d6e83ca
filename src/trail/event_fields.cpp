#include "trail/event_fields.hpp"

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
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

// Strings decoded here instead of by simdjson (see read_string), kept until the next record: the EventView
// points into them while the sink runs. Per thread because each worker has its own reader; almost always
// empty.
thread_local std::deque<std::string> repaired_strings;

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// The four hex digits of a \u escape at text[at], or -1.
long code_unit(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) {
    return -1;
  }
  long unit = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int digit = hex_value(text[at + k]);
    if (digit < 0) {
      return -1;
    }
    unit = unit * 16 + digit;
  }
  return unit;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr std::uint32_t kReplacement = 0xFFFD;

// Decodes a JSON string token (from its opening quote) as simdjson would, except that an escape that is
// not a character (a lone surrogate such as \ud800, a bad \u) becomes U+FFFD instead of an error. The raw
// bytes were already checked as UTF-8 by simdjson's first stage.
std::string decode_replacing(std::string_view token) {
  std::string out;
  std::size_t i = 1;
  while (i < token.size() && token[i] != '"') {
    if (token[i] != '\\') {
      out += token[i++];
      continue;
    }
    const char e = i + 1 < token.size() ? token[i + 1] : '\0';
    i += 2;
    switch (e) {
    case '"':
    case '\\':
    case '/':
      out += e;
      break;
    case 'b':
      out += '\b';
      break;
    case 'f':
      out += '\f';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 't':
      out += '\t';
      break;
    case 'u': {
      const long unit = code_unit(token, i);
      if (unit < 0) {
        append_utf8(out, kReplacement);
        break;
      }
      i += 4;
      auto cp = static_cast<std::uint32_t>(unit);
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        const long low =
            i + 1 < token.size() && token[i] == '\\' && token[i + 1] == 'u' ? code_unit(token, i + 2) : -1;
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
          i += 6;
        } else {
          cp = kReplacement; // a high surrogate alone
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = kReplacement; // a low surrogate alone
      }
      append_utf8(out, cp);
      break;
    }
    default:
      append_utf8(out, kReplacement);
      break;
    }
  }
  return out;
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
  // simdjson 3.0 rejects the whole string (and so the record) for one lone surrogate escape; CloudTrail
  // copies userAgent and parameters from the caller, so one crafted header must not hide the record. The
  // value is consumed either way; its token is still readable.
  const std::string_view token = value.raw_json_token();
  const error_code error = value.get_string().get(out);
  if (error != simdjson::STRING_ERROR) {
    return error;
  }
  out = repaired_strings.emplace_back(decode_replacing(token));
  return SUCCESS;
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
  if (!repaired_strings.empty()) {
    repaired_strings.clear(); // the previous record's sink has returned
  }
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
