#pragma once
// File I/O with the project's safety rules: reads report located problems; writes never follow symlinks
// and land atomically (temp file + rename), so a crash never leaves half a report.
#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace rg {

// Reads a whole file. Absent -> ProblemKind::kAbsent, other failures -> kUnreadable.
Result<std::string> read_file(const std::filesystem::path& path);

// Writes `content` to `path` via a temp file opened with O_NOFOLLOW|O_EXCL and rename(2).
// Throws FatalError when the file cannot be written: output the user asked for is not optional.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Creates `path` and its parents; throws FatalError when it cannot (an output folder the user asked for).
void create_directories_or_fail(const std::filesystem::path& path);

} // namespace rg
