#include "snapshot/credential_report_parser.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace rg::snapshot {
namespace {

struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> cells;
};

// Splits CSV text into records and hands each to `visit` as soon as it ends, so memory stays one record
// however many users the account has; returns a problem for an unterminated quote.
template <typename Visit>
std::optional<Problem> split_records(std::string_view csv, const std::string& file, Visit&& visit) {
  CsvRecord current;
  std::string cell;
  size_t line = 1;
  current.line = line;
  bool in_quotes = false;
  bool record_has_content = false;
  size_t quote_line = 0;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') {
          ++line;
        }
        cell += c;
      }
      continue;
    }
    switch (c) {
    case '"':
      in_quotes = true;
      quote_line = line;
      record_has_content = true;
      break;
    case ',':
      current.cells.push_back(std::move(cell));
      cell.clear();
      record_has_content = true;
      break;
    case '\r':
      break; // CRLF: the LF ends the record
    case '\n':
      if (record_has_content || !cell.empty()) {
        current.cells.push_back(std::move(cell));
        visit(std::move(current));
      }
      cell.clear();
      current = CsvRecord{};
      ++line;
      current.line = line;
      record_has_content = false;
      break;
    default:
      cell += c;
      record_has_content = true;
    }
  }
  if (in_quotes) {
    return Problem{ProblemKind::kUnreadable, file, fmt::format("line {}", quote_line),
                   "unterminated quoted cell"};
  }
  if (record_has_content || !cell.empty()) {
    current.cells.push_back(std::move(cell));
    visit(std::move(current));
  }
  return std::nullopt;
}

// Enough located row problems to act on; the rest are counted in one line.
constexpr size_t kRowProblemsShown = 50;

} // namespace

Result<model::CredentialReport> parse_credential_report_csv(std::string_view csv, const std::string& file) {
  // A UTF-8 byte order mark is legal in CSV and would otherwise become part of the first header name.
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") {
    csv.remove_prefix(3);
  }
  model::CredentialReport report;
  report.source = file;
  bool has_header = false;
  bool has_user = false;
  size_t user_column = 0;
  size_t row_problems = 0;
  size_t first_root_line = 0;
  size_t extra_root_rows = 0; // <root_account> rows after the first
  const auto visit = [&](CsvRecord&& record) {
    if (!has_header) {
      has_header = true;
      for (const auto& name : record.cells) {
        report.header.emplace_back(trim(name));
      }
      for (size_t c = 0; c < report.header.size(); ++c) {
        if (!has_user && report.header[c] == "user") {
          has_user = true;
          user_column = c;
        }
      }
      return;
    }
    if (!has_user) {
      return;
    }
    if (record.cells.size() != report.header.size()) {
      if (++row_problems <= kRowProblemsShown) {
        report.problems.push_back(Problem{ProblemKind::kInvalid, file, fmt::format("line {}", record.line),
                                          fmt::format("row has {} cells, header has {}; {}",
                                                      record.cells.size(), report.header.size(),
                                                      record.cells.size() < report.header.size()
                                                          ? "missing cells are treated as not present"
                                                          : "extra cells are ignored")});
      }
    }
    const bool is_root =
        user_column < record.cells.size() && record.cells[user_column] == model::CredentialReport::kRootUser;
    if (!is_root) {
      ++report.user_rows; // IAM users: no control reads them, so they are counted, not kept
      return;
    }
    if (first_root_line != 0) {
      // Two root rows cannot both be true: the report is damaged. The first is used, and the run says so;
      // a million of them are listed up to the same cap as other bad rows, then counted.
      if (++extra_root_rows <= kRowProblemsShown) {
        report.problems.push_back(
            Problem{ProblemKind::kUnreadable, file, fmt::format("line {}", record.line),
                    fmt::format("a second {} row (the first is on line {}); the first is used",
                                model::CredentialReport::kRootUser, first_root_line)});
      }
      return;
    }
    first_root_line = record.line;
    model::CredentialReportRow row;
    row.line = record.line;
    const size_t usable = std::min(record.cells.size(), report.header.size());
    for (size_t c = 0; c < usable; ++c) {
      row.cells.emplace(report.header[c], std::move(record.cells[c]));
    }
    report.rows.push_back(std::move(row));
  };
  if (auto problem = split_records(csv, file, visit)) {
    return *problem;
  }
  if (!has_header) {
    return Problem{ProblemKind::kUnreadable, file, "line 1", "empty credential report"};
  }
  if (!has_user) {
    return Problem{ProblemKind::kUnreadable, file, "line 1",
                   "header has no 'user' column: not a credential report"};
  }
  if (extra_root_rows > kRowProblemsShown) {
    report.problems.push_back(
        Problem{ProblemKind::kUnreadable, file, "",
                fmt::format("{} more {} rows after the first", extra_root_rows - kRowProblemsShown,
                            model::CredentialReport::kRootUser)});
  }
  if (row_problems > kRowProblemsShown) {
    report.problems.push_back(Problem{
        ProblemKind::kInvalid, file, "",
        fmt::format("{} more rows with the wrong number of cells", row_problems - kRowProblemsShown)});
  }
  return report;
}

} // namespace rg::snapshot
