#pragma once
// The one syntax of every option that takes a list (--accounts, --regions, --controls, --status,
// --severity, --exclude-accounts): comma-separated, or the option repeated, and never the next word on
// the command line (a path after `--accounts 111122223333` stays a path). Each value is checked against
// its grammar as it is parsed, so a typo is a usage error naming the value, not an empty result.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace rg::cli {

enum class ListKind {
  kAccountIds, // 12 digits
  kRegions,    // us-east-1, cn-north-1, us-gov-west-1, ...
  kControls,   // ids from the control catalogue
  kStatuses,   // PASS, FAIL, UNKNOWN, NOT_APPLICABLE (any case; N/A too)
  kSeverities, // critical, high, medium, low, informational (any case)
};

// Adds `name` as a list option of `kind` with `description`; the allowed values (or their form) are
// appended to the description for --help and the man page.
CLI::Option* add_list_option(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                             const std::string& description, ListKind kind);

} // namespace rg::cli
