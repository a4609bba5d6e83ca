#pragma once
// A mutelist (--mutelist FILE): accepted exceptions, each with a reason and an end date. The entries as
// read and checked from the file; matching is in mutelist_match.hpp, muting a report in apply_mutelist.hpp.
#include "findings/finding.hpp"
#include "util/result.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::mutelist {

// A mutelist that is larger is not one a person wrote: refused before parsing (decision 0017).
inline constexpr std::size_t kMaxFileBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxEntries = 10000;
inline constexpr std::size_t kMaxPatternBytes = 2048; // longer than any ARN; keeps matching cheap

using Date = std::chrono::year_month_day;

// "2026-12-31" exactly (four-digit year, a real calendar day); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);

struct Entry {
  std::size_t line = 0; // where the entry starts, 1-based
  // Patterns: exact text, or with `*` (any run of characters) and `?` (one character). Empty: any.
  std::string account;
  std::string rule; // a control or detection id (`control:` or `detection:` in the file)
  std::string region;
  std::string resource;
  std::string finding_id; // exact; empty: any
  Date expires{};
  // What a muted finding carries: reason, expiry, owner, ticket and "file:line".
  std::shared_ptr<const Mute> mute;
};

struct Mutelist {
  std::string file; // as the user named it
  std::vector<Entry> entries;
};

// Parses and checks a mutelist. Every problem names the file and the line and column (yaml-cpp's Mark):
// YAML syntax, anchors/aliases, nesting, wrong types, unknown or repeated keys, missing reason/expires,
// bad dates, account ids, finding ids, unknown control/detection ids.
Result<Mutelist> parse_mutelist(std::string_view text, const std::string& file);
// Reads FILE (a regular file of at most kMaxFileBytes) and parses it.
Result<Mutelist> load_mutelist(const std::filesystem::path& path);

} // namespace rg::mutelist
