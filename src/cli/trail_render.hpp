#pragma once
// What `trail` and `merge` do with a trail report alike: check something was read, render it in the
// formats asked for, and tell the exit code, so that a merge of shards answers as the unsharded run does.
#include "cli/output_options.hpp"
#include "report/trail_report.hpp"
#include "util/fatal_error.hpp"

#include <string>
#include <vector>

namespace rg::cli {

// Throws when no CloudTrail file was found at all: a wrong folder must not pass a CI gate.
void require_files_read(const report::TrailReport& report, const std::vector<std::string>& paths);

void emit_trail_report(const report::TrailReport& report, const OutputOptions& output);

// 3 for unmuted findings or broken integrity, 2 when something could not be read or checked, else 0.
ExitCode trail_exit_code(const report::TrailReport& report);

} // namespace rg::cli
