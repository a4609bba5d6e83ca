#pragma once
// Report = what the run looked at + its findings + what could not be read. Formatters are pure
// functions of a Report: no clock, no environment, so golden files are stable.
#include "findings/finding.hpp"
#include "util/problem.hpp"
#include "util/time.hpp"

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::report {

struct RunInfo {
  std::string command = "scan";
  std::string tool_version;
  std::string snapshot;
  std::optional<TimePoint> collected_at;
  std::optional<TimePoint> as_of;
  std::string partition = "aws";
  int root_usage_days = 90;
};

struct AccountInfo {
  std::string id;
  std::string name;
  std::string role; // "management", "member" or "standalone"
};

// What a --mutelist did: every entry once, in file order, with what became of it. Expired entries stopped
// muting; stale ones matched nothing (a fixed finding, or a typo). Both are shown so they get cleaned up.
enum class MuteEntryState { kActive, kExpired, kStale };
std::string_view to_string(MuteEntryState state); // "active", "expired", "stale"

struct MuteEntryReview {
  std::shared_ptr<const Mute> entry;
  MuteEntryState state = MuteEntryState::kStale;
  size_t matched = 0; // findings it muted (active), or would have muted (expired)
};

struct MutelistReview {
  std::string file;
  std::string today; // YYYY-MM-DD: the date expiry was judged on
  std::vector<MuteEntryReview> entries;
  size_t expired() const;
  size_t stale() const;
};

struct Report {
  RunInfo run;
  std::vector<AccountInfo> accounts;
  std::vector<Finding> findings;          // sorted
  std::vector<Problem> problems;          // inputs that could not be read
  std::optional<MutelistReview> mutelist; // set when the run was given --mutelist
};

struct Summary {
  size_t total = 0;
  size_t pass = 0;
  size_t fail = 0;
  size_t unknown = 0;
  size_t not_applicable = 0;                // never a failure, never makes a run incomplete (decision 0028)
  std::array<size_t, 5> fail_by_severity{}; // indexed by Severity
  size_t unreadable = 0;                    // problems
  size_t muted = 0;                         // findings muted by the mutelist, whatever their status
  size_t fail_muted = 0;                    // FAILs among them: fail - fail_muted is what exit code 3 counts
  size_t unmuted_fail() const { return fail - fail_muted; }
};
Summary summarize(const Report& report);

struct RenderOptions {
  Lang lang = Lang::kEn;
  bool color = false;
  // Where findings are imported (ASFF ProductArn, OCSF cloud.region) and where global (IAM) findings
  // are placed; Security Hub imports into one region.
  std::string region = "us-east-1";
  // Terminal columns the table wraps reasons to; 0 (files, pipes, other formats): one line each.
  size_t width = 0;
};

// One pure function per format; report/formats.hpp lists them for --format.
std::string render_json(const Report& report, const RenderOptions& options);
// The same document written in pieces as it is made (for reports of thousands of accounts).
using TextSink = std::function<void(std::string_view)>;
void write_json(const Report& report, const RenderOptions& options, const TextSink& out);
// --format jsonl: a record per finding, per unreadable input, then the summary; one JSON object per line.
std::string render_json_lines(const Report& report, const RenderOptions& options);
void write_json_lines(const Report& report, const RenderOptions& options, const TextSink& out);
std::string render_table(const Report& report, const RenderOptions& options);
// An account's role ("management", "member", "standalone") as a person reads it: the English word, or
// 管理アカウント / メンバー / スタンドアロン (table and HTML).
std::string account_role_label(const std::string& role, Lang lang);
std::string render_asff(const Report& report, const RenderOptions& options); // one JSON array
std::string render_ocsf(const Report& report, const RenderOptions& options);
std::string render_sarif(const Report& report, const RenderOptions& options);
std::string render_csv(const Report& report, const RenderOptions& options);
std::string render_html(const Report& report, const RenderOptions& options);

// BatchImportFindings accepts at most 100 findings and 240 KB a call: ASFF split into such arrays.
inline constexpr size_t kAsffMaxFindingsPerBatch = 100;
inline constexpr size_t kAsffMaxBatchBytes = size_t{240} * 1024;
std::vector<std::string> render_asff_batches(const Report& report, const RenderOptions& options);

} // namespace rg::report
