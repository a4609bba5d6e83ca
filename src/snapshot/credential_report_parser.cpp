#include "snapshot/credential_report_parser.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace rg::snapshot {
namespace {

struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> cells;
};

// Splits CSV text into records; returns a problem for an unterminated quote.
Result<std::vector<CsvRecord>> split_records(std::string_view csv, const std::string& file) {
  std::vector<CsvRecord> records;
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
        records.push_back(std::move(current));
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
    records.push_back(std::move(current));
  }
  return records;
}

} // namespace

Result<model::CredentialReport> parse_credential_report_csv(std::string_view csv, const std::string& file) {
  // A UTF-8 byte order mark is legal in CSV and would otherwise become part of the first header name.
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") {
    csv.remove_prefix(3);
  }
  auto records = split_records(csv, file);
  if (!records) {
    return records.error();
  }
  if (records->empty()) {
    return Problem{ProblemKind::kUnreadable, file, "line 1", "empty credential report"};
  }
  model::CredentialReport report;
  report.source = file;
  for (const auto& name : records->front().cells) {
    report.header.emplace_back(trim(name));
  }
  bool has_user = false;
  for (const auto& name : report.header) {
    has_user = has_user || name == "user";
  }
  if (!has_user) {
    return Problem{ProblemKind::kUnreadable, file, "line 1",
                   "header has no 'user' column: not a credential report"};
  }
  for (size_t r = 1; r < records->size(); ++r) {
    const auto& record = (*records)[r];
    model::CredentialReportRow row;
    row.line = record.line;
    const size_t usable = std::min(record.cells.size(), report.header.size());
    for (size_t c = 0; c < usable; ++c) {
      row.cells.emplace(report.header[c], record.cells[c]);
    }
    if (record.cells.size() != report.header.size()) {
      report.problems.push_back(Problem{
          ProblemKind::kInvalid, file, fmt::format("line {}", record.line),
          fmt::format("row has {} cells, header has {}; {}", record.cells.size(), report.header.size(),
                      record.cells.size() < report.header.size() ? "missing cells are treated as not present"
                                                                 : "extra cells are ignored")});
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

} // namespace rg::snapshot
