#include "cli/list_options.hpp"

#include "controls/control.hpp"
#include "findings/severity.hpp"
#include "model/aws_ids.hpp"
#include "util/terminal_text.hpp"

#include <fmt/format.h>

namespace rg::cli {
namespace {

std::string control_ids() {
  std::string ids;
  for (const auto* control : controls::all_controls()) {
    ids += fmt::format("{}{}", ids.empty() ? "" : ", ", control->rule.id);
  }
  return ids;
}

// "" when `value` is allowed, else why not (CLI11 prints it with the option's name).
std::string check_value(const std::string& raw, ListKind kind) {
  const std::string value = terminal_safe(raw); // said back on the terminal

  switch (kind) {
  case ListKind::kAccountIds:
    return model::is_account_id(raw) ? "" : fmt::format("{} is not an account id (twelve digits)", value);
  case ListKind::kRegions:
    return model::is_region_name(raw) ? "" : fmt::format("{} is not a region name (us-east-1)", value);
  case ListKind::kControls:
    for (const auto* control : controls::all_controls()) {
      if (control->rule.id == raw) {
        return "";
      }
    }
    return fmt::format("{} is not a control id (rootguard controls list)", value);
  case ListKind::kStatuses:
    return parse_status(raw) ? "" : fmt::format("{} is not PASS, FAIL, UNKNOWN or NOT_APPLICABLE", value);
  case ListKind::kSeverities:
    return parse_severity(raw) ? ""
                               : fmt::format("{} is not critical, high, medium, low or informational", value);
  }
  return "";
}

std::string allowed(ListKind kind) {
  switch (kind) {
  case ListKind::kAccountIds:
    return "account ids (twelve digits)";
  case ListKind::kRegions:
    return "region names";
  case ListKind::kControls:
    return control_ids();
  case ListKind::kStatuses:
    return "PASS, FAIL, UNKNOWN, NOT_APPLICABLE";
  case ListKind::kSeverities:
    return "critical, high, medium, low, informational";
  }
  return "";
}

} // namespace

CLI::Option* add_list_option(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                             const std::string& description, ListKind kind) {
  return command
      .add_option(name, values,
                  fmt::format("{} (comma-separated or repeated; {})", description, allowed(kind)))
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check([kind](const std::string& value) { return check_value(value, kind); }, "", "");
}

} // namespace rg::cli
