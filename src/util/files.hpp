#pragma once
// File I/O with the project's safety rules: reads report located problems; writes never follow symlinks
// and land atomically (temp file + rename), so a crash never leaves half a report.
#include "util/result.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rg {

// The most any one input file may hold unless its reader says otherwise: a cap stops a planted 100 GB
// sparse file from exhausting memory before parsing starts (decision 0008 lists the caps per file type).
inline constexpr size_t kDefaultReadLimit = size_t{64} << 20;

// Reads a whole regular file. Absent (ENOENT only) -> ProblemKind::kAbsent; everything else is
// kUnreadable with the reason: a symlink loop, a directory, a FIFO/device/socket (opened non-blocking and
// never read, so a FIFO cannot hang the run), over `max_bytes`, or a link leading outside the folder of
// an active ConfinedReads.
Result<std::string> read_file(const std::filesystem::path& path, size_t max_bytes = kDefaultReadLimit);

// While alive, read_file on this thread refuses files whose real path is outside `root` (a snapshot
// copied from elsewhere may carry links to ~/.aws/credentials). Nested guards are not supported.
class ConfinedReads {
public:
  explicit ConfinedReads(const std::filesystem::path& root);
  ~ConfinedReads();
  ConfinedReads(const ConfinedReads&) = delete;
  ConfinedReads& operator=(const ConfinedReads&) = delete;
};

// While alive, read_file and list_folder on this thread explain a path under `root` that does not exist
// with the reason recorded for it (keys: paths relative to `root`, '/'-separated), e.g. the failed call
// that should have written it, instead of "file not found". A folder is explained by the first reason of
// a path inside it; a key ending in '/' explains every path below that folder. Nested guards are not
// supported.
class ExplainedAbsences {
public:
  ExplainedAbsences(const std::filesystem::path& root, std::map<std::string, std::string> reasons);
  ~ExplainedAbsences();
  ExplainedAbsences(const ExplainedAbsences&) = delete;
  ExplainedAbsences& operator=(const ExplainedAbsences&) = delete;
};

// The entries of a folder, sorted by name. Absent folder -> kAbsent; any other failure, including one
// while iterating, -> kUnreadable: a folder that cannot be listed must never read as empty.
struct FolderEntry {
  std::string name;
  bool is_directory = false;    // following links, as the readers would
  bool is_regular_file = false; // following links
  bool is_symlink = false;
  std::string error; // why the type could not be told (a link loop, a dangling link): empty when it could
};
Result<std::vector<FolderEntry>> list_folder(const std::filesystem::path& path);

// A file written in pieces with the rules of write_file_atomically: a temp file (O_NOFOLLOW|O_EXCL) renamed
// over `path` on commit(), or a device/FIFO written in place. Without commit() (an exception while
// rendering) the temp file is removed and `path` is untouched. For reports too large to hold in memory.
class OutputFile {
public:
  explicit OutputFile(std::filesystem::path path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write(std::string_view text); // buffered
  void commit();                     // throws FatalError when the file cannot be completed

private:
  void flush();
  std::filesystem::path path_;
  std::filesystem::path temp_; // empty for a device or FIFO
  int fd_ = -1;
  std::string buffer_;
};

// Writes `content` to `path` via a temp file opened with O_NOFOLLOW|O_EXCL and rename(2), when `path` is a
// regular file or does not exist. A character device or FIFO (`-o /dev/stdout`, `/dev/null`, a pipe) is
// written directly and never replaced; a directory, socket or other non-regular file is refused.
// Throws FatalError when the file cannot be written: output the user asked for is not optional.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Creates `path` and its parents; throws FatalError when it cannot (an output folder the user asked for).
void create_directories_or_fail(const std::filesystem::path& path);

// Creates `relative` (plain names only: no "..", ".", or absolute part) under `base`, one level at a time,
// refusing any level that already exists as a symlink or a non-folder: a link planted in an output folder
// (`targets -> /etc`) must not carry the writes outside it. `base` itself is the user's choice and may be
// a link. Throws FatalError naming the level that was refused.
void create_subfolders_or_fail(const std::filesystem::path& base, const std::filesystem::path& relative);

} // namespace rg
