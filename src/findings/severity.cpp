#include "findings/severity.hpp"

#include "util/strings.hpp"

namespace rg {

std::string_view to_string(Severity severity) {
  switch (severity) {
  case Severity::kInformational:
    return "informational";
  case Severity::kLow:
    return "low";
  case Severity::kMedium:
    return "medium";
  case Severity::kHigh:
    return "high";
  case Severity::kCritical:
    return "critical";
  }
  return "unknown";
}

std::optional<Severity> parse_severity(std::string_view text) {
  const auto lower = to_lower(text);
  for (const auto severity :
       {Severity::kInformational, Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kCritical}) {
    if (lower == to_string(severity)) {
      return severity;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Status status) {
  switch (status) {
  case Status::kPass:
    return "PASS";
  case Status::kFail:
    return "FAIL";
  case Status::kUnknown:
    return "UNKNOWN";
  case Status::kNotApplicable:
    return "NOT_APPLICABLE";
  }
  return "UNKNOWN";
}

std::optional<Status> parse_status(std::string_view text) {
  const auto lower = to_lower(text);
  if (lower == "n/a") {
    return Status::kNotApplicable;
  }
  for (const auto status : {Status::kPass, Status::kFail, Status::kUnknown, Status::kNotApplicable}) {
    if (lower == to_lower(to_string(status))) {
      return status;
    }
  }
  return std::nullopt;
}

} // namespace rg
